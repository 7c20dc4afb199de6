// TOML text + overrides -> effective parameter values -> validated Scenario.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "models/epstein/model1.hpp"
#include "models/epstein/model2.hpp"
#include "models/epstein/parallel_model1.hpp"
#include "scenario/builtins.hpp"
#include "scenario/presets.hpp"
#include "scenario/scenario.hpp"
#include "scenario/toml_values.hpp"

namespace unrest::scenario {
namespace {

// Where a value came from, for messages: "file.toml:12" or "--set key=value".
struct Assignment {
  std::string key;
  Value value;
  std::string origin;
  std::uint32_t line = 0;  // in the file; 0 for --set
};

std::string known_keys_of(std::string_view section) {
  std::string out;
  for (const ParamSpec& s : parameter_specs()) {
    if (s.key.substr(0, s.key.find('.')) == section) {
      out += out.empty() ? "" : ", ";
      out += s.key.substr(s.key.find('.') + 1);
    }
  }
  return out;
}

std::string known_sections() {
  std::string out;
  std::string last;
  for (const ParamSpec& s : parameter_specs()) {
    const std::string section = s.key.substr(0, s.key.find('.'));
    if (section != last) out += (out.empty() ? "" : ", ") + section;
    last = section;
  }
  return out;
}

std::vector<Assignment> assignments_from_file(const std::string& source, const std::string& text) {
  const toml::table root = parse_toml(source, text);
  std::vector<Assignment> out;
  for (auto&& [section, node] : root) {
    const toml::table* table = node.as_table();
    if (table == nullptr || known_keys_of(section.str()).empty()) {
      fail(at_line(source, node), std::string(section.str()),
           fmt::format("unknown key; expected a section: {}", known_sections()));
    }
    for (auto&& [name, value] : *table) {
      const std::string key = fmt::format("{}.{}", section.str(), name.str());
      const std::string origin = at_line(source, value);
      const ParamSpec* spec = find_parameter(key);
      if (spec == nullptr) {
        fail(origin, key,
             fmt::format("unknown key; [{}] accepts: {}", section.str(),
                         known_keys_of(section.str())));
      }
      out.push_back({key, convert(*spec, value, origin), origin, value.source().begin.line});
    }
  }
  // toml++ iterates keys alphabetically; file order is what "given last" means to a reader.
  std::stable_sort(out.begin(), out.end(),
                   [](const Assignment& a, const Assignment& b) { return a.line < b.line; });
  return out;
}

Assignment assignment_from_override(const Override& o) {
  const std::string origin = fmt::format("--set {}={}", o.key, o.value);
  const ParamSpec* spec = find_parameter(o.key);
  if (spec == nullptr) {
    const std::string section = o.key.substr(0, o.key.find('.'));
    const std::string known = known_keys_of(section);
    fail(origin, o.key,
         known.empty() ? fmt::format("unknown key; sections are: {}", known_sections())
                       : fmt::format("unknown key; [{}] accepts: {}", section, known));
  }
  // A value that is not valid TOML on its own (mesa, off_lattice) is taken as a bare string.
  toml::table parsed;
  try {
    parsed = toml::parse("v = " + o.value);
  } catch (const toml::parse_error&) {
    parsed = toml::table{{"v", o.value}};
  }
  return {o.key, convert(*spec, *parsed.get("v"), origin), origin};
}

template <class T>
const T& get(const std::map<std::string, Value>& values, const std::string& key) {
  return std::get<T>(values.at(key));
}

core::Schedule schedule_from(const std::map<std::string, Value>& v, const std::string& initial,
                             const std::string& segments) {
  return core::Schedule(get<double>(v, initial), get<ScheduleSegments>(v, segments));
}

template <class Enum>
Enum enum_from(const std::map<std::string, Value>& v, const std::string& key) {
  const ParamSpec* spec = find_parameter(key);
  const std::string& chosen = get<std::string>(v, key);
  for (std::size_t i = 0; i < spec->choices.size(); ++i) {
    if (spec->choices[i] == chosen) return static_cast<Enum>(i);
  }
  return Enum{};
}

epstein::ModelIParams model_params(const std::map<std::string, Value>& v) {
  using namespace epstein;
  ModelIParams p;
  p.width = static_cast<int>(get<std::int64_t>(v, "lattice.width"));
  p.height = static_cast<int>(get<std::int64_t>(v, "lattice.height"));
  p.citizen_density = get<double>(v, "citizens.density");
  p.citizen_vision = get<double>(v, "citizens.vision");
  p.citizens_move = get<bool>(v, "citizens.move");
  p.threshold = get<double>(v, "citizens.threshold");
  p.legitimacy = schedule_from(v, "citizens.legitimacy", "citizens.legitimacy_schedule");
  p.cop_density = schedule_from(v, "cops.density", "cops.density_schedule");
  p.cop_vision = get<double>(v, "cops.vision");
  p.cops_move = get<bool>(v, "cops.move");
  p.arrest_constant = get<double>(v, "arrest.constant");
  p.max_jail_term = get<double>(v, "jail.max_term");
  // Enum order matches the order of the declared choices.
  p.arrest_ratio = enum_from<ArrestRatio>(v, "arrest.ratio");
  p.jail_term = enum_from<JailTerm>(v, "jail.term");
  p.jail_mode = enum_from<JailMode>(v, "jail.mode");
  p.vision_shape = enum_from<core::VisionShape>(v, "rules.vision_shape");
  p.self_count = enum_from<ActiveSelfCount>(v, "rules.active_self_count");
  p.order = enum_from<ActivationOrder>(v, "rules.order");
  p.placement = enum_from<Placement>(v, "rules.placement");
  return p;
}

epstein::ModelIIParams model2_params(const std::map<std::string, Value>& v) {
  using namespace epstein;
  ModelIIParams p;
  p.blue_share = get<double>(v, "groups.blue_share");
  p.idle_killer_active = get<bool>(v, "groups.idle_killer_active");
  p.reproduction = get<double>(v, "reproduction.probability");
  p.offspring_risk = enum_from<OffspringRisk>(v, "reproduction.offspring_risk");
  p.max_age = get<double>(v, "ageing.max_age");
  p.release = enum_from<ReleaseSite>(v, "jail.release");
  return p;
}

// Keys that only Model II reads: set to anything but their default under Model I, refused
// rather than silently ignored.
bool model2_only(const std::string& key) {
  return key.starts_with("groups.") || key.starts_with("reproduction.") ||
         key.starts_with("ageing.") || key == "jail.release";
}

// Rules that involve more than one key.
void validate_together(const Scenario& s, const std::vector<Assignment>& assignments,
                       const LoadOptions& options) {
  // The last assignment of a key names where it came from; defaults come from the source.
  const auto where = [&](const std::string& key) {
    for (auto a = assignments.rbegin(); a != assignments.rend(); ++a) {
      if (a->key == key) return a->origin;
    }
    return s.source;
  };
  // Of several keys that conflict, blame the one given last.
  const auto last_given = [&](std::initializer_list<const char*> keys) {
    for (auto a = assignments.rbegin(); a != assignments.rend(); ++a) {
      for (const char* k : keys) {
        if (a->key == k) return a->key;
      }
    }
    return std::string(*keys.begin());
  };
  const epstein::ModelIParams& p = s.model;
  if (s.model_kind == epstein::ModelKind::one) {
    // A key at its default changes nothing (and the effective TOML lists every key).
    for (const Assignment& a : assignments) {
      if (model2_only(a.key) &&
          value_text(a.value) != value_text(find_parameter(a.key)->default_value)) {
        fail(a.origin, a.key,
             "applies only to Model II; set model.kind = \"II\" to use it, or remove it");
      }
    }
  } else {
    if (p.jail_mode != epstein::JailMode::off_lattice) {
      fail(where("jail.mode"), "jail.mode",
           fmt::format("Model II keeps jailed agents off the lattice (jail.release says where "
                       "they reappear): expected off_lattice, got {}",
                       get<std::string>(s.values, "jail.mode")));
    }
    if (p.width < 3 || p.height < 3) {
      const std::string key = last_given({"lattice.width", "lattice.height"});
      fail(where(key), key,
           fmt::format("Model II needs a lattice at least 3x3 (offspring go to one of the 8 "
                       "neighbouring sites), but it is {}x{}",
                       p.width, p.height));
    }
  }
  const double crowd = p.citizen_density + p.cop_density.maximum();
  if (crowd > 1.0 + 1e-12) {
    const std::string key =
        last_given({"citizens.density", "cops.density", "cops.density_schedule"});
    fail(where(key), key,
         fmt::format("citizens.density ({}) + the largest cop density ({}) = {} exceeds 1; the "
                     "densities must sum to at most 1",
                     p.citizen_density, p.cop_density.maximum(), crowd));
  }
  for (const char* vision_key : {"citizens.vision", "cops.vision"}) {
    const double vision = get<double>(s.values, vision_key);
    const int needed = 2 * static_cast<int>(std::floor(vision)) + 1;
    if (needed > p.width || needed > p.height) {
      const std::string key = last_given({vision_key, "lattice.width", "lattice.height"});
      fail(where(key), key,
           fmt::format(
               "vision {} needs a lattice at least {} sites wide and high (2*floor(vision)+1), "
               "but it is {}x{}",
               vision, needed, p.width, p.height));
    }
  }
  if (p.jail_term != epstein::JailTerm::continuous && std::isfinite(p.max_jail_term) &&
      p.max_jail_term != std::floor(p.max_jail_term)) {
    fail(where("jail.max_term"), "jail.max_term",
         fmt::format("expected a whole number of periods with jail.term = {}, got {}",
                     get<std::string>(s.values, "jail.term"), p.max_jail_term));
  }
  const std::uint64_t needed =
      s.model_kind == epstein::ModelKind::two  ? epstein::estimate_model2_memory_bytes(p)
      : s.scheduler == SchedulerKind::parallel ? epstein::estimate_parallel_memory_bytes(p)
                                               : epstein::estimate_memory_bytes(p);
  if (options.available_memory > 0 && needed > options.available_memory) {
    fail(where("lattice.width"), "lattice.width",
         fmt::format("a {}x{} lattice needs about {:.1f} GiB, but only {:.1f} GiB of memory is "
                     "available",
                     p.width, p.height, static_cast<double>(needed) / (1 << 30),
                     static_cast<double>(options.available_memory) / (1 << 30)));
  }
}

}  // namespace

Override parse_override(const std::string& assignment) {
  const auto eq = assignment.find('=');
  if (eq == std::string::npos || eq == 0) {
    throw InputError(
        fmt::format("--set {}: expected key=value, e.g. citizens.legitimacy=0.8", assignment));
  }
  return {assignment.substr(0, eq), assignment.substr(eq + 1)};
}

Scenario load_scenario_text(const std::string& source, const std::string& text,
                            const std::vector<Override>& overrides, const LoadOptions& options) {
  std::vector<Assignment> assignments = assignments_from_file(source, text);
  for (const Override& o : overrides) assignments.push_back(assignment_from_override(o));

  Scenario s;
  s.source = source;
  s.source_text = text;
  s.source_sha256 = sha256_hex(text);
  s.overrides = overrides;
  for (const ParamSpec& spec : parameter_specs()) s.values[spec.key] = spec.default_value;

  // The preset sets the implementation details; explicit keys, wherever given, override it.
  std::string preset = get<std::string>(s.values, "rules.preset");
  for (const Assignment& a : assignments) {
    if (a.key == "rules.preset") preset = std::get<std::string>(a.value);
  }
  for (const auto& [key, value] : preset_values(preset)) s.values[key] = value;
  for (const Assignment& a : assignments) s.values[a.key] = a.value;

  s.name = get<std::string>(s.values, "scenario.name");
  s.seed = static_cast<std::uint64_t>(get<std::int64_t>(s.values, "scenario.seed"));
  s.periods = static_cast<std::uint32_t>(get<std::int64_t>(s.values, "scenario.periods"));
  s.outburst_threshold =
      static_cast<std::uint64_t>(get<std::int64_t>(s.values, "measures.outburst_threshold"));
  s.scheduler = enum_from<SchedulerKind>(s.values, "engine.scheduler");
  s.model = model_params(s.values);
  s.model_kind = enum_from<epstein::ModelKind>(s.values, "model.kind");
  s.model2 = model2_params(s.values);
  validate_together(s, assignments, options);
  return s;
}

Scenario load_scenario(const std::string& name_or_path, const std::vector<Override>& overrides,
                       const LoadOptions& options) {
  if (const BuiltinScenario* b = find_builtin(name_or_path)) {
    return load_scenario_text("builtin:" + std::string(b->name), std::string(b->text), overrides,
                              options);
  }
  std::error_code ec;
  std::ifstream in;
  if (std::filesystem::is_regular_file(name_or_path, ec)) in.open(name_or_path, std::ios::binary);
  if (!in.is_open() || !in) {
    std::string names;
    for (const BuiltinScenario& b : builtin_scenarios())
      names += (names.empty() ? "" : ", ") + std::string(b.name);
    throw InputError(
        fmt::format("{}: unknown scenario: not a readable file and not a built-in "
                    "(built-ins: {})",
                    name_or_path, names));
  }
  std::ostringstream text;
  text << in.rdbuf();
  return load_scenario_text(name_or_path, text.str(), overrides, options);
}

}  // namespace unrest::scenario
