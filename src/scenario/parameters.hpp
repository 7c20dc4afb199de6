// Every scenario parameter is declared once, here: key, type, default, range, unit and a
// one-line description. The TOML loader, `unrest show`, the docs' parameter table (and later
// the viewer's sliders) are all generated from these declarations.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "core/schedule.hpp"

namespace unrest::scenario {

enum class ParamType { real, integer, boolean, choice, text, schedule };

using ScheduleSegments = std::vector<core::ScheduleSegment>;
using Value = std::variant<double, std::int64_t, bool, std::string, ScheduleSegments>;

struct ParamSpec {
  std::string key;  // "section.name"
  ParamType type = ParamType::real;
  Value default_value;
  double min = 0.0;  // real, integer, and the values of a schedule
  double max = 0.0;
  std::vector<std::string> choices;  // choice only
  std::string unit;
  std::string description;
  bool allow_infinity = false;  // real only: +inf is accepted (an unlimited jail term)
  bool exclusive_min = false;   // real only: `min` itself is refused (a scale must be > 0)
  std::string allowed = {};     // what a text accepts ("a date ..."), for messages; optional
};

// All parameters of the Epstein scenarios, in the order `unrest show` prints them.
const std::vector<ParamSpec>& parameter_specs();
// The declaration of `key`, or nullptr.
const ParamSpec* find_parameter(const std::string& key);

// "a number in [0, 1]", "one of floor, literal, round" ...: what a key accepts, for messages.
std::string describe_allowed(const ParamSpec& spec);

}  // namespace unrest::scenario
