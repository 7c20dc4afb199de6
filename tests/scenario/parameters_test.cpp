#include "scenario/parameters.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <string>

#include "models/epstein/params.hpp"

namespace unrest::scenario {
namespace {

TEST(Parameters, KeysAreUniqueSectionDotName) {
  std::set<std::string> keys;
  for (const ParamSpec& s : parameter_specs()) {
    EXPECT_TRUE(keys.insert(s.key).second) << s.key;
    const auto dot = s.key.find('.');
    ASSERT_NE(dot, std::string::npos) << s.key;
    EXPECT_EQ(s.key.find('.', dot + 1), std::string::npos) << s.key;
    EXPECT_FALSE(s.description.empty()) << s.key;
  }
}

TEST(Parameters, DefaultsAreAllowedValues) {
  for (const ParamSpec& s : parameter_specs()) {
    switch (s.type) {
      case ParamType::real: {
        const double v = std::get<double>(s.default_value);
        EXPECT_GE(v, s.min) << s.key;
        EXPECT_TRUE(v <= s.max || (s.allow_infinity && std::isinf(v))) << s.key;
        break;
      }
      case ParamType::integer: {
        const auto v = static_cast<double>(std::get<std::int64_t>(s.default_value));
        EXPECT_GE(v, s.min) << s.key;
        EXPECT_LE(v, s.max) << s.key;
        break;
      }
      case ParamType::boolean:
        EXPECT_TRUE(std::holds_alternative<bool>(s.default_value)) << s.key;
        break;
      case ParamType::choice: {
        const std::string& v = std::get<std::string>(s.default_value);
        EXPECT_TRUE(std::find(s.choices.begin(), s.choices.end(), v) != s.choices.end()) << s.key;
        break;
      }
      case ParamType::text:
        EXPECT_TRUE(std::holds_alternative<std::string>(s.default_value)) << s.key;
        break;
      case ParamType::schedule:
        EXPECT_TRUE(std::get<ScheduleSegments>(s.default_value).empty()) << s.key;
        break;
    }
  }
}

TEST(Parameters, DefaultsMatchTheModelDefaults) {
  const epstein::ModelIParams p;
  EXPECT_EQ(std::get<std::int64_t>(find_parameter("lattice.width")->default_value), p.width);
  EXPECT_EQ(std::get<double>(find_parameter("citizens.density")->default_value), p.citizen_density);
  EXPECT_EQ(std::get<double>(find_parameter("citizens.vision")->default_value), p.citizen_vision);
  EXPECT_EQ(std::get<double>(find_parameter("citizens.threshold")->default_value), p.threshold);
  EXPECT_EQ(std::get<double>(find_parameter("citizens.legitimacy")->default_value),
            p.legitimacy.initial());
  EXPECT_EQ(std::get<double>(find_parameter("cops.density")->default_value),
            p.cop_density.initial());
  EXPECT_EQ(std::get<double>(find_parameter("arrest.constant")->default_value), p.arrest_constant);
  EXPECT_EQ(std::get<double>(find_parameter("jail.max_term")->default_value), p.max_jail_term);
}

TEST(Parameters, ChoiceOrderMatchesTheEnums) {
  // The loader maps a choice to an enum by its index.
  const auto index = [](const std::string& key, const std::string& choice) {
    const auto& c = find_parameter(key)->choices;
    return static_cast<int>(std::find(c.begin(), c.end(), choice) - c.begin());
  };
  EXPECT_EQ(index("arrest.ratio", "round"),
            static_cast<int>(epstein::ArrestRatio::round_half_even));
  EXPECT_EQ(index("arrest.ratio", "literal"), static_cast<int>(epstein::ArrestRatio::literal));
  EXPECT_EQ(index("jail.mode", "stay_blocking"),
            static_cast<int>(epstein::JailMode::stay_blocking));
  EXPECT_EQ(index("jail.term", "integer_up_to_max"),
            static_cast<int>(epstein::JailTerm::integer_up_to_max));
  EXPECT_EQ(index("rules.vision_shape", "diamond"), static_cast<int>(core::VisionShape::diamond));
  EXPECT_EQ(index("rules.active_self_count", "twice_when_active"),
            static_cast<int>(epstein::ActiveSelfCount::twice_when_active));
  EXPECT_EQ(index("rules.order", "act_then_move"),
            static_cast<int>(epstein::ActivationOrder::act_then_move));
  EXPECT_EQ(index("rules.placement", "per_site"), static_cast<int>(epstein::Placement::per_site));
}

TEST(Parameters, FindAndDescribe) {
  EXPECT_EQ(find_parameter("citizens.nope"), nullptr);
  EXPECT_EQ(find_parameter("density"), nullptr);
  EXPECT_EQ(describe_allowed(*find_parameter("citizens.density")), "a number in [0, 1]");
  EXPECT_EQ(describe_allowed(*find_parameter("jail.max_term")),
            "a number in [0, 1000000000], or inf");
  EXPECT_EQ(describe_allowed(*find_parameter("lattice.width")), "an integer in [1, 65535]");
  EXPECT_EQ(describe_allowed(*find_parameter("citizens.move")), "true or false");
  EXPECT_EQ(describe_allowed(*find_parameter("arrest.ratio")), "one of literal, floor, round");
  EXPECT_EQ(describe_allowed(*find_parameter("scenario.name")), "a string");
  EXPECT_NE(describe_allowed(*find_parameter("cops.density_schedule")).find("[0, 1]"),
            std::string::npos);
}

}  // namespace
}  // namespace unrest::scenario
