// `unrest experiment genocide`: the paper's time to genocide against cop density (Model II),
// one CSV row per density (run/genocide_experiment.hpp). --quick: a few densities and runs.
#include <fmt/format.h>

#include <filesystem>
#include <memory>

#include "cli/commands.hpp"
#include "io/atomic_file.hpp"
#include "io/experiment_writer.hpp"
#include "run/genocide_experiment.hpp"
#include "scenario/scenario.hpp"

namespace unrest::cli {
namespace {

struct ExperimentArgs {
  std::string name;
  std::string scenario = "epstein-run7";
  std::vector<std::string> sets;
  bool quick = false;
  std::string out;
  unsigned threads = 0;
  std::optional<unsigned> runs;
  std::optional<std::uint32_t> cap;
  bool quiet = false;
};

}  // namespace

Action add_experiment(CLI::App& app) {
  auto* cmd = app.add_subcommand("experiment", "Run one of the paper's experiments");
  auto args = std::make_shared<ExperimentArgs>();
  cmd->add_option("name", args->name, "genocide: time to genocide against cop density (Model II)")
      ->required()
      ->check(CLI::IsMember({"genocide"}));
  cmd->add_option("--scenario", args->scenario,
                  "Model II scenario whose cop density is varied (default: epstein-run7)");
  cmd->add_option("--set", args->sets,
                  "Override a parameter of the scenario, e.g. --set "
                  "citizens.legitimacy=0.75");
  cmd->add_flag("--quick", args->quick, "6 densities (0 to 0.1), 12 runs each, capped at 3000");
  cmd->add_option("--runs", args->runs, "Runs per density (default: 50, --quick: 12)")
      ->check(CLI::Range(1u, 100000u));
  cmd->add_option("--cap", args->cap, "Periods at most per run (default: 15000, --quick: 3000)")
      ->check(CLI::Range(1u, 100000000u));
  cmd->add_option("--out", args->out, "CSV file to write (default: results/genocide-curve.csv)");
  cmd->add_option("--threads", args->threads, "Threads (default: all cores); never changes results")
      ->check(CLI::Range(1u, 1024u));
  cmd->add_flag("--quiet", args->quiet, "Print nothing but errors");
  return [args] {
    std::vector<scenario::Override> overrides;
    for (const std::string& s : args->sets) overrides.push_back(scenario::parse_override(s));
    const scenario::Scenario s = scenario::load_scenario(args->scenario, overrides);
    run::GenocideCurveOptions options =
        args->quick ? run::quick_genocide_curve() : run::paper_genocide_curve();
    if (args->runs) options.runs = *args->runs;
    if (args->cap) options.cap = *args->cap;
    options.threads = args->threads;
    const std::vector<run::GenocideCurvePoint> curve = run::genocide_curve(s, options);
    const std::filesystem::path out = args->out.empty()
                                          ? std::filesystem::path("results") / "genocide-curve.csv"
                                          : std::filesystem::path(args->out);
    if (out.has_parent_path()) std::filesystem::create_directories(out.parent_path());
    io::write_file_atomically(out, io::genocide_curve_csv(s, options, curve));
    if (!args->quiet) {
      for (const run::GenocideCurvePoint& p : curve) {
        fmt::print("cop density {:.3f}: mean {:.1f}, s.d. {:.1f}, median {:.1f}, capped {:.0f} %\n",
                   p.density, p.mean, p.sd, p.median, 100.0 * p.share_capped);
      }
      fmt::print("wrote {}\n", out.string());
    }
    return 0;
  };
}

}  // namespace unrest::cli
