// `unrest report RESULTS [--out FILE] [--assets DIR] [--force]`: one self-contained HTML file
// (docs/report.md) from a run's output directory or a results store.
#include <fmt/format.h>

#include <filesystem>

#include "cli/assets.hpp"
#include "cli/commands.hpp"
#include "io/atomic_file.hpp"
#include "report/report_data.hpp"
#include "report/report_html.hpp"
#include "scenario/scenario.hpp"

namespace unrest::cli {
namespace {

namespace fs = std::filesystem;

struct ReportArgs {
  std::string results;
  std::string out;
  std::string assets;
  bool force = false;
};

// RESULTS/report.html for a run directory; the store's path with .html for a store.
fs::path default_output(const fs::path& results) {
  if (fs::is_directory(results)) return results / "report.html";
  fs::path out = results;
  out.replace_extension(".html");
  return out;
}

}  // namespace

Action add_report(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "report", "Write one offline HTML report of a run's directory or a results store");
  auto args = std::make_shared<ReportArgs>();
  cmd->add_option("results", args->results, "A run's output directory, or a results store (.db)")
      ->required();
  cmd->add_option("--out", args->out,
                  "The HTML file (default: RESULTS/report.html, or the store's path with .html)");
  cmd->add_option("--assets", args->assets,
                  "The built front ends (default: web/ next to the unrest executable)");
  cmd->add_flag("--force", args->force, "Overwrite an existing report");
  return [args] {
    const fs::path results = args->results;
    const fs::path out = args->out.empty() ? default_output(results) : fs::path(args->out);
    if (fs::exists(out) && !args->force && !args->out.empty()) {
      throw scenario::InputError(fmt::format(
          "--out: {} exists; expected a new file, or --force to overwrite it", out.string()));
    }
    const fs::path assets =
        args->assets.empty() ? default_asset_directory() : fs::path(args->assets);
    const nlohmann::ordered_json data = report::report_data(results);
    io::write_file_atomically(out, report::report_html(data, assets));
    fmt::print("{}\n", out.string());
    return 0;
  };
}

}  // namespace unrest::cli
