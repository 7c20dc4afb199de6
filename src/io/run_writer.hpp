// Writes a run's output directory: timeseries.csv, outbursts.csv, summary.json and the lattice
// snapshots (io/lattice_pgm.hpp), each atomically. Every file records the version, seed, scenario
// and its SHA-256.
#pragma once

#include <filesystem>
#include <string>

#include "run/epstein_run.hpp"
#include "scenario/scenario.hpp"

namespace unrest::io {

// "lattice-000050-action.pgm": the file of a snapshot's screen ("action" or "grievance").
std::string snapshot_file(std::uint32_t period, const std::string& screen);

std::string timeseries_csv(const scenario::Scenario& s, const run::RunResult& r);
std::string outbursts_csv(const scenario::Scenario& s, const run::RunResult& r);
// `peak_memory_bytes` is the process's peak resident size, 0 if unknown.
std::string summary_json(const scenario::Scenario& s, const run::RunResult& r,
                         std::uint64_t peak_memory_bytes);

void write_run(const std::filesystem::path& dir, const scenario::Scenario& s,
               const run::RunResult& r, std::uint64_t peak_memory_bytes);

}  // namespace unrest::io
