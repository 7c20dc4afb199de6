// `unrest list`: the built-in scenarios, one per line, with their descriptions.
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "scenario/builtins.hpp"
#include "scenario/scenario.hpp"

namespace unrest::cli {

Action add_list(CLI::App& app) {
  app.add_subcommand("list", "List the built-in scenarios");
  return [] {
    for (const scenario::BuiltinScenario& b : scenario::builtin_scenarios()) {
      const scenario::Scenario s = scenario::load_scenario(std::string(b.name));
      const auto& description = std::get<std::string>(s.values.at("scenario.description"));
      fmt::print("{:<16} {}\n", b.name, description);
    }
    return 0;
  };
}

}  // namespace unrest::cli
