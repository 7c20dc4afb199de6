// Arguments shared by the commands that take a scenario: NAME|FILE and --set key=value.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

#include "scenario/country_scenario.hpp"
#include "scenario/scenario.hpp"

namespace unrest::cli {

struct ScenarioArgs {
  std::string scenario;
  std::vector<std::string> sets;
  std::optional<std::int64_t> seed;
  std::optional<std::int64_t> periods;
  std::optional<std::string> scheduler;
};

void add_scenario_args(CLI::App& cmd, ScenarioArgs& args);
// MemAvailable from /proc/meminfo, in bytes; 0 if unknown (memory checks are then skipped).
std::uint64_t available_memory_bytes();
// Loads and validates the scenario, with --seed/--periods/--scheduler applied as overrides last.
scenario::Scenario load_from_args(const ScenarioArgs& args);
// Whether the arguments name a country scenario (docs/country-model.md).
bool names_country_scenario(const ScenarioArgs& args);
// The same for a country scenario; --periods does not apply (its horizon is country.end).
scenario::CountryScenario load_country_from_args(const ScenarioArgs& args);

}  // namespace unrest::cli
