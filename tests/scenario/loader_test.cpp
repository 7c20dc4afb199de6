#include <gtest/gtest.h>

#include <unistd.h>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <string>
#include <vector>

#include "scenario/builtins.hpp"
#include "scenario/country_scenario.hpp"
#include "scenario/scenario.hpp"

namespace unrest::scenario {
namespace {

using epstein::ArrestRatio;
using epstein::JailMode;
using epstein::JailTerm;

// Loads `text` (named "test.toml") and expects an InputError whose message contains every
// fragment: the source and line, the key and what is allowed.
void expect_error(const std::string& text, std::initializer_list<std::string> fragments,
                  const std::vector<Override>& overrides = {}, const LoadOptions& options = {}) {
  try {
    load_scenario_text("test.toml", text, overrides, options);
    ADD_FAILURE() << "no InputError for:\n" << text;
  } catch (const InputError& e) {
    const std::string what = e.what();
    for (const std::string& f : fragments) {
      EXPECT_NE(what.find(f), std::string::npos) << "message lacks '" << f << "': " << what;
    }
  }
}

TEST(Loader, EmptyTextGivesTheDefaults) {
  const Scenario s = load_scenario_text("empty.toml", "");
  EXPECT_EQ(s.source, "empty.toml");
  EXPECT_EQ(s.name, "unnamed");
  EXPECT_EQ(s.seed, 1u);
  EXPECT_EQ(s.periods, 1000u);
  EXPECT_EQ(s.outburst_threshold, 50u);
  EXPECT_EQ(s.model.width, 40);
  EXPECT_EQ(s.model.height, 40);
  EXPECT_DOUBLE_EQ(s.model.citizen_density, 0.7);
  EXPECT_DOUBLE_EQ(s.model.citizen_vision, 7.0);
  EXPECT_DOUBLE_EQ(s.model.threshold, 0.1);
  EXPECT_DOUBLE_EQ(s.model.legitimacy.at(0), 0.82);
  EXPECT_DOUBLE_EQ(s.model.cop_density.at(0), 0.04);
  EXPECT_DOUBLE_EQ(s.model.arrest_constant, 2.3);
  EXPECT_DOUBLE_EQ(s.model.max_jail_term, 30.0);
  EXPECT_EQ(s.model.arrest_ratio, ArrestRatio::floor);  // preset "paper"
  EXPECT_EQ(s.values.size(), parameter_specs().size());
  EXPECT_EQ(s.source_sha256, sha256_hex(""));
}

TEST(Loader, ReadsEveryKindOfValue) {
  const Scenario s = load_scenario_text("t.toml", R"(
[scenario]
name = "mine"
seed = 12345678901
periods = 77
[lattice]
width = 50
height = 30
[citizens]
density = 0.5
vision = 2        # an integer is accepted for a real
move = false
threshold = 0.2
legitimacy = 0.6
legitimacy_schedule = [{ kind = "step", at = 10, value = 0.5 },
                       { kind = "ramp", start = 20, end = 30, value = 0.1 }]
[cops]
density = 0.1
vision = 3.5
move = false
[arrest]
constant = 1.5
ratio = "literal"
[jail]
max_term = inf
mode = "stay_blocking"
[measures]
outburst_threshold = 7
)");
  EXPECT_EQ(s.name, "mine");
  EXPECT_EQ(s.seed, 12345678901u);
  EXPECT_EQ(s.periods, 77u);
  EXPECT_EQ(s.outburst_threshold, 7u);
  EXPECT_EQ(s.model.width, 50);
  EXPECT_EQ(s.model.height, 30);
  EXPECT_DOUBLE_EQ(s.model.citizen_vision, 2.0);
  EXPECT_FALSE(s.model.citizens_move);
  EXPECT_FALSE(s.model.cops_move);
  EXPECT_DOUBLE_EQ(s.model.threshold, 0.2);
  EXPECT_DOUBLE_EQ(s.model.legitimacy.at(9), 0.6);
  EXPECT_DOUBLE_EQ(s.model.legitimacy.at(10), 0.5);
  EXPECT_DOUBLE_EQ(s.model.legitimacy.at(25), 0.3);
  EXPECT_DOUBLE_EQ(s.model.legitimacy.at(40), 0.1);
  EXPECT_DOUBLE_EQ(s.model.cop_vision, 3.5);
  EXPECT_DOUBLE_EQ(s.model.arrest_constant, 1.5);
  EXPECT_EQ(s.model.arrest_ratio, ArrestRatio::literal);
  EXPECT_TRUE(std::isinf(s.model.max_jail_term));
  EXPECT_EQ(s.model.jail_mode, JailMode::stay_blocking);
  EXPECT_EQ(std::get<std::int64_t>(s.values.at("scenario.seed")), 12345678901);
}

TEST(Loader, MalformedToml) {
  expect_error("[citizens]\ndensity = = 0.5\n", {"test.toml:2", "malformed TOML"});
  expect_error("[citizens\n", {"test.toml:1", "malformed TOML"});
  expect_error("[citizens]\nvision = 3\nvision = 4\n", {"test.toml:3", "malformed TOML"});
}

TEST(Loader, UnknownSection) {
  expect_error(
      "\n[citzens]\ndensity = 0.5\n",
      {"test.toml:2", "'citzens'", "scenario, lattice, citizens, cops, arrest, jail, rules"});
  expect_error("density = 0.5\n", {"test.toml:1", "'density'", "expected a section"});
}

TEST(Loader, UnknownKey) {
  expect_error("[citizens]\n\ndensty = 0.5\n", {"test.toml:3", "'citizens.densty'",
                                                "density, vision, move, threshold, legitimacy"});
}

TEST(Loader, WrongTypes) {
  expect_error("[citizens]\ndensity = \"0.5\"\n",
               {"test.toml:2", "'citizens.density'", "a number in [0, 1]", "0.5"});
  expect_error("[scenario]\nperiods = 10.5\n",
               {"test.toml:2", "'scenario.periods'", "an integer in [1, 100000000]"});
  expect_error("[scenario]\nperiods = 10.0\n", {"test.toml:2", "'scenario.periods'", "an integer"});
  expect_error("[citizens]\nmove = 1\n", {"test.toml:2", "'citizens.move'", "true or false"});
  expect_error("[arrest]\nratio = 1\n",
               {"test.toml:2", "'arrest.ratio'", "one of literal, floor, round"});
  expect_error("[scenario]\nname = 3\n", {"test.toml:2", "'scenario.name'", "a string"});
  expect_error("[citizens]\nlegitimacy_schedule = 0.5\n",
               {"test.toml:2", "'citizens.legitimacy_schedule'", "an array of tables"});
}

TEST(Loader, OutOfRange) {
  expect_error("[citizens]\ndensity = 1.5\n",
               {"test.toml:2", "'citizens.density'", "a number in [0, 1]", "1.5"});
  expect_error("[citizens]\nvision = -1\n",
               {"test.toml:2", "'citizens.vision'", "a number in [0, 1000]", "-1"});
  expect_error("[lattice]\nwidth = 0\n", {"test.toml:2", "'lattice.width'", "[1, 65535]"});
  expect_error("[lattice]\nwidth = 70000\n", {"test.toml:2", "'lattice.width'", "[1, 65535]"});
  expect_error("[scenario]\nseed = -1\n", {"test.toml:2", "'scenario.seed'"});
  expect_error("[arrest]\nratio = \"ceil\"\n",
               {"test.toml:2", "'arrest.ratio'", "one of literal, floor, round"});
  expect_error("[citizens]\ndensity = inf\n", {"test.toml:2", "'citizens.density'"});
  expect_error("[citizens]\ndensity = nan\n", {"test.toml:2", "'citizens.density'"});
  expect_error("[jail]\nmax_term = -inf\n", {"test.toml:2", "'jail.max_term'", "or inf"});
  expect_error("[jail]\nmax_term = nan\n", {"test.toml:2", "'jail.max_term'"});
}

TEST(Loader, InfinityOnlyWhereAllowed) {
  EXPECT_TRUE(std::isinf(load_scenario_text("t", "[jail]\nmax_term = inf\n").model.max_jail_term));
  EXPECT_TRUE(std::isinf(load_scenario_text("t", "[jail]\nmax_term = +inf\n").model.max_jail_term));
}

TEST(Loader, DensitiesSummingOverOne) {
  expect_error("[citizens]\ndensity = 0.9\n[cops]\ndensity = 0.2\n",
               {"test.toml:4", "'cops.density'", "exceeds 1", "at most 1"});
  // The schedule's largest value counts.
  expect_error(
      "[citizens]\ndensity = 0.9\n[cops]\ndensity = 0.05\ndensity_schedule = "
      "[{ kind = \"step\", at = 5, value = 0.2 }]\n",
      {"test.toml:5", "'cops.density_schedule'", "exceeds 1"});
  // Exactly 1 is fine.
  EXPECT_NO_THROW(load_scenario_text("t", "[citizens]\ndensity = 0.96\n[cops]\ndensity = 0.04\n"));
}

TEST(Loader, DensitySumErrorNamesTheLineOfTheKeyThatWasSet) {
  // Only citizens.density is set (line 2); cops.density keeps its default. The message names
  // "cops.density" with no line at all, though the file's line 2 caused it.
  expect_error("[citizens]\ndensity = 0.97\n", {"test.toml:2"});
}

TEST(Loader, VisionTooBigForTheLattice) {
  expect_error("[lattice]\nwidth = 10\nheight = 10\n[citizens]\nvision = 7.0\n",
               {"test.toml:5", "'citizens.vision'", "at least 15", "10x10"});
  expect_error("[lattice]\nwidth = 18\nheight = 18\n[cops]\nvision = 9.9\n",
               {"test.toml:5", "'cops.vision'", "at least 19"});
  EXPECT_NO_THROW(load_scenario_text("t", "[lattice]\nwidth = 15\nheight = 15\n"));
  EXPECT_NO_THROW(load_scenario_text(
      "t", "[lattice]\nwidth = 3\nheight = 3\n[citizens]\nvision = 1.7\n[cops]\nvision = 1.7\n"));
}

TEST(Loader, VisionErrorNamesTheLineOfTheLatticeThatWasSet) {
  // The lattice was shrunk at line 2; both visions keep their default of 7. The message names
  // "citizens.vision" but no line.
  expect_error("[lattice]\nwidth = 10\n", {"test.toml:2"});
}

TEST(Loader, LatticeTooLargeForMemory) {
  LoadOptions small;
  small.available_memory = 64u << 20;  // 64 MiB
  expect_error("[lattice]\nwidth = 10000\nheight = 10000\n",
               {"test.toml:2", "'lattice.width'", "10000x10000", "GiB"}, {}, small);
  EXPECT_NO_THROW(load_scenario_text("t", "[lattice]\nwidth = 10000\nheight = 10000\n", {}, {}))
      << "0 skips the check";
  EXPECT_NO_THROW(load_scenario_text("t", "", {}, small));
}

TEST(Loader, NonWholeJailTermWithIntegerRules) {
  expect_error("[jail]\nmax_term = 7.5\nterm = \"integer_below_max\"\n",
               {"test.toml:2", "'jail.max_term'", "whole number"});
  expect_error("[rules]\npreset = \"mesa\"\n[jail]\nmax_term = 7.5\n", {"'jail.max_term'"});
  EXPECT_NO_THROW(load_scenario_text("t", "[jail]\nmax_term = 7.5\n"));
  EXPECT_NO_THROW(
      load_scenario_text("t", "[rules]\npreset = \"netlogo\"\n[jail]\nmax_term = inf\n"));
}

TEST(Loader, BadScheduleSegments) {
  const std::string key = "'citizens.legitimacy_schedule'";
  expect_error("[citizens]\nlegitimacy_schedule = [{ kind = \"jump\", at = 5, value = 0.5 }]\n",
               {"test.toml:2", key, "kind = \"step\" or kind = \"ramp\""});
  expect_error("[citizens]\nlegitimacy_schedule = [{ at = 5, value = 0.5 }]\n",
               {"test.toml:2", key, "kind"});
  expect_error(
      "[citizens]\nlegitimacy_schedule = [{ kind = \"step\", at = 10, value = 0.5 },\n"
      "  { kind = \"step\", at = 5, value = 0.4 }]\n",
      {"test.toml:2", key, "time order"});
  expect_error(
      "[citizens]\nlegitimacy_schedule = [{ kind = \"ramp\", start = 10, end = 20, value = 0.5 },\n"
      "  { kind = \"step\", at = 15, value = 0.4 }]\n",
      {"test.toml:2", key, "overlap"});
  expect_error(
      "[citizens]\nlegitimacy_schedule = [{ kind = \"ramp\", start = 10, end = 10, value = 0.5 "
      "}]\n",
      {"test.toml:2", key, "'end' must come after its 'start'"});
  expect_error(
      "[citizens]\nlegitimacy_schedule = [{ kind = \"ramp\", start = 10, end = 5, value = 0.5 }]\n",
      {"test.toml:2", key, "'end' must come after"});
  expect_error("[citizens]\nlegitimacy_schedule = [{ kind = \"step\", at = 5, value = 1.5 }]\n",
               {"test.toml:2", key, "[0, 1]"});
  expect_error("[citizens]\nlegitimacy_schedule = [{ kind = \"step\", at = 5 }]\n",
               {"test.toml:2", key, "'value'"});
  expect_error("[citizens]\nlegitimacy_schedule = [{ kind = \"step\", at = -5, value = 0.5 }]\n",
               {"test.toml:2", key, "'at'"});
  expect_error("[citizens]\nlegitimacy_schedule = [{ kind = \"step\", at = 5.5, value = 0.5 }]\n",
               {"test.toml:2", key, "'at'"});
  expect_error("[citizens]\nlegitimacy_schedule = [{ kind = \"step\", when = 5, value = 0.5 }]\n",
               {"test.toml:2", key, "unknown segment field 'when'"});
  expect_error("[citizens]\nlegitimacy_schedule = [0.5]\n", {"test.toml:2", key});
  expect_error("[cops]\ndensity_schedule = [{ kind = \"ramp\", start = 1, value = 0.1 }]\n",
               {"test.toml:2", "'cops.density_schedule'", "'end'"});
}

TEST(Loader, ParseOverride) {
  const Override o = parse_override("citizens.legitimacy=0.8");
  EXPECT_EQ(o.key, "citizens.legitimacy");
  EXPECT_EQ(o.value, "0.8");
  EXPECT_EQ(parse_override("scenario.name=a=b").value, "a=b");
  EXPECT_EQ(parse_override("scenario.name=").value, "");
  for (const char* bad : {"citizens.legitimacy", "=0.8", ""}) {
    try {
      parse_override(bad);
      ADD_FAILURE() << "no error for '" << bad << "'";
    } catch (const InputError& e) {
      EXPECT_NE(std::string(e.what()).find("key=value"), std::string::npos) << e.what();
    }
  }
}

TEST(Loader, OverridesApplyAfterTheFile) {
  const Scenario s = load_scenario_text("t", "[citizens]\nlegitimacy = 0.5\n",
                                        {{"citizens.legitimacy", "0.7"},
                                         {"jail.max_term", "inf"},
                                         {"rules.preset", "mesa"},
                                         {"scenario.name", "bare words"},
                                         {"citizens.move", "false"},
                                         {"jail.mode", "off_lattice"}});
  EXPECT_DOUBLE_EQ(s.model.legitimacy.at(0), 0.7);
  EXPECT_TRUE(std::isinf(s.model.max_jail_term));
  EXPECT_EQ(s.model.arrest_ratio, ArrestRatio::round_half_even);
  EXPECT_EQ(s.model.jail_mode, JailMode::off_lattice);
  EXPECT_EQ(s.name, "bare words");
  EXPECT_FALSE(s.model.citizens_move);
  ASSERT_EQ(s.overrides.size(), 6u);
  EXPECT_EQ(s.overrides[0].key, "citizens.legitimacy");
  // A later --set of the same key wins.
  EXPECT_EQ(load_scenario_text("t", "", {{"scenario.seed", "3"}, {"scenario.seed", "4"}}).seed, 4u);
  // Schedules can be set too.
  const Scenario r = load_scenario_text(
      "t", "", {{"cops.density_schedule", "[{ kind = \"step\", at = 3, value = 0.0 }]"}});
  EXPECT_DOUBLE_EQ(r.model.cop_density.at(3), 0.0);
}

TEST(Loader, BadOverrides) {
  expect_error("", {"--set citizens.foo=1", "'citizens.foo'", "density, vision"},
               {{"citizens.foo", "1"}});
  expect_error("", {"--set bogus.key=1", "'bogus.key'", "scenario, lattice, citizens"},
               {{"bogus.key", "1"}});
  expect_error("", {"--set citizens.density=abc", "'citizens.density'", "a number in [0, 1]"},
               {{"citizens.density", "abc"}});
  expect_error("", {"--set citizens.density=1.5", "a number in [0, 1]"},
               {{"citizens.density", "1.5"}});
  expect_error("", {"--set scenario.periods=2.5", "an integer"}, {{"scenario.periods", "2.5"}});
  expect_error("", {"--set rules.preset=nope", "one of paper, paper-literal, netlogo, mesa"},
               {{"rules.preset", "nope"}});
  expect_error("", {"--set citizens.move=yes", "true or false"}, {{"citizens.move", "yes"}});
}

TEST(Loader, ExplicitKeysOverrideThePresetInAnyOrder) {
  // Key before the preset in the file, after it, and preset from --set.
  const Scenario a =
      load_scenario_text("t", "[arrest]\nratio = \"literal\"\n[rules]\npreset = \"mesa\"\n");
  EXPECT_EQ(a.model.arrest_ratio, ArrestRatio::literal);
  EXPECT_EQ(a.model.jail_mode, JailMode::stay_blocking);  // the rest from mesa
  const Scenario b =
      load_scenario_text("t", "[rules]\npreset = \"mesa\"\n[arrest]\nratio = \"literal\"\n");
  EXPECT_EQ(b.model.arrest_ratio, ArrestRatio::literal);
  const Scenario c =
      load_scenario_text("t", "[jail]\nmode = \"off_lattice\"\n", {{"rules.preset", "netlogo"}});
  EXPECT_EQ(c.model.jail_mode, JailMode::off_lattice);
  EXPECT_EQ(c.model.jail_term, JailTerm::integer_below_max);
  EXPECT_EQ(c.model.self_count, epstein::ActiveSelfCount::twice_when_active);
  const Scenario d = load_scenario_text("t", "[rules]\npreset = \"netlogo\"\n",
                                        {{"rules.vision_shape", "square"}});
  EXPECT_EQ(d.model.vision_shape, core::VisionShape::square);
}

TEST(Loader, PresetsSetEveryRuleKey) {
  struct Expected {
    const char* preset;
    ArrestRatio ratio;
    core::VisionShape shape;
    epstein::ActiveSelfCount self;
    epstein::ActivationOrder order;
    JailMode mode;
    JailTerm term;
    epstein::Placement placement;
  };
  using epstein::ActivationOrder;
  using epstein::ActiveSelfCount;
  using epstein::Placement;
  const Expected all[] = {
      {"paper", ArrestRatio::floor, core::VisionShape::disk, ActiveSelfCount::once,
       ActivationOrder::move_then_act, JailMode::off_lattice, JailTerm::continuous,
       Placement::exact_counts},
      {"paper-literal", ArrestRatio::literal, core::VisionShape::disk, ActiveSelfCount::once,
       ActivationOrder::move_then_act, JailMode::off_lattice, JailTerm::continuous,
       Placement::exact_counts},
      {"netlogo", ArrestRatio::floor, core::VisionShape::disk, ActiveSelfCount::twice_when_active,
       ActivationOrder::move_then_act, JailMode::stay_invisible, JailTerm::integer_below_max,
       Placement::exact_counts},
      {"mesa", ArrestRatio::round_half_even, core::VisionShape::diamond, ActiveSelfCount::once,
       ActivationOrder::act_then_move, JailMode::stay_blocking, JailTerm::integer_up_to_max,
       Placement::per_site},
  };
  for (const Expected& e : all) {
    // Start from the opposite of every choice, then switch presets: each key must follow.
    const Scenario s =
        load_scenario_text("t", std::string("[rules]\npreset = \"") + e.preset + "\"\n");
    EXPECT_EQ(s.model.arrest_ratio, e.ratio) << e.preset;
    EXPECT_EQ(s.model.vision_shape, e.shape) << e.preset;
    EXPECT_EQ(s.model.self_count, e.self) << e.preset;
    EXPECT_EQ(s.model.order, e.order) << e.preset;
    EXPECT_EQ(s.model.jail_mode, e.mode) << e.preset;
    EXPECT_EQ(s.model.jail_term, e.term) << e.preset;
    EXPECT_EQ(s.model.placement, e.placement) << e.preset;
    EXPECT_EQ(std::get<std::string>(s.values.at("rules.preset")), e.preset);
  }
}

TEST(Loader, BuiltinsCarryTable2) {
  const Scenario r1 = load_scenario("epstein-run1");
  EXPECT_EQ(r1.source, "builtin:epstein-run1");
  EXPECT_DOUBLE_EQ(r1.model.citizen_vision, 1.7);
  EXPECT_DOUBLE_EQ(r1.model.cop_vision, 1.7);
  EXPECT_DOUBLE_EQ(r1.model.legitimacy.at(0), 0.89);
  EXPECT_DOUBLE_EQ(r1.model.max_jail_term, 15.0);
  EXPECT_DOUBLE_EQ(r1.model.cop_density.at(0), 0.04);
  EXPECT_FALSE(r1.model.citizens_move);

  const Scenario r2 = load_scenario("epstein-run2");
  EXPECT_DOUBLE_EQ(r2.model.citizen_vision, 7.0);
  EXPECT_DOUBLE_EQ(r2.model.cop_vision, 7.0);
  EXPECT_DOUBLE_EQ(r2.model.legitimacy.at(0), 0.82);
  EXPECT_DOUBLE_EQ(r2.model.max_jail_term, 30.0);
  EXPECT_DOUBLE_EQ(r2.model.cop_density.at(0), 0.04);

  for (const char* name : {"epstein-run3", "epstein-run4"}) {
    const Scenario r = load_scenario(name);
    EXPECT_DOUBLE_EQ(r.model.citizen_vision, 7.0) << name;
    EXPECT_DOUBLE_EQ(r.model.legitimacy.at(0), 0.9) << name;
    EXPECT_TRUE(std::isinf(r.model.max_jail_term)) << name;
    EXPECT_DOUBLE_EQ(r.model.cop_density.at(0), 0.074) << name;
    EXPECT_TRUE(r.model.cop_density.segments().empty()) << name;
  }
  const Scenario r3 = load_scenario("epstein-run3");
  ASSERT_EQ(r3.model.legitimacy.segments().size(), 1u);
  EXPECT_EQ(r3.model.legitimacy.segments()[0].kind, core::ScheduleSegment::Kind::ramp);
  // About one percentage point per period, towards 0.2.
  const auto& ramp = r3.model.legitimacy.segments()[0];
  EXPECT_NEAR((0.9 - ramp.value) / static_cast<double>(ramp.end - ramp.start), 0.01, 1e-9);
  EXPECT_DOUBLE_EQ(ramp.value, 0.2);
  const Scenario r4 = load_scenario("epstein-run4");
  ASSERT_EQ(r4.model.legitimacy.segments().size(), 1u);
  EXPECT_EQ(r4.model.legitimacy.segments()[0].kind, core::ScheduleSegment::Kind::step);
  EXPECT_DOUBLE_EQ(r4.model.legitimacy.at(76), 0.9);
  EXPECT_DOUBLE_EQ(r4.model.legitimacy.at(77), 0.7);

  const Scenario r5 = load_scenario("epstein-run5");
  EXPECT_DOUBLE_EQ(r5.model.legitimacy.at(0), 0.8);
  EXPECT_TRUE(std::isinf(r5.model.max_jail_term));
  EXPECT_DOUBLE_EQ(r5.model.cop_density.at(0), 0.074);
  ASSERT_FALSE(r5.model.cop_density.segments().empty());
  double previous = r5.model.cop_density.at(0);
  for (std::int64_t t = 1; t <= 400; ++t) {
    EXPECT_LE(r5.model.cop_density.at(t), previous) << "cop density never rises; t = " << t;
    previous = r5.model.cop_density.at(t);
  }
  EXPECT_LT(previous, 0.074);

  for (const Scenario* s : {&r1, &r2, &r3, &r4, &r5}) {
    EXPECT_EQ(s->model.width, 40);
    EXPECT_EQ(s->model.height, 40);
    EXPECT_DOUBLE_EQ(s->model.citizen_density, 0.7);
    EXPECT_DOUBLE_EQ(s->model.threshold, 0.1);
    EXPECT_DOUBLE_EQ(s->model.arrest_constant, 2.3);
    EXPECT_EQ(s->model.arrest_ratio, ArrestRatio::floor);
    EXPECT_EQ(s->source_sha256, sha256_hex(s->source_text));
    EXPECT_EQ("builtin:" + s->name, s->source);
  }
}

TEST(Loader, BuiltinListIsSortedAndFindable) {
  const auto& all = builtin_scenarios();
  ASSERT_GE(all.size(), 5u);
  for (std::size_t i = 1; i < all.size(); ++i) EXPECT_LT(all[i - 1].name, all[i].name);
  ASSERT_NE(find_builtin("epstein-run2"), nullptr);
  EXPECT_NE(find_builtin("epstein-run2")->text.find("0.82"), std::string_view::npos);
  EXPECT_EQ(find_builtin("epstein-run9"), nullptr);
  // Every Epstein built-in loads with the overrides a user might add (the country ones are
  // country_loader_test's).
  for (const BuiltinScenario& b : all) {
    if (is_country_scenario_text(std::string(b.text))) continue;
    EXPECT_NO_THROW(load_scenario(std::string(b.name), {{"scenario.periods", "5"}})) << b.name;
  }
}

TEST(Loader, FilesAndUnknownNames) {
  const std::filesystem::path path = std::filesystem::temp_directory_path() /
                                     ("unrest-loader-test-" + std::to_string(::getpid()) + ".toml");
  {
    std::ofstream out(path);
    out << "[scenario]\nname = \"from-file\"\n[citizens]\ndensity = 1.2\n";
  }
  try {
    load_scenario(path.string());
    ADD_FAILURE() << "no error";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find(path.string() + ":4"), std::string::npos) << e.what();
  }
  {
    std::ofstream out(path);
    out << "[scenario]\nname = \"from-file\"\n";
  }
  const Scenario s = load_scenario(path.string());
  EXPECT_EQ(s.name, "from-file");
  EXPECT_EQ(s.source, path.string());
  EXPECT_EQ(s.source_text, "[scenario]\nname = \"from-file\"\n");
  std::filesystem::remove(path);
  try {
    load_scenario("no-such-scenario");
    ADD_FAILURE() << "no error";
  } catch (const InputError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("no-such-scenario"), std::string::npos) << what;
    EXPECT_NE(what.find("epstein-run1"), std::string::npos) << "lists the built-ins: " << what;
  }
}

TEST(Loader, JailMaxTermAboveTheLimitIsRefused) {
  try {
    load_scenario_text("t.toml", "[jail]\nmax_term = 4294967295.0\n");
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("t.toml:2"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("jail.max_term"), std::string::npos) << e.what();
  }
  EXPECT_NO_THROW(load_scenario_text("t.toml", "[jail]\nmax_term = inf\n"));
}

}  // namespace
}  // namespace unrest::scenario
