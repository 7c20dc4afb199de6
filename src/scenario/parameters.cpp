#include "scenario/parameters.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <limits>

namespace unrest::scenario {
namespace {

constexpr double kMaxSeed = 9007199254740991.0;  // 2^53 - 1: exact in JSON and JavaScript

ParamSpec real(std::string key, double def, double min, double max, std::string unit,
               std::string description, bool allow_infinity = false) {
  return {std::move(key),  ParamType::real,        def,           min, max, {},
          std::move(unit), std::move(description), allow_infinity};
}
ParamSpec integer(std::string key, std::int64_t def, double min, double max, std::string unit,
                  std::string description) {
  return {std::move(key),  ParamType::integer,    def, min, max, {},
          std::move(unit), std::move(description)};
}
ParamSpec boolean(std::string key, bool def, std::string description) {
  return {std::move(key), ParamType::boolean, def, 0, 1, {}, "", std::move(description)};
}
ParamSpec choice(std::string key, std::string def, std::vector<std::string> choices,
                 std::string description) {
  return {std::move(key),        ParamType::choice, std::move(def), 0, 0, std::move(choices), "",
          std::move(description)};
}
ParamSpec text(std::string key, std::string def, std::string description) {
  return {std::move(key), ParamType::text, std::move(def), 0, 0, {}, "", std::move(description)};
}
ParamSpec schedule(std::string key, double min, double max, std::string description) {
  return {std::move(key),        ParamType::schedule, ScheduleSegments{}, min, max, {}, "",
          std::move(description)};
}

std::vector<ParamSpec> make_specs() {
  return {
      text("scenario.name", "unnamed", "Name used in outputs and reports"),
      text("scenario.description", "", "One line on what the scenario shows"),
      integer("scenario.seed", 1, 0, kMaxSeed, "", "Seed of every random stream of the run"),
      integer("scenario.periods", 1000, 1, 100'000'000, "periods", "Number of periods to simulate"),

      integer("lattice.width", 40, 1, 65535, "sites", "Width of the torus lattice"),
      integer("lattice.height", 40, 1, 65535, "sites", "Height of the torus lattice"),

      real("citizens.density", 0.7, 0, 1, "per site", "Initial share of sites holding a citizen"),
      real("citizens.vision", 7.0, 0, 1000, "sites", "Radius within which citizens see and move"),
      boolean("citizens.move", true, "Whether citizens follow movement rule M"),
      real("citizens.threshold", 0.1, 0, 1, "", "T: a citizen goes active if G - R*P > T"),
      real("citizens.legitimacy", 0.82, 0, 1, "", "L: legitimacy of the regime at t = 0"),
      schedule("citizens.legitimacy_schedule", 0, 1, "Steps and ramps of L over time"),

      real("cops.density", 0.04, 0, 1, "per site", "Initial share of sites holding a cop"),
      schedule("cops.density_schedule", 0, 1, "Steps and ramps of cop density over time"),
      real("cops.vision", 7.0, 0, 1000, "sites", "Radius within which cops see, arrest and move"),
      boolean("cops.move", true, "Whether cops follow movement rule M"),

      real("arrest.constant", 2.3, 0, 100, "", "k in P = 1 - exp(-k * ratio(C, A))"),
      choice("arrest.ratio", "floor", {"literal", "floor", "round"},
             "How C/A enters P: literal, floor (NetLogo) or round half to even (Mesa)"),

      real("jail.max_term", 30.0, 0, 1e9, "periods", "J_max: longest jail term (inf: for life)",
           true),
      choice("jail.term", "continuous", {"continuous", "integer_below_max", "integer_up_to_max"},
             "Term drawn from U(0, J_max), 0..J_max-1 (NetLogo) or 0..J_max (Mesa)"),
      choice("jail.mode", "off_lattice", {"off_lattice", "stay_invisible", "stay_blocking"},
             "Jailed leave the lattice, stay invisible (NetLogo) or block their site (Mesa)"),
      choice("jail.release", "random_empty", {"random_empty", "last_site"},
             "Model II: where a released agent reappears: a random empty site, or its last site "
             "(if taken, an empty one in view of it)"),

      choice("rules.preset", "paper", {"paper", "paper-literal", "netlogo", "mesa"},
             "Sets every implementation detail below at once; explicit keys override it"),
      choice("rules.vision_shape", "disk", {"disk", "diamond", "square"},
             "Euclidean disk, von Neumann diamond or Moore square"),
      choice("rules.active_self_count", "once", {"once", "twice_when_active"},
             "An active citizen counts itself in A once, or twice (NetLogo)"),
      choice("rules.order", "move_then_act", {"move_then_act", "act_then_move"},
             "Order of movement and action within one activation"),
      choice("rules.placement", "exact_counts", {"exact_counts", "per_site"},
             "Exact agent counts, cops first, or an independent draw per site (Mesa)"),

      integer("measures.outburst_threshold", 50, 0, 4e9, "actives",
              "An outburst is a stretch of periods with more actives than this"),

      choice("model.kind", "I", {"I", "II"},
             "Epstein's Model I (citizens against a regime) or Model II (two groups, killing, "
             "peacekeepers); keys described as Model II apply to it only"),
      real("groups.blue_share", 0.5, 0, 1, "",
           "Model II: chance that an initial citizen is Blue rather than Green"),
      boolean("groups.idle_killer_active", true,
              "Model II: an agent that goes active with no victim in view still counts as active"),
      real("reproduction.probability", 0.05, 0, 1, "per period",
           "Model II: chance that a free agent clones onto an empty neighbouring site"),
      choice("reproduction.offspring_risk", "fresh", {"fresh", "inherit"},
             "Model II: the offspring's risk aversion R: a fresh U(0, 1) draw, or the parent's"),
      real("ageing.max_age", 200.0, 0, 1e9, "periods",
           "Model II: each agent dies at an age drawn from U(0, max_age) (inf: never)", true),

      choice("engine.scheduler", "reference", {"reference", "parallel"},
             "Update scheme: reference = random asynchronous activation (the paper's), "
             "parallel = the same in row bands run on every core (docs/engine.md)"),
  };
}

}  // namespace

const std::vector<ParamSpec>& parameter_specs() {
  static const std::vector<ParamSpec> specs = make_specs();
  return specs;
}

const ParamSpec* find_parameter(const std::string& key) {
  for (const ParamSpec& s : parameter_specs()) {
    if (s.key == key) return &s;
  }
  return nullptr;
}

std::string describe_allowed(const ParamSpec& spec) {
  if (!spec.allowed.empty()) return spec.allowed;
  switch (spec.type) {
    case ParamType::real: {
      const char open = spec.exclusive_min ? '(' : '[';
      if (spec.allow_infinity)
        return fmt::format("a number in {}{}, {}], or inf", open, spec.min, spec.max);
      return fmt::format("a number in {}{}, {}]", open, spec.min, spec.max);
    }
    case ParamType::integer:
      return fmt::format("an integer in [{}, {}]", static_cast<std::int64_t>(spec.min),
                         static_cast<std::int64_t>(spec.max));
    case ParamType::boolean:
      return "true or false";
    case ParamType::choice:
      return fmt::format("one of {}", fmt::join(spec.choices, ", "));
    case ParamType::text:
      return "a string";
    case ParamType::schedule:
      return fmt::format(
          "an array of tables {{kind = \"step\", at, value}} or {{kind = \"ramp\", start, end, "
          "value}} in time order, values in [{}, {}]",
          spec.min, spec.max);
  }
  return "";
}

}  // namespace unrest::scenario
