// The results store: one SQLite file holding a study (an ensemble, a comparison or a sweep):
// the scenarios it runs, and per run its seed, timings, outcomes, per-region outcomes and time
// series. The schema is documented in docs/results-store.md. Each run is written in one
// transaction, so a run is in the store whole or not at all, and a study interrupted at any
// point resumes by running only what is missing. One writer at a time: the writer holds
// SQLite's exclusive lock for as long as the store is open.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "country/record.hpp"
#include "ensemble/replicates.hpp"
#include "run/country_run.hpp"
#include "scenario/country_scenario.hpp"
#include "store/sqlite.hpp"

namespace unrest::store {

inline constexpr int kSchemaVersion = 2;  // 2: scenarios.map_geojson

struct StudyScenario {
  std::string name;
  std::string sha256;          // of the effective scenario: its sources, data and every value
  std::string source;          // path, or builtin:NAME
  std::string effective_toml;  // every key with its value
  std::string parameters;      // JSON object of the values this scenario varies (sweeps), or {}
  std::string map_geojson;     // the regions' boundaries (country.map), for reports; or empty
};

// What a store is for. Reopening a store for a different study is refused, so that results
// of different scenarios, seeds or versions never mix.
struct Study {
  std::string command;  // "ensemble", "compare" or "sweep"
  std::uint64_t base_seed = 1;
  std::vector<StudyScenario> scenarios;
  std::uint32_t series_stride = 1;  // periods between stored time-series points
  bool region_series = false;       // also store every region's series
};

// The effective hash of a loaded scenario (sources, data files and every effective value).
std::string effective_sha256(const scenario::CountryScenario& s);
StudyScenario study_scenario(const scenario::CountryScenario& s, std::string parameters = "{}");

struct QueryResult {
  std::vector<std::string> columns;
  std::vector<std::vector<std::optional<std::string>>> rows;  // nullopt = SQL NULL
};

class ResultsStore {
 public:
  // Creates the store, or reopens it to resume the same study. Takes the write lock.
  static ResultsStore open_for_study(const std::filesystem::path& path, const Study& study);
  // Opens an existing store for reading only.
  static ResultsStore open_read_only(const std::filesystem::path& path);

  // The (scenario, replicate) pairs already complete.
  std::set<std::pair<std::size_t, std::uint32_t>> completed() const;
  // Writes one finished run in one transaction.
  void record(const ensemble::Job& job, const scenario::CountryScenario& s,
              const run::CountryRunResult& result);
  // The outcomes of a scenario's replicates 0 .. runs - 1 that are complete, in replicate order.
  std::vector<country::RunOutcome> outcomes(std::size_t scenario, std::uint32_t runs) const;
  // The study's scenario names, in order.
  std::vector<std::string> scenario_names() const;
  // Any read-only SQL.
  QueryResult query(const std::string& sql) const;
  // The store's tables, in schema order.
  static const std::vector<std::string>& tables();

 private:
  ResultsStore(Database db, Study study);
  mutable Database db_;  // reading prepares statements
  Study study_;
};

}  // namespace unrest::store
