// One run of an Epstein scenario: builds the model, steps it with the chosen scheduler,
// records the census of every period and detects outbursts. No file I/O: writers in io/
// turn a RunResult into files.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "core/statistics.hpp"
#include "models/epstein/lattice_image.hpp"
#include "models/epstein/model1.hpp"
#include "models/epstein/model2.hpp"
#include "models/epstein/outbursts.hpp"
#include "scenario/scenario.hpp"

namespace unrest::run {

struct PeriodRecord {
  std::uint32_t period = 0;
  epstein::Census census;
};

struct RunStatistics {
  double mean_active = 0.0;
  std::uint64_t peak_active = 0;
  double mean_jailed = 0.0;
  double share_periods_in_outburst = 0.0;
  std::size_t outbursts = 0;
  double outbursts_per_1000_periods = 0.0;
  core::Moments waiting_time;      // excluding the first (censored) wait
  core::Moments total_activation;  // complete outbursts only
  core::Moments peak;              // complete outbursts only
  core::Moments duration;          // complete outbursts only
};

// The lattice's two screens at the end of a chosen period (models/epstein/lattice_image.hpp).
struct LatticeSnapshot {
  std::uint32_t period = 0;
  epstein::LatticeImage image;
};

// Model II's outcome (summary.json's `model2`).
struct GenocideOutcome {
  // The first period at whose end a group (free and jailed) is extinct; none if never.
  std::optional<std::uint32_t> time_to_genocide;
  // The group left then; none without genocide, or if both died out together.
  std::optional<epstein::Group> survivor;
  std::uint64_t mixed_enclaves = 0;  // at the end: ModelII::mixed_enclaves()
};

// When and whom genocide leaves, from the per-period group counts (series[i] is period i + 1).
GenocideOutcome genocide_outcome(const std::vector<epstein::GroupCensus>& groups);

struct RunResult {
  std::vector<PeriodRecord> series;
  std::vector<epstein::GroupCensus> groups;  // Model II only: per period, as `series`
  std::optional<GenocideOutcome> model2;     // Model II only
  std::vector<LatticeSnapshot> snapshots;    // in period order
  std::vector<epstein::Outburst> outbursts;
  RunStatistics statistics;
  std::uint64_t agent_updates = 0;
  double wall_seconds = 0.0;
  unsigned threads = 1;  // threads that stepped the model (never changes the results)
};

// How to run, beyond the scenario: nothing here may change the results.
struct RunOptions {
  unsigned threads = 0;  // parallel scheduler: 0 = every hardware thread
  // Periods at whose end the lattice is pictured (Epstein runs), and the largest picture side.
  std::vector<std::uint32_t> snapshot_periods = {};
  int snapshot_max_side = 400;
};

// Called after each period with (period, total periods); may be empty.
using ProgressCallback = std::function<void(std::uint32_t, std::uint32_t)>;

RunResult run_epstein(const scenario::Scenario& scenario, const ProgressCallback& progress = {},
                      const RunOptions& options = {});

RunStatistics summarize(const std::vector<PeriodRecord>& series,
                        const std::vector<epstein::Outburst>& outbursts);

}  // namespace unrest::run
