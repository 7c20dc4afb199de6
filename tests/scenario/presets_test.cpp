#include "scenario/presets.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "scenario/parameters.hpp"

namespace unrest::scenario {
namespace {

// The keys of the spec's table of implementation differences.
const std::set<std::string> kRuleKeys = {
    "arrest.ratio", "rules.vision_shape", "rules.active_self_count", "rules.order",
    "jail.mode",    "jail.term",          "rules.placement"};

std::map<std::string, std::string> as_map(const std::string& preset) {
  const auto& v = preset_values(preset);
  return {v.begin(), v.end()};
}

TEST(Presets, EveryPresetSetsEveryRuleKeyOnceWithAnAllowedChoice) {
  const ParamSpec* preset_spec = find_parameter("rules.preset");
  ASSERT_NE(preset_spec, nullptr);
  for (const std::string& preset : preset_spec->choices) {
    const auto& values = preset_values(preset);
    std::set<std::string> keys;
    for (const auto& [key, value] : values) {
      EXPECT_TRUE(keys.insert(key).second) << preset << " sets " << key << " twice";
      const ParamSpec* spec = find_parameter(key);
      ASSERT_NE(spec, nullptr) << key;
      ASSERT_EQ(spec->type, ParamType::choice) << key;
      EXPECT_NE(std::find(spec->choices.begin(), spec->choices.end(), value), spec->choices.end())
          << preset << ": " << key << " = " << value;
    }
    EXPECT_EQ(keys, kRuleKeys) << preset;
  }
}

TEST(Presets, EveryRulesSectionKeyIsCoveredByThePresets) {
  for (const ParamSpec& spec : parameter_specs()) {
    if (spec.key.rfind("rules.", 0) == 0 && spec.key != "rules.preset") {
      EXPECT_TRUE(kRuleKeys.count(spec.key)) << spec.key << " is not set by the presets";
    }
  }
}

TEST(Presets, ValuesFollowTheSpecTable) {
  const auto paper = as_map("paper");
  EXPECT_EQ(paper.at("arrest.ratio"), "floor");  // reproduces the figures
  EXPECT_EQ(paper.at("jail.mode"), "off_lattice");
  EXPECT_EQ(paper.at("jail.term"), "continuous");
  EXPECT_EQ(paper.at("rules.order"), "move_then_act");
  EXPECT_EQ(paper.at("rules.active_self_count"), "once");
  EXPECT_EQ(paper.at("rules.placement"), "exact_counts");

  auto literal = as_map("paper-literal");
  EXPECT_EQ(literal.at("arrest.ratio"), "literal");
  literal["arrest.ratio"] = "floor";
  EXPECT_EQ(literal, paper) << "paper-literal differs from paper only in the ratio";

  const auto netlogo = as_map("netlogo");
  EXPECT_EQ(netlogo.at("arrest.ratio"), "floor");
  EXPECT_EQ(netlogo.at("rules.vision_shape"), "disk");
  EXPECT_EQ(netlogo.at("rules.active_self_count"), "twice_when_active");
  EXPECT_EQ(netlogo.at("rules.order"), "move_then_act");
  EXPECT_EQ(netlogo.at("jail.mode"), "stay_invisible");
  EXPECT_EQ(netlogo.at("jail.term"), "integer_below_max");
  EXPECT_EQ(netlogo.at("rules.placement"), "exact_counts");

  const auto mesa = as_map("mesa");
  EXPECT_EQ(mesa.at("arrest.ratio"), "round");
  EXPECT_EQ(mesa.at("rules.vision_shape"), "diamond");
  EXPECT_EQ(mesa.at("rules.active_self_count"), "once");
  EXPECT_EQ(mesa.at("rules.order"), "act_then_move");
  EXPECT_EQ(mesa.at("jail.mode"), "stay_blocking");
  EXPECT_EQ(mesa.at("jail.term"), "integer_up_to_max");
  EXPECT_EQ(mesa.at("rules.placement"), "per_site");
}

TEST(Presets, UnknownPresetIsEmpty) {
  EXPECT_TRUE(preset_values("").empty());
  EXPECT_TRUE(preset_values("Paper").empty());
  EXPECT_TRUE(preset_values("repast").empty());
}

TEST(Presets, DefaultPresetMatchesTheDefaultRuleValues) {
  // The declared defaults of the rule keys are the paper preset's.
  const auto paper = as_map("paper");
  const ParamSpec* preset = find_parameter("rules.preset");
  ASSERT_NE(preset, nullptr);
  EXPECT_EQ(std::get<std::string>(preset->default_value), "paper");
  for (const auto& [key, value] : paper) {
    EXPECT_EQ(std::get<std::string>(find_parameter(key)->default_value), value) << key;
  }
}

}  // namespace
}  // namespace unrest::scenario
