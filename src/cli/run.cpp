// `unrest run NAME|FILE [--seed N] [--periods N] [--scheduler S] [--threads N]
// [--set key=value]... [--out DIR] [--force] [--quiet]`: one simulation, written to an output
// directory. Input is fully validated before anything is created; each file is written atomically
// at the end.
#include <fmt/format.h>
#include <sys/resource.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/progress.hpp"
#include "cli/scenario_args.hpp"
#include "io/atomic_file.hpp"
#include "io/country_writer.hpp"
#include "io/run_writer.hpp"
#include "run/country_run.hpp"
#include "run/epstein_run.hpp"

namespace unrest::cli {
namespace {

std::uint64_t peak_memory_bytes() {
  rusage usage{};
  if (getrusage(RUSAGE_SELF, &usage) != 0) return 0;
  return static_cast<std::uint64_t>(usage.ru_maxrss) * 1024;  // Linux reports KiB
}

struct RunArgs {
  ScenarioArgs scenario;
  std::string out;
  bool force = false;
  bool quiet = false;
  unsigned threads = 0;
  std::string snapshots = "auto";
};

// `--snapshots auto|none|P1,P2,...`: the periods whose lattice an Epstein run pictures. "auto"
// takes five, evenly spaced from the first period to the last.
std::vector<std::uint32_t> snapshot_periods(const std::string& spec, std::uint32_t periods) {
  if (spec == "none") return {};
  std::vector<std::uint32_t> out;
  if (spec == "auto") {
    for (std::uint32_t k = 0; k <= 4; ++k) {
      out.push_back(std::max<std::uint32_t>(
          1, static_cast<std::uint32_t>((static_cast<std::uint64_t>(periods) * k) / 4)));
    }
  } else {
    std::size_t start = 0;
    while (start <= spec.size()) {
      const std::size_t comma = std::min(spec.find(',', start), spec.size());
      const std::string item = spec.substr(start, comma - start);
      std::size_t used = 0;
      unsigned long period = 0;
      try {
        period = std::stoul(item, &used);
      } catch (const std::exception&) {
        used = 0;
      }
      if (used == 0 || used != item.size() || period < 1 || period > periods) {
        throw scenario::InputError(
            fmt::format("--snapshots: expected auto, none or periods from 1 to {} separated by "
                        "commas, got '{}'",
                        periods, item));
      }
      out.push_back(static_cast<std::uint32_t>(period));
      start = comma + 1;
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::filesystem::path output_directory(const RunArgs& args, const std::string& name,
                                       std::uint64_t seed) {
  return args.out.empty() ? std::filesystem::path("results") / fmt::format("{}-seed{}", name, seed)
                          : std::filesystem::path(args.out);
}

int run_country_scenario(const RunArgs& args) {
  const scenario::CountryScenario s = load_country_from_args(args.scenario);
  const std::filesystem::path out = output_directory(args, s.name, s.seed);
  io::prepare_output_directory(out, args.force);
  run::CountryRunResult result;
  {
    ProgressBar bar(!args.quiet && stderr_is_terminal());
    result = run::run_country(s, [&bar](std::uint32_t t, std::uint32_t n) { bar.update(t, n); },
                              {.threads = args.threads});
  }
  io::write_country_run(out, s, result, peak_memory_bytes());
  if (!args.quiet) fmt::print("{}\n{}\n", io::country_terminal_summary(s, result), out.string());
  return 0;
}

}  // namespace

Action add_run(CLI::App& app) {
  auto* cmd = app.add_subcommand("run", "Simulate a scenario and write its results");
  auto args = std::make_shared<RunArgs>();
  add_scenario_args(*cmd, args->scenario);
  cmd->add_option("--out", args->out, "Output directory (default: results/NAME-seedN)");
  cmd->add_flag("--force", args->force, "Overwrite the files of a non-empty output directory");
  cmd->add_flag("--quiet", args->quiet, "Print nothing but errors");
  cmd->add_option("--snapshots", args->snapshots,
                  "Epstein runs: periods whose lattice is pictured, 'auto' (five, evenly spaced), "
                  "'none' or P1,P2,... (default: auto)");
  cmd->add_option("--threads", args->threads,
                  "Threads for the parallel scheduler (default: all cores); never changes results")
      ->check(CLI::Range(1u, 1024u));
  return [args] {
    if (names_country_scenario(args->scenario)) return run_country_scenario(*args);
    const scenario::Scenario s = load_from_args(args->scenario);
    const std::vector<std::uint32_t> snapshots = snapshot_periods(args->snapshots, s.periods);
    const std::filesystem::path out = output_directory(*args, s.name, s.seed);
    io::prepare_output_directory(out, args->force);
    run::RunResult result;
    {
      ProgressBar bar(!args->quiet && stderr_is_terminal());
      result = run::run_epstein(s, [&bar](std::uint32_t t, std::uint32_t n) { bar.update(t, n); },
                                {.threads = args->threads, .snapshot_periods = snapshots});
    }
    io::write_run(out, s, result, peak_memory_bytes());
    if (!args->quiet) fmt::print("{}\n", out.string());
    return 0;
  };
}

}  // namespace unrest::cli
