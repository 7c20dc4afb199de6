// The report's data (docs/report.md): a run's output directory or a results store gathered
// into the one JSON object the report page is drawn from. Reads files; draws nothing.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>

namespace unrest::report {

// Dispatches on what `results` is: a directory written by `unrest run` (country or Epstein) or
// a results store. Bad input (no such path, not ours, a damaged file) is a scenario::InputError
// or io::OutputError naming the file and what was expected.
nlohmann::ordered_json report_data(const std::filesystem::path& results);

// The parts, for tests.
nlohmann::ordered_json country_run_data(const std::filesystem::path& dir);
nlohmann::ordered_json epstein_run_data(const std::filesystem::path& dir);
nlohmann::ordered_json store_data(const std::filesystem::path& store);

}  // namespace unrest::report
