# Generates a C++ source embedding the built-in scenario TOML files (script mode:
# cmake -DOUTPUT=... -DSCENARIO_DIR=... -P embed_scenarios.cmake), in name order.
file(GLOB INPUTS ${SCENARIO_DIR}/*.toml)
list(SORT INPUTS)
set(entries "")
foreach(file IN LISTS INPUTS)
  get_filename_component(name "${file}" NAME_WE)
  file(READ "${file}" text)
  string(APPEND entries "    {\"${name}\", R\"UNREST_TOML(${text})UNREST_TOML\"},\n")
endforeach()
file(WRITE "${OUTPUT}.new" "// Generated from scenarios/*.toml by cmake/embed_scenarios.cmake. Do not edit.
#include \"scenario/builtins.hpp\"

namespace unrest::scenario {

const std::vector<BuiltinScenario>& builtin_scenarios() {
  static const std::vector<BuiltinScenario> scenarios = {
${entries}  };
  return scenarios;
}

const BuiltinScenario* find_builtin(std::string_view name) {
  for (const BuiltinScenario& b : builtin_scenarios()) {
    if (b.name == name) return &b;
  }
  return nullptr;
}

}  // namespace unrest::scenario
")
file(COPY_FILE "${OUTPUT}.new" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.new")
