# Generates a C++ source embedding the built-in scenario TOML files and the data files they read
# (script mode: cmake -DOUTPUT=... -DSCENARIO_DIR=... -DDATA_DIR=... -P embed_scenarios.cmake):
# scenarios/*.toml by name, data/**/*.csv and *.geojson by their path from the repository root
# ("data/kazakhstan/regions.csv"), each in name order.
#
# Each text becomes a string literal of hex escapes, byte for byte (file(READ) without HEX
# would drop the carriage returns of CR LF files, and a raw literal would lose them again).
function(embedded_literal path out)
  file(READ "${path}" hex HEX)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "\\\\x\\1" escaped "${hex}")
  set(${out} "\"${escaped}\"sv" PARENT_SCOPE)
endfunction()

file(GLOB INPUTS RELATIVE ${SCENARIO_DIR} ${SCENARIO_DIR}/*.toml)
set(names "")
foreach(file IN LISTS INPUTS)
  get_filename_component(name "${file}" NAME_WLE)
  list(APPEND names "${name}")
endforeach()
list(SORT names)  # by name: "kazakhstan-2022" before "kazakhstan-2022-suppress"
set(entries "")
foreach(name IN LISTS names)
  embedded_literal("${SCENARIO_DIR}/${name}.toml" literal)
  string(APPEND entries "    {\"${name}\", ${literal}},\n")
endforeach()
set(data_entries "")
if(DATA_DIR)
  file(GLOB_RECURSE DATA_INPUTS RELATIVE ${DATA_DIR} ${DATA_DIR}/*.csv ${DATA_DIR}/*.geojson)
  list(SORT DATA_INPUTS)
  foreach(relative IN LISTS DATA_INPUTS)
    embedded_literal("${DATA_DIR}/${relative}" literal)
    string(APPEND data_entries "    {\"data/${relative}\", ${literal}},\n")
  endforeach()
endif()
file(WRITE "${OUTPUT}.new" "// Generated from scenarios/*.toml and data/**/*.{csv,geojson} by cmake/embed_scenarios.cmake. Do not edit.
#include \"scenario/builtins.hpp\"

namespace unrest::scenario {

using namespace std::string_view_literals;

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

const std::vector<BuiltinDataFile>& builtin_data_files() {
  static const std::vector<BuiltinDataFile> files = {
${data_entries}  };
  return files;
}

const BuiltinDataFile* find_builtin_data(std::string_view path) {
  for (const BuiltinDataFile& f : builtin_data_files()) {
    if (f.path == path) return &f;
  }
  return nullptr;
}

}  // namespace unrest::scenario
")
file(COPY_FILE "${OUTPUT}.new" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.new")
