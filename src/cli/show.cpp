// `unrest show NAME|FILE [--set key=value]...`: the full effective scenario as TOML, every
// parameter with its description, range and default.
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/scenario_args.hpp"

namespace unrest::cli {

Action add_show(CLI::App& app) {
  auto* cmd = app.add_subcommand("show", "Print the full effective scenario as TOML");
  auto args = std::make_shared<ScenarioArgs>();
  add_scenario_args(*cmd, *args);
  return [args] {
    if (names_country_scenario(*args)) {
      fmt::print("{}", load_country_from_args(*args).effective_toml());
    } else {
      fmt::print("{}", load_from_args(*args).effective_toml());
    }
    return 0;
  };
}

}  // namespace unrest::cli
