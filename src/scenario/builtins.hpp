// Built-in scenarios: the TOML files of scenarios/, embedded into the binary at build time.
#pragma once

#include <string_view>
#include <vector>

namespace unrest::scenario {

struct BuiltinScenario {
  std::string_view name;
  std::string_view text;
};

// In name order.
const std::vector<BuiltinScenario>& builtin_scenarios();
const BuiltinScenario* find_builtin(std::string_view name);

}  // namespace unrest::scenario
