#include "cli/scenario_args.hpp"

#include <fmt/format.h>

#include <fstream>
#include <sstream>

namespace unrest::cli {

std::uint64_t available_memory_bytes() {
  std::ifstream meminfo("/proc/meminfo");
  std::string line;
  while (std::getline(meminfo, line)) {
    std::istringstream fields(line);
    std::string name;
    std::uint64_t kib = 0;
    if (fields >> name >> kib && name == "MemAvailable:") return kib * 1024;
  }
  return 0;
}

void add_scenario_args(CLI::App& cmd, ScenarioArgs& args) {
  cmd.add_option("scenario", args.scenario,
                 "Built-in scenario name (see `unrest list`) or TOML file")
      ->required();
  cmd.add_option("--set", args.sets, "Override a parameter, e.g. --set citizens.legitimacy=0.8")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  cmd.add_option("--seed", args.seed, "Seed (overrides scenario.seed)");
  cmd.add_option("--periods", args.periods, "Periods to simulate (overrides scenario.periods)");
  cmd.add_option("--scheduler", args.scheduler,
                 "reference or parallel (overrides engine.scheduler; docs/engine.md)")
      ->check(CLI::IsMember({"reference", "parallel"}));
}

namespace {

std::vector<scenario::Override> overrides_of(const ScenarioArgs& args) {
  std::vector<scenario::Override> overrides;
  for (const std::string& s : args.sets) overrides.push_back(scenario::parse_override(s));
  if (args.seed) overrides.push_back({"scenario.seed", std::to_string(*args.seed)});
  if (args.periods) overrides.push_back({"scenario.periods", std::to_string(*args.periods)});
  if (args.scheduler) overrides.push_back({"engine.scheduler", *args.scheduler});
  return overrides;
}

scenario::LoadOptions load_options() {
  scenario::LoadOptions options;
  options.available_memory = available_memory_bytes();
  return options;
}

}  // namespace

scenario::Scenario load_from_args(const ScenarioArgs& args) {
  return scenario::load_scenario(args.scenario, overrides_of(args), load_options());
}

bool names_country_scenario(const ScenarioArgs& args) {
  return scenario::is_country_scenario(args.scenario);
}

scenario::CountryScenario load_country_from_args(const ScenarioArgs& args) {
  if (args.periods) {
    throw scenario::InputError(fmt::format(
        "--periods {}: a country scenario runs from country.start to country.end; change the "
        "horizon with --set country.end=YYYY-MM-DDTHH:MM",
        *args.periods));
  }
  return scenario::load_country_scenario(args.scenario, overrides_of(args), load_options());
}

}  // namespace unrest::cli
