#include "scenario/toml_values.hpp"

#include <fmt/format.h>

#include <cmath>
#include <sstream>

#include "scenario/scenario.hpp"

namespace unrest::scenario {
namespace {

double number_of(const toml::node& node, bool* ok) {
  *ok = true;
  if (const auto* i = node.as_integer()) return static_cast<double>(i->get());
  if (const auto* f = node.as_floating_point()) return f->get();
  *ok = false;
  return 0.0;
}

std::int64_t integer_field(const toml::table& t, const char* name, const std::string& origin,
                           const ParamSpec& spec) {
  const toml::node* n = t.get(name);
  if (n == nullptr || !n->is_integer()) {
    fail(origin, spec.key, fmt::format("each segment needs an integer '{}' (a period)", name));
  }
  const std::int64_t v = n->as_integer()->get();
  if (v < 0 || v > 100'000'000) {
    fail(origin, spec.key, fmt::format("'{}' must be a period in [0, 100000000], got {}", name, v));
  }
  return v;
}

ScheduleSegments schedule_of(const toml::node& node, const std::string& origin,
                             const ParamSpec& spec) {
  const toml::array* array = node.as_array();
  if (array == nullptr) wrong(origin, spec, node);
  ScheduleSegments segments;
  std::int64_t previous_end = -1;
  for (const toml::node& element : *array) {
    const toml::table* t = element.as_table();
    if (t == nullptr) wrong(origin, spec, node);
    for (auto&& [k, v] : *t) {
      const std::string_view name = k.str();
      if (name != "kind" && name != "at" && name != "start" && name != "end" && name != "value") {
        fail(origin, spec.key,
             fmt::format("unknown segment field '{}'; expected kind, at, start, end, value", name));
      }
    }
    const auto kind = t->get_as<std::string>("kind");
    if (kind == nullptr || (kind->get() != "step" && kind->get() != "ramp")) {
      fail(origin, spec.key, "each segment needs kind = \"step\" or kind = \"ramp\"");
    }
    core::ScheduleSegment s;
    if (kind->get() == "step") {
      s.kind = core::ScheduleSegment::Kind::step;
      s.start = s.end = integer_field(*t, "at", origin, spec);
    } else {
      s.kind = core::ScheduleSegment::Kind::ramp;
      s.start = integer_field(*t, "start", origin, spec);
      s.end = integer_field(*t, "end", origin, spec);
      if (s.end <= s.start) fail(origin, spec.key, "a ramp's 'end' must come after its 'start'");
    }
    bool ok = false;
    const toml::node* value = t->get("value");
    s.value = value != nullptr ? number_of(*value, &ok) : 0.0;
    if (!ok || !(s.value >= spec.min && s.value <= spec.max)) {
      fail(origin, spec.key,
           fmt::format("each segment needs a 'value' in [{}, {}]", spec.min, spec.max));
    }
    if (s.start <= previous_end) {
      fail(origin, spec.key, "segments must be in time order and must not overlap");
    }
    previous_end = s.end;
    segments.push_back(s);
  }
  return segments;
}

}  // namespace

[[noreturn]] void fail(const std::string& origin, const std::string& key, const std::string& what) {
  throw InputError(key.empty() ? fmt::format("{}: {}", origin, what)
                               : fmt::format("{}: key '{}': {}", origin, key, what));
}

std::string shown(const toml::node& node) {
  if (node.is_table()) return "a table";
  if (node.is_array()) return "an array";
  std::ostringstream os;
  node.visit([&](const auto& v) { os << v; });
  return os.str();
}

std::string at_line(const std::string& source, const toml::node& node) {
  const auto& begin = node.source().begin;
  return begin.line > 0 ? fmt::format("{}:{}", source, begin.line) : source;
}

[[noreturn]] void wrong(const std::string& origin, const ParamSpec& spec, const toml::node& node) {
  fail(origin, spec.key, fmt::format("expected {}, got {}", describe_allowed(spec), shown(node)));
}

Value convert(const ParamSpec& spec, const toml::node& node, const std::string& origin) {
  switch (spec.type) {
    case ParamType::real: {
      bool ok = false;
      const double v = number_of(node, &ok);
      const bool above_min = spec.exclusive_min ? v > spec.min : v >= spec.min;
      const bool in_range = above_min && (v <= spec.max || (spec.allow_infinity && std::isinf(v)));
      if (!ok || std::isnan(v) || !in_range) wrong(origin, spec, node);
      return v;
    }
    case ParamType::integer: {
      const auto* i = node.as_integer();
      if (i == nullptr) wrong(origin, spec, node);
      const auto v = static_cast<double>(i->get());
      if (v < spec.min || v > spec.max) wrong(origin, spec, node);
      return i->get();
    }
    case ParamType::boolean:
      if (!node.is_boolean()) wrong(origin, spec, node);
      return node.as_boolean()->get();
    case ParamType::choice: {
      const auto* s = node.as_string();
      if (s == nullptr) wrong(origin, spec, node);
      for (const std::string& c : spec.choices) {
        if (c == s->get()) return s->get();
      }
      wrong(origin, spec, node);
    }
    case ParamType::text:
      if (!node.is_string()) wrong(origin, spec, node);
      return node.as_string()->get();
    case ParamType::schedule:
      return schedule_of(node, origin, spec);
  }
  wrong(origin, spec, node);
}

toml::table parse_toml(const std::string& source, const std::string& text) {
  try {
    return toml::parse(text, source);
  } catch (const toml::parse_error& e) {
    const auto& b = e.source().begin;
    throw InputError(
        fmt::format("{}:{}:{}: malformed TOML: {}", source, b.line, b.column, e.description()));
  }
}

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

std::string documented_key(const ParamSpec& spec, const Value& value) {
  const std::string unit = spec.unit.empty() ? "" : fmt::format(" ({})", spec.unit);
  return fmt::format("# {}{}. Allowed: {}. Default: {}.\n{} = {}\n", spec.description, unit,
                     describe_allowed(spec), value_text(spec.default_value),
                     spec.key.substr(spec.key.find('.') + 1), value_text(value));
}

}  // namespace unrest::scenario
