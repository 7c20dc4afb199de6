#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "scenario/builtins.hpp"
#include "scenario/country_scenario.hpp"
#include "scenario/scenario.hpp"

namespace unrest::scenario {
namespace {

bool same(const Value& a, const Value& b) {
  if (a.index() != b.index()) return false;
  if (const auto* sa = std::get_if<ScheduleSegments>(&a)) {
    const auto& sb = std::get<ScheduleSegments>(b);
    if (sa->size() != sb.size()) return false;
    for (std::size_t i = 0; i < sa->size(); ++i) {
      const auto& x = (*sa)[i];
      const auto& y = sb[i];
      if (x.kind != y.kind || x.start != y.start || x.end != y.end || x.value != y.value) {
        return false;
      }
    }
    return true;
  }
  if (const auto* da = std::get_if<double>(&a)) return *da == std::get<double>(b);
  if (const auto* ia = std::get_if<std::int64_t>(&a)) return *ia == std::get<std::int64_t>(b);
  if (const auto* ba = std::get_if<bool>(&a)) return *ba == std::get<bool>(b);
  return std::get<std::string>(a) == std::get<std::string>(b);
}

// Loading the rendered TOML gives identical effective values and model parameters.
void expect_round_trip(const Scenario& original) {
  const std::string text = original.effective_toml();
  Scenario again;
  try {
    again = load_scenario_text("effective.toml", text);
  } catch (const InputError& e) {
    FAIL() << "rendered TOML does not load: " << e.what() << "\n" << text;
  }
  ASSERT_EQ(again.values.size(), original.values.size());
  for (const auto& [key, value] : original.values) {
    EXPECT_TRUE(same(again.values.at(key), value))
        << "key " << key << " differs after the round trip";
  }
  const auto& a = original.model;
  const auto& b = again.model;
  EXPECT_EQ(a.width, b.width);
  EXPECT_EQ(a.height, b.height);
  EXPECT_EQ(a.citizen_density, b.citizen_density);
  EXPECT_EQ(a.citizen_vision, b.citizen_vision);
  EXPECT_EQ(a.max_jail_term, b.max_jail_term);
  EXPECT_EQ(a.arrest_ratio, b.arrest_ratio);
  EXPECT_EQ(a.jail_mode, b.jail_mode);
  EXPECT_EQ(a.jail_term, b.jail_term);
  EXPECT_EQ(a.vision_shape, b.vision_shape);
  EXPECT_EQ(a.self_count, b.self_count);
  EXPECT_EQ(a.order, b.order);
  EXPECT_EQ(a.placement, b.placement);
  EXPECT_EQ(original.name, again.name);
  EXPECT_EQ(original.seed, again.seed);
  EXPECT_EQ(original.periods, again.periods);
  // Rendering is a fixed point after the first load (apart from the source line).
  const std::string twice = again.effective_toml();
  EXPECT_EQ(text.substr(text.find('\n')), twice.substr(twice.find('\n')));
}

TEST(EffectiveToml, RoundTripsEveryBuiltin) {
  for (const BuiltinScenario& b : builtin_scenarios()) {
    if (is_country_scenario_text(std::string(b.text))) continue;  // country_loader_test's
    SCOPED_TRACE(std::string(b.name));
    expect_round_trip(load_scenario(std::string(b.name)));
  }
}

TEST(EffectiveToml, RoundTripsAwkwardValues) {
  const Scenario s = load_scenario_text("t.toml", R"(
[scenario]
name = "quote \" backslash \\ tab \t newline \n unicode é ✓"
description = "control \u0001 char"
seed = 9007199254740991
[citizens]
density = 0.123456789012345678
vision = 2
legitimacy = 1e-7
legitimacy_schedule = [{ kind = "step", at = 0, value = 0.3 },
                       { kind = "ramp", start = 5, end = 100000000, value = 1.0 }]
[cops]
density = 0.0
density_schedule = [{ kind = "ramp", start = 1, end = 2, value = 0.25 }]
[arrest]
constant = 100
[jail]
max_term = inf
[rules]
preset = "mesa"
vision_shape = "square"
)");
  expect_round_trip(s);
}

TEST(EffectiveToml, RoundTripsEveryPresetAndOverride) {
  for (const char* preset : {"paper", "paper-literal", "netlogo", "mesa"}) {
    SCOPED_TRACE(preset);
    expect_round_trip(load_scenario_text(
        "t", "", {{"rules.preset", preset}, {"jail.max_term", "12"}, {"citizens.vision", "1.7"}}));
  }
}

TEST(EffectiveToml, RoundTripsADeleteCharacterInAString) {
  // U+007F must be escaped in a TOML basic string; render.cpp's quoted() escapes only
  // characters below U+0020, so the rendered text does not load again.
  expect_round_trip(load_scenario_text("t", "[scenario]\nname = \"a\\u007Fb\"\n"));
}

TEST(EffectiveToml, ListsEveryKeyWithItsDescriptionAndAllowedValues) {
  const Scenario s = load_scenario("epstein-run2");
  const std::string text = s.effective_toml();
  EXPECT_EQ(text.rfind("# Effective scenario from builtin:epstein-run2", 0), 0u);
  for (const ParamSpec& spec : parameter_specs()) {
    const std::string name = spec.key.substr(spec.key.find('.') + 1);
    std::string section = "\n[";
    section.append(spec.key, 0, spec.key.find('.'));
    section += "]\n";
    std::string line = "\n";
    line += name;
    line += " = ";
    EXPECT_NE(text.find(section), std::string::npos) << section;
    EXPECT_NE(text.find(line), std::string::npos) << spec.key;
    EXPECT_NE(text.find(spec.description), std::string::npos) << spec.key;
    std::string allowed = "Allowed: ";
    allowed += describe_allowed(spec);
    EXPECT_NE(text.find(allowed), std::string::npos) << spec.key;
  }
  EXPECT_NE(text.find("legitimacy = 0.82\n"), std::string::npos);
  EXPECT_NE(text.find("vision = 7.0\n"), std::string::npos) << "reals keep a decimal point";
}

}  // namespace
}  // namespace unrest::scenario
