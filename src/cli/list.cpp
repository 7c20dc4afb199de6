// `unrest list`: the built-in scenarios, one per line, with their descriptions.
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "scenario/builtins.hpp"
#include "scenario/country_scenario.hpp"
#include "scenario/scenario.hpp"

namespace unrest::cli {

Action add_list(CLI::App& app) {
  app.add_subcommand("list", "List the built-in scenarios");
  return [] {
    for (const scenario::BuiltinScenario& b : scenario::builtin_scenarios()) {
      const std::string name(b.name);
      const auto& values = scenario::is_country_scenario(name)
                               ? scenario::load_country_scenario(name).values
                               : scenario::load_scenario(name).values;
      fmt::print("{:<36} {}\n", b.name, std::get<std::string>(values.at("scenario.description")));
    }
    return 0;
  };
}

}  // namespace unrest::cli
