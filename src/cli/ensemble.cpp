// `unrest ensemble NAME|FILE --runs N`, `unrest compare A B C… --runs N` and `unrest sweep
// NAME|FILE --vary key=a:b:n… --runs N`: replicates of country scenarios (or of a design's points),
// concurrently, into a results store (docs/results-store.md), then the odds table (the regime's
// odds with a Wilson interval; medians and quartiles of the costs), printed and written next to the
// store as CSV and Markdown. Rerunning the same command completes only the runs the store lacks.
#include <fmt/format.h>

#include <unistd.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>

#include "cli/commands.hpp"
#include "cli/progress.hpp"
#include "cli/scenario_args.hpp"
#include "ensemble/design.hpp"
#include "ensemble/odds.hpp"
#include "ensemble/runner.hpp"
#include "io/atomic_file.hpp"
#include "io/build_info.hpp"
#include "io/odds_table.hpp"
#include "mpi/distributed.hpp"
#include "store/results_store.hpp"

namespace unrest::cli {
namespace {

namespace fs = std::filesystem;

struct EnsembleArgs {
  std::vector<std::string> scenarios;  // compare
  std::vector<std::string> vary;       // sweep
  std::string design = "grid";
  std::uint32_t points = 0;
  std::vector<std::string> sets;
  std::optional<std::int64_t> seed;
  std::optional<std::string> scheduler;
  std::uint32_t runs = 0;
  unsigned threads = 0;
  std::string out;
  std::uint32_t series_stride = 1;
  bool region_series = false;
  bool quiet = false;
};

void add_common_options(CLI::App& cmd, EnsembleArgs& args) {
  cmd.add_option("--runs", args.runs, "Replicates per scenario")
      ->required()
      ->check(CLI::Range(1u, 1'000'000u));
  cmd.add_option("--seed", args.seed,
                 "Base seed: replicate i runs with a seed derived from (seed, i), the same for "
                 "every scenario (default: the first scenario's scenario.seed)")
      ->check(CLI::Range(std::int64_t{0}, std::int64_t{9007199254740991}));
  cmd.add_option("--set", args.sets, "Override a parameter of every scenario, e.g. --set scale=100")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  cmd.add_option("--scheduler", args.scheduler,
                 "reference or parallel (overrides engine.scheduler)")
      ->check(CLI::IsMember({"reference", "parallel"}));
  cmd.add_option("--threads", args.threads,
                 "Threads in all (default: every core): whole runs in parallel first, the rest "
                 "to each run's parallel scheduler; never changes results")
      ->check(CLI::Range(1u, 1024u));
  cmd.add_option("--series-stride", args.series_stride,
                 "Store the time series every N periods (and the last)")
      ->check(CLI::Range(1u, 1'000'000u));
  cmd.add_flag("--region-series", args.region_series, "Also store every region's time series");
  cmd.add_flag("--quiet", args.quiet, "Print nothing but errors");
}

scenario::CountryScenario load_one(const EnsembleArgs& args, const std::string& name,
                                   const std::vector<std::string>& extra_sets = {}) {
  ScenarioArgs one;
  one.scenario = name;
  one.sets = args.sets;
  one.sets.insert(one.sets.end(), extra_sets.begin(), extra_sets.end());
  one.scheduler = args.scheduler;
  if (!names_country_scenario(one)) {
    throw scenario::InputError(fmt::format(
        "{}: ensembles run country scenarios (with a [country] table or a base); this is an "
        "Epstein scenario, run it with `unrest run`",
        name));
  }
  return load_country_from_args(one);
}

std::string provenance(const store::Study& study, const fs::path& path, std::uint32_t runs) {
  std::string names;
  for (const store::StudyScenario& s : study.scenarios) {
    names += fmt::format(" {} sha256 {}", s.name, s.sha256);
  }
  return fmt::format("unrest {} commit {} store {} base_seed {} runs {} scenarios{}", io::kVersion,
                     io::kGitCommit, path.string(), study.base_seed, runs, names);
}

store::Study study_of(const EnsembleArgs& args, const std::string& command,
                      const std::vector<scenario::CountryScenario>& scenarios,
                      const std::vector<std::string>& parameters) {
  store::Study study;
  study.command = command;
  study.base_seed = args.seed ? static_cast<std::uint64_t>(*args.seed) : scenarios.front().seed;
  study.series_stride = args.series_stride;
  study.region_series = args.region_series;
  for (std::size_t i = 0; i < scenarios.size(); ++i) {
    study.scenarios.push_back(
        store::study_scenario(scenarios[i], i < parameters.size() ? parameters[i] : "{}"));
  }
  return study;
}

// The (scenario, replicate) pairs the store lacks, replicate by replicate, so that an
// interrupted study has about as many runs of every scenario.
std::vector<ensemble::Job> missing_jobs(const store::ResultsStore& results,
                                        const store::Study& study, std::uint32_t runs) {
  const auto done = results.completed();
  std::vector<ensemble::Job> jobs;
  for (std::uint32_t r = 0; r < runs; ++r) {
    const std::uint64_t seed = ensemble::replicate_seed(study.base_seed, r);
    for (std::size_t i = 0; i < study.scenarios.size(); ++i) {
      if (!done.contains({i, r})) jobs.push_back({i, r, seed});
    }
  }
  return jobs;
}

// On SIGINT or SIGTERM during the runs: say how to go on, then die of the signal as before (the
// store rolls back a run cut short the next time it is opened). Only async-signal-safe calls.
extern "C" void on_interrupt(int signal) {
  constexpr char kMessage[] =
      "\nunrest: interrupted; every finished run is in the store: run the same command again to "
      "complete the rest\n";
  [[maybe_unused]] const auto written = ::write(STDERR_FILENO, kMessage, sizeof kMessage - 1);
  std::signal(signal, SIG_DFL);
  std::raise(signal);
}

class InterruptNotice {
 public:
  InterruptNotice()
      : int_(std::signal(SIGINT, on_interrupt)), term_(std::signal(SIGTERM, on_interrupt)) {}
  ~InterruptNotice() {
    std::signal(SIGINT, int_);
    std::signal(SIGTERM, term_);
  }
  InterruptNotice(const InterruptNotice&) = delete;
  InterruptNotice& operator=(const InterruptNotice&) = delete;

