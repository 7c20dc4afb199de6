// The immutable Scenario: a scenario file (or built-in) plus command-line overrides, parsed
// and validated once into effective parameter values and the model's parameter struct.
// Every bad input becomes an InputError whose message names the file, line and key, and
// what is allowed; callers print it and exit with status 2.
#pragma once

#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "models/epstein/model2_params.hpp"
#include "models/epstein/params.hpp"
#include "scenario/parameters.hpp"

namespace unrest::scenario {

class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One `--set key=value`. The value is read as a TOML value, or as a bare string.
struct Override {
  std::string key;
  std::string value;
};
// Splits "key=value"; throws InputError if there is no '='.
Override parse_override(const std::string& assignment);

// The update scheme (engine.scheduler): docs/engine.md.
enum class SchedulerKind : std::uint8_t { reference, parallel };

struct LoadOptions {
  std::uint64_t available_memory = 0;  // bytes; 0 skips the memory pre-flight check
};

struct Scenario {
  std::string source;         // file path, or "builtin:NAME"
  std::string source_text;    // the scenario text as read
  std::string source_sha256;  // hex digest of source_text
  std::vector<Override> overrides;
  std::map<std::string, Value> values;  // every declared parameter, effective

  std::string name;
  std::uint64_t seed = 1;
  std::uint32_t periods = 1000;
  std::uint64_t outburst_threshold = 50;
  SchedulerKind scheduler = SchedulerKind::reference;
  epstein::ModelIParams model;
  epstein::ModelKind model_kind = epstein::ModelKind::one;
  epstein::ModelIIParams model2;  // Model II only

  // The full effective scenario as TOML, every key with its description and range.
  std::string effective_toml() const;
};

// Parses and validates scenario text. `source` names it in messages.
Scenario load_scenario_text(const std::string& source, const std::string& text,
                            const std::vector<Override>& overrides = {},
                            const LoadOptions& options = {});
// A built-in name (see `unrest list`) or a path to a TOML file.
Scenario load_scenario(const std::string& name_or_path, const std::vector<Override>& overrides = {},
                       const LoadOptions& options = {});

// Every declared parameter as a Markdown table (docs/parameters.md is this output).
std::string parameters_markdown();

// Hex SHA-256 of `text`.
std::string sha256_hex(const std::string& text);

}  // namespace unrest::scenario
