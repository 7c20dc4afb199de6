// `unrest run NAME|FILE [--seed N] [--periods N] [--scheduler S] [--threads N]
// [--set key=value]... [--out DIR] [--force] [--quiet]`: one simulation, written to an output
// directory. Input is fully validated before anything is created; each file is written atomically
// at the end.
#include <fmt/format.h>
#include <sys/resource.h>

#include <filesystem>

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
};

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
  cmd->add_option("--threads", args->threads,
                  "Threads for the parallel scheduler (default: all cores); never changes results")
      ->check(CLI::Range(1u, 1024u));
  return [args] {
    if (names_country_scenario(args->scenario)) return run_country_scenario(*args);
    const scenario::Scenario s = load_from_args(args->scenario);
    const std::filesystem::path out = output_directory(*args, s.name, s.seed);
    io::prepare_output_directory(out, args->force);
    run::RunResult result;
    {
      ProgressBar bar(!args->quiet && stderr_is_terminal());
      result = run::run_epstein(s, [&bar](std::uint32_t t, std::uint32_t n) { bar.update(t, n); },
                                {.threads = args->threads});
    }
    io::write_run(out, s, result, peak_memory_bytes());
    if (!args->quiet) fmt::print("{}\n", out.string());
    return 0;
  };
}

}  // namespace unrest::cli