 private:
  void (*int_)(int);
  void (*term_)(int);
};

// Runs `jobs` here or, under mpirun, on the worker ranks; writes each result to the store.
void execute(const EnsembleArgs& args, const std::vector<scenario::CountryScenario>& scenarios,
             const std::vector<ensemble::Job>& jobs, store::ResultsStore& results) {
  using Clock = std::chrono::steady_clock;
  const auto started = Clock::now();
  Clock::duration storing{};
  std::string layout;
  {
    const InterruptNotice notice;
    ProgressBar bar(!args.quiet && stderr_is_terminal(), "runs", true);
    std::uint64_t finished = 0;
    const ensemble::JobDone done = [&](const ensemble::Job& job,
                                       const run::CountryRunResult& result) {
      const auto before = Clock::now();
      results.record(job, scenarios[job.scenario], result);
      storing += Clock::now() - before;
      bar.update(++finished, jobs.size());
    };
    if (mpi::distributed()) {
      layout = fmt::format("{} worker ranks, {} threads each", mpi::size() - 1,
                           std::max(1u, args.threads));
      mpi::broadcast_go(true);
      mpi::run_jobs_distributed(scenarios, jobs, std::max(1u, args.threads), done);
    } else {
      const unsigned threads =
          args.threads > 0 ? args.threads : std::max(1u, std::thread::hardware_concurrency());
      std::uint64_t run_bytes = 0;
      for (const scenario::CountryScenario& sc : scenarios) {
        run_bytes = std::max(run_bytes, sc.memory_bytes);
      }
      const ensemble::ThreadSplit wanted = ensemble::split_threads(threads, jobs.size());
      const std::uint64_t available = available_memory_bytes();
      const ensemble::ThreadSplit split =
          ensemble::limit_by_memory(wanted, threads, run_bytes, available);
      if (!args.quiet && split.concurrent_runs < wanted.concurrent_runs) {
        fmt::print(stderr,
                   "unrest: {} runs at once would need about {:.1f} GiB; running {} at once to "
                   "fit the {:.1f} GiB available (results are the same)\n",
                   wanted.concurrent_runs,
                   static_cast<double>(run_bytes) * wanted.concurrent_runs / (1 << 30),
                   split.concurrent_runs, static_cast<double>(available) / (1 << 30));
      }
      layout =
          fmt::format("{} at once, {} threads each", split.concurrent_runs, split.threads_per_run);
      ensemble::run_jobs(scenarios, jobs, split, done);
    }
  }
  const double wall = std::chrono::duration<double>(Clock::now() - started).count();
  const double store_seconds = std::chrono::duration<double>(storing).count();
  if (!args.quiet && !jobs.empty()) {
    fmt::print(stderr,
               "{} runs in {:.1f} s ({:.1f} runs a minute; {}); writing the store took {:.2f} s "
               "({:.1f} % of the time)\n",
               jobs.size(), wall, 60.0 * static_cast<double>(jobs.size()) / wall, layout,
               store_seconds, 100.0 * store_seconds / wall);
  }
}

// Prints the odds table of the first `runs` replicates and writes it next to the store.
void report(const EnsembleArgs& args, const store::Study& study, const fs::path& out,
            const store::ResultsStore& results) {
  std::vector<ensemble::ScenarioOdds> table;
  for (std::size_t i = 0; i < study.scenarios.size(); ++i) {
    table.push_back(
        ensemble::summarize_odds(study.scenarios[i].name, results.outcomes(i, args.runs)));
  }
  const std::string markdown = io::odds_markdown(table);
  const std::string stamp = provenance(study, out, args.runs);
  fs::path csv_path = out;
  csv_path.replace_extension(".csv");
  fs::path md_path = out;
  md_path.replace_extension(".md");
  io::write_file_atomically(csv_path, io::odds_csv(table, stamp));
  io::write_file_atomically(md_path, "<!-- " + stamp + " -->\n\n" + markdown);
  if (!args.quiet) {
    fmt::print("{}\n{}\n{}\n{}\n", markdown, out.string(), csv_path.string(), md_path.string());
  }
}

// Runs the study's missing runs into the store at `out`, then prints and writes the odds table.
// `parameters[i]` is the JSON object of what scenario i varies (sweeps), else empty. Under
// mpirun, rank 0 does all of this and the other ranks only run the jobs it sends them.
int run_study(const EnsembleArgs& args, const std::string& command, const fs::path& out,
              const std::vector<scenario::CountryScenario>& scenarios,
              const std::vector<std::string>& parameters = {}) {
  if (mpi::distributed() && mpi::rank() != 0) {
    if (!mpi::broadcast_go(false)) return kExitBadInput;  // rank 0 reports why
    mpi::run_jobs_distributed(scenarios, {}, std::max(1u, args.threads), {});
    return 0;
  }
  const store::Study study = study_of(args, command, scenarios, parameters);
  std::optional<store::ResultsStore> results;
  std::vector<ensemble::Job> jobs;
  try {
    results.emplace(store::ResultsStore::open_for_study(out, study));
    jobs = missing_jobs(*results, study, args.runs);
  } catch (...) {
    if (mpi::distributed()) mpi::broadcast_go(false);  // the workers stop too
    throw;
  }
  const std::size_t all = scenarios.size() * args.runs;
  if (!args.quiet && jobs.size() < all) {
    fmt::print(stderr, "{}: {} of {} runs already stored; running the {} missing\n", out.string(),
               all - jobs.size(), all, jobs.size());
  }
  execute(args, scenarios, jobs, *results);
  report(args, study, out, *results);
  return 0;
}

fs::path default_store(const std::string& stem) {
  return fs::path("results") / (stem + ".db");
}

}  // namespace

Action add_ensemble(CLI::App& app) {
  auto* cmd =
      app.add_subcommand("ensemble", "Run replicates of a country scenario into a results store");
  auto args = std::make_shared<EnsembleArgs>();
  auto name = std::make_shared<std::string>();
  cmd->add_option("scenario", *name, "Built-in scenario name (see `unrest list`) or TOML file")
      ->required();
  add_common_options(*cmd, *args);
  cmd->add_option("--out", args->out, "Results store (default: results/NAME.db)");
  return [args, name] {
    const std::string stem = fs::path(*name).stem().string();
    return run_study(*args, "ensemble",
                     args->out.empty() ? default_store(stem) : fs::path(args->out),
                     {load_one(*args, *name)});
  };
}

Action add_compare(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "compare", "Run several country scenarios on the same seeds and tabulate their odds");
  auto args = std::make_shared<EnsembleArgs>();
  cmd->add_option("scenarios", args->scenarios, "Scenarios to compare (names or TOML files)")
      ->required()
      ->expected(1, 1000);
  add_common_options(*cmd, *args);
  cmd->add_option("--out", args->out, "Results store (default: results/compare.db)");
  return [args] {
    std::vector<scenario::CountryScenario> scenarios;
    for (const std::string& name : args->scenarios) scenarios.push_back(load_one(*args, name));
    return run_study(*args, "compare",
                     args->out.empty() ? default_store("compare") : fs::path(args->out), scenarios);
  };
}

