// Scenario -> TOML text, every key with its description and allowed values. Loading the
// output again gives the same effective scenario (tested).
#include <fmt/format.h>

#include <cmath>

#include "scenario/scenario.hpp"

namespace unrest::scenario {
namespace {

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (const char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          out += fmt::format("\\u{:04x}", static_cast<int>(c));
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string real_text(double v) {
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  std::string s = fmt::format("{}", v);
  if (s.find_first_of(".eE") == std::string::npos) s += ".0";
  return s;
}

std::string value_text(const Value& value) {
  struct Visitor {
    std::string operator()(double v) const { return real_text(v); }
    std::string operator()(std::int64_t v) const { return fmt::format("{}", v); }
    std::string operator()(bool v) const { return v ? "true" : "false"; }
    std::string operator()(const std::string& v) const { return quoted(v); }
    std::string operator()(const ScheduleSegments& segments) const {
      if (segments.empty()) return "[]";
      std::string out = "[\n";
      for (const core::ScheduleSegment& s : segments) {
        if (s.kind == core::ScheduleSegment::Kind::step) {
          out += fmt::format("  {{ kind = \"step\", at = {}, value = {} }},\n", s.start,
                             real_text(s.value));
        } else {
          out += fmt::format("  {{ kind = \"ramp\", start = {}, end = {}, value = {} }},\n",
                             s.start, s.end, real_text(s.value));
        }
      }
      return out + "]";
    }
  };
  return std::visit(Visitor{}, value);
}

}  // namespace

std::string Scenario::effective_toml() const {
  std::string out = fmt::format("# Effective scenario from {}\n", source);
  std::string section;
  for (const ParamSpec& spec : parameter_specs()) {
    const std::string this_section = spec.key.substr(0, spec.key.find('.'));
    if (this_section != section) {
      section = this_section;
      out += fmt::format("\n[{}]\n", section);
    }
    const std::string unit = spec.unit.empty() ? "" : fmt::format(" ({})", spec.unit);
    out += fmt::format("# {}{}. Allowed: {}. Default: {}.\n", spec.description, unit,
                       describe_allowed(spec), value_text(spec.default_value));
    out += fmt::format("{} = {}\n", spec.key.substr(spec.key.find('.') + 1),
                       value_text(values.at(spec.key)));
  }
  return out;
}

std::string parameters_markdown() {
  std::string out = "| key | default | allowed | unit | description |\n|---|---|---|---|---|\n";
  for (const ParamSpec& spec : parameter_specs()) {
    std::string def = value_text(spec.default_value);
    for (std::size_t i = 0; (i = def.find('|', i)) != std::string::npos; i += 2)
      def.replace(i, 1, "\\|");
    out += fmt::format("| `{}` | `{}` | {} | {} | {} |\n", spec.key, def, describe_allowed(spec),
                       spec.unit, spec.description);
  }
  return out;
}

}  // namespace unrest::scenario
