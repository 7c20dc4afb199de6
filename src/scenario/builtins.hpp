// Built-in scenarios: the TOML files of scenarios/, embedded into the binary at build time,
// with the data files they read (data/**/*.csv), so that a built-in runs from any directory.
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

struct BuiltinDataFile {
  std::string_view path;  // from the repository root: "data/kazakhstan/regions.csv"
  std::string_view text;
};

// In path order. A built-in scenario's relative path "../data/x/y.csv" (from scenarios/) names
// the embedded "data/x/y.csv".
const std::vector<BuiltinDataFile>& builtin_data_files();
const BuiltinDataFile* find_builtin_data(std::string_view path);

}  // namespace unrest::scenario