Action add_sweep(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "sweep", "Run a parameter design (grid, Latin hypercube or Sobol) of a country scenario");
  auto args = std::make_shared<EnsembleArgs>();
  auto name = std::make_shared<std::string>();
  cmd->add_option("scenario", *name, "Built-in scenario name (see `unrest list`) or TOML file")
      ->required();
  cmd->add_option("--vary", args->vary,
                  "A factor: key=a:b:n (a range; n levels on a grid) or key=v1,v2,... (a list)")
      ->required()
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  cmd->add_option("--design", args->design, "grid (every combination), lhs or sobol")
      ->check(CLI::IsMember({"grid", "lhs", "sobol"}));
  cmd->add_option("--points", args->points, "Design points for lhs and sobol")
      ->check(CLI::Range(1u, 100'000u));
  add_common_options(*cmd, *args);
  cmd->add_option("--out", args->out, "Results store (default: results/NAME-sweep.db)");
  return [args, name] {
    std::vector<ensemble::Factor> factors;
    for (const std::string& spec : args->vary) {
      try {
        factors.push_back(ensemble::parse_factor(spec));
      } catch (const std::invalid_argument& e) {
        throw scenario::InputError(e.what());
      }
    }
    const scenario::CountryScenario base = load_one(*args, *name);
    const std::uint64_t seed = args->seed ? static_cast<std::uint64_t>(*args->seed) : base.seed;
    std::vector<ensemble::DesignPoint> design;
    try {
      design = ensemble::make_design(factors, ensemble::parse_design_kind(args->design),
                                     args->points, seed);
    } catch (const std::invalid_argument& e) {
      throw scenario::InputError(e.what());
    }
    std::vector<scenario::CountryScenario> points;
    std::vector<std::string> parameters;
    std::string table = "point,scenario_sha256";
    for (const ensemble::Factor& f : factors) table += "," + f.key;
    table += "\n";
    for (std::size_t i = 0; i < design.size(); ++i) {
      std::vector<std::string> sets;
      nlohmann::ordered_json values = nlohmann::ordered_json::object();
      std::string label;
      for (const auto& [key, value] : design[i]) {
        sets.push_back(key + "=" + value);
        values[key] = value;
        label += (label.empty() ? "" : ", ") + key + "=" + value;
      }
      scenario::CountryScenario s;
      try {
        s = load_one(*args, *name, sets);
      } catch (const scenario::InputError& e) {
        throw scenario::InputError(
            fmt::format("--vary (design point {}: {}): {}", i, label, e.what()));
      }
      s.name = fmt::format("{} [{}]", base.name, label);
      table += fmt::format("{},{}", i, store::effective_sha256(s));
      for (const auto& kv : design[i]) table += "," + kv.second;
      table += "\n";
      points.push_back(std::move(s));
      parameters.push_back(values.dump());
    }
    const fs::path out = args->out.empty()
                             ? default_store(fs::path(*name).stem().string() + "-sweep")
                             : fs::path(args->out);
    fs::path design_path = out;
    design_path.replace_extension("");
    design_path += "-design.csv";
    if (mpi::rank() == 0) {
      io::write_file_atomically(design_path, table);
      if (!args->quiet) fmt::print("{}\n", design_path.string());
    }
    return run_study(*args, "sweep", out, points, parameters);
  };
}

}  // namespace unrest::cli
