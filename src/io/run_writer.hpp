// Writes a run's output directory: timeseries.csv, outbursts.csv and summary.json, each
// atomically. Every file records the version, seed, scenario and its SHA-256.
#pragma once

#include <filesystem>
#include <string>

#include "run/epstein_run.hpp"
#include "scenario/scenario.hpp"

namespace unrest::io {

std::string timeseries_csv(const scenario::Scenario& s, const run::RunResult& r);
std::string outbursts_csv(const scenario::Scenario& s, const run::RunResult& r);
// `peak_memory_bytes` is the process's peak resident size, 0 if unknown.
std::string summary_json(const scenario::Scenario& s, const run::RunResult& r,
                         std::uint64_t peak_memory_bytes);

void write_run(const std::filesystem::path& dir, const scenario::Scenario& s,
               const run::RunResult& r, std::uint64_t peak_memory_bytes);

}  // namespace unrest::io
