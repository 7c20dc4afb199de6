// One run of a country scenario: builds the country model, steps it period by period with the
// chosen scheduler, and returns its record (country/record.hpp). No file I/O: io/ writes it.
#pragma once

#include <cstdint>

#include "country/record.hpp"
#include "run/epstein_run.hpp"
#include "scenario/country_scenario.hpp"

namespace unrest::run {

struct CountryRunResult {
  country::CountryRecord record;
  std::uint64_t agent_updates = 0;
  std::uint64_t agents = 0;  // citizens and police on the lattices at the start
  double wall_seconds = 0.0;
  unsigned threads = 1;
};

CountryRunResult run_country(const scenario::CountryScenario& scenario,
                             const ProgressCallback& progress = {}, const RunOptions& options = {});

}  // namespace unrest::run
