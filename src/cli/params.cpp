// `unrest params`: every scenario parameter with its default, range, unit and description,
// as a Markdown table. docs/parameters.md is this output (a test keeps them equal).
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "scenario/country_parameters.hpp"
#include "scenario/scenario.hpp"

namespace unrest::cli {

Action add_params(CLI::App& app) {
  auto* cmd = app.add_subcommand("params", "Print every scenario parameter as a Markdown table");
  auto country = std::make_shared<bool>(false);
  cmd->add_flag("--country", *country, "The country scenarios' parameters instead");
  return [country] {
    fmt::print(
        "{}", *country ? scenario::country_parameters_markdown() : scenario::parameters_markdown());
    return 0;
  };
}

}  // namespace unrest::cli
