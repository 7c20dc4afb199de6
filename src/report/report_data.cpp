#include "report/report_data.hpp"

#include <fmt/format.h>

#include "scenario/scenario.hpp"

namespace unrest::report {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

Json report_data(const fs::path& results) {
  std::error_code error;
  const fs::file_status status = fs::status(results, error);
  if (fs::is_directory(status)) {
    if (fs::exists(results / "national.csv")) return country_run_data(results);
    if (fs::exists(results / "timeseries.csv")) return epstein_run_data(results);
    throw scenario::InputError(fmt::format(
        "{}: expected a run's output directory (national.csv or timeseries.csv, written by "
        "`unrest run`), got a directory without them",
        results.string()));
  }
  if (fs::is_regular_file(status)) return store_data(results);
  throw scenario::InputError(fmt::format(
      "{}: expected a run's output directory or a results store (.db), got no such file",
      results.string()));
}

}  // namespace unrest::report
