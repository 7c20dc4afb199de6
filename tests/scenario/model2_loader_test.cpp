// Model II's scenario keys: the built-ins carry Table 2's runs 6-8 and the peacekeeping
// experiments; every key is read into ModelIIParams; Model II-only keys are refused under
// Model I (unless at their default), and Model I's jail modes that keep the jailed on the lattice
// under Model II.
#include <gtest/gtest.h>

#include <cmath>
#include <initializer_list>
#include <string>

#include "scenario/scenario.hpp"

namespace unrest::scenario {
namespace {

using epstein::ModelKind;

void expect_error(const std::string& text, std::initializer_list<std::string> fragments,
                  const std::vector<Override>& overrides = {}) {
  try {
    load_scenario_text("test.toml", text, overrides);
    ADD_FAILURE() << "no InputError for:\n" << text;
  } catch (const InputError& e) {
    const std::string what = e.what();
    for (const std::string& f : fragments) {
      EXPECT_NE(what.find(f), std::string::npos) << "message lacks '" << f << "': " << what;
    }
  }
}

TEST(Model2Loader, DefaultsAreModelIAndTheSpecsValues) {
  const Scenario s = load_scenario_text("t", "");
  EXPECT_EQ(s.model_kind, ModelKind::one);
  EXPECT_DOUBLE_EQ(s.model2.blue_share, 0.5);
  EXPECT_TRUE(s.model2.idle_killer_active);
  EXPECT_DOUBLE_EQ(s.model2.reproduction, 0.05);
  EXPECT_EQ(s.model2.offspring_risk, epstein::OffspringRisk::fresh);
  EXPECT_DOUBLE_EQ(s.model2.max_age, 200.0);
  EXPECT_EQ(s.model2.release, epstein::ReleaseSite::random_empty);
}

TEST(Model2Loader, ReadsEveryKey) {
  const Scenario s = load_scenario_text(
      "t",
      "[model]\nkind = \"II\"\n[groups]\nblue_share = 0.3\nidle_killer_active = false\n"
      "[reproduction]\nprobability = 0.1\noffspring_risk = \"inherit\"\n"
      "[ageing]\nmax_age = inf\n[jail]\nrelease = \"last_site\"\n");
  EXPECT_EQ(s.model_kind, ModelKind::two);
  EXPECT_DOUBLE_EQ(s.model2.blue_share, 0.3);
  EXPECT_FALSE(s.model2.idle_killer_active);
  EXPECT_DOUBLE_EQ(s.model2.reproduction, 0.1);
  EXPECT_EQ(s.model2.offspring_risk, epstein::OffspringRisk::inherit);
  EXPECT_TRUE(std::isinf(s.model2.max_age));
  EXPECT_EQ(s.model2.release, epstein::ReleaseSite::last_site);
}

TEST(Model2Loader, BuiltinsCarryTable2RunsSixToEight) {
  struct Expected {
    const char* name;
    double legitimacy;
    double cops_at_start;
    double cops_at_100;
    double cops_at_400;
  };
  for (const Expected& e :
       {Expected{"epstein-run6", 0.9, 0.0, 0.0, 0.0}, Expected{"epstein-run7", 0.8, 0.0, 0.0, 0.0},
        Expected{"epstein-run8", 0.8, 0.04, 0.04, 0.04},
        Expected{"epstein-havens", 0.8, 0.0, 0.04, 0.04},
        Expected{"epstein-run8-withdrawal", 0.8, 0.04, 0.04, 0.0}}) {
    const Scenario s = load_scenario(e.name);
    EXPECT_EQ(s.model_kind, ModelKind::two) << e.name;
    EXPECT_EQ(s.model.width, 40) << e.name;
    EXPECT_EQ(s.model.height, 40) << e.name;
    EXPECT_DOUBLE_EQ(s.model.citizen_density, 0.7) << e.name;
    EXPECT_DOUBLE_EQ(s.model.threshold, 0.1) << e.name;
    EXPECT_DOUBLE_EQ(s.model.arrest_constant, 2.3) << e.name;
    EXPECT_DOUBLE_EQ(s.model.citizen_vision, 1.7) << e.name;
    EXPECT_DOUBLE_EQ(s.model.cop_vision, 1.7) << e.name;
    EXPECT_DOUBLE_EQ(s.model.max_jail_term, 15.0) << e.name;
    EXPECT_DOUBLE_EQ(s.model.legitimacy.at(0), e.legitimacy) << e.name;
    EXPECT_DOUBLE_EQ(s.model.cop_density.at(0), e.cops_at_start) << e.name;
    EXPECT_DOUBLE_EQ(s.model.cop_density.at(100), e.cops_at_100) << e.name;
    EXPECT_DOUBLE_EQ(s.model.cop_density.at(400), e.cops_at_400) << e.name;
  }
  const Scenario havens = load_scenario("epstein-havens");
  EXPECT_DOUBLE_EQ(havens.model.cop_density.at(49), 0.0);
  EXPECT_DOUBLE_EQ(havens.model.cop_density.at(50), 0.04) << "deployed at t = 50";
}

TEST(Model2Loader, ModelIIKeysAreRefusedUnderModelI) {
  for (const char* line :
       {"[groups]\nblue_share = 0.4\n", "[groups]\nidle_killer_active = false\n",
        "[reproduction]\nprobability = 0.1\n", "[reproduction]\noffspring_risk = \"inherit\"\n",
        "[ageing]\nmax_age = 100\n", "[jail]\nrelease = \"last_site\"\n"}) {
    expect_error(line, {"test.toml:2", "only to Model II", "model.kind"});
    EXPECT_NO_THROW(load_scenario_text("t", std::string("[model]\nkind = \"II\"\n") + line))
        << line;
  }
  expect_error("", {"--set ageing.max_age=10", "'ageing.max_age'", "only to Model II"},
               {{"ageing.max_age", "10"}});
  // At its default a Model II key changes nothing, and the effective TOML lists every key.
  EXPECT_NO_THROW(load_scenario_text("t", "[groups]\nblue_share = 0.5\n"));
}

TEST(Model2Loader, BadValuesOfEveryKey) {
  const std::string m2 = "[model]\nkind = \"II\"\n";
  expect_error("[model]\nkind = \"2\"\n", {"test.toml:2", "'model.kind'", "one of I, II"});
  expect_error(m2 + "[groups]\nblue_share = -0.1\n",
               {"test.toml:4", "'groups.blue_share'", "a number in [0, 1]"});
  expect_error(m2 + "[groups]\nidle_killer_active = 1\n",
               {"test.toml:4", "'groups.idle_killer_active'", "true or false"});
  expect_error(m2 + "[reproduction]\nprobability = 2\n",
               {"test.toml:4", "'reproduction.probability'", "a number in [0, 1]"});
  expect_error(m2 + "[reproduction]\noffspring_risk = \"mean\"\n",
               {"test.toml:4", "'reproduction.offspring_risk'", "one of fresh, inherit"});
  expect_error(m2 + "[ageing]\nmax_age = -1\n", {"test.toml:4", "'ageing.max_age'", "or inf"});
  expect_error(m2 + "[ageing]\nmax_age = nan\n", {"test.toml:4", "'ageing.max_age'"});
  expect_error(m2 + "[jail]\nrelease = \"home\"\n",
               {"test.toml:4", "'jail.release'", "one of random_empty, last_site"});
  expect_error(m2 + "[jail]\nmode = \"stay_invisible\"\n",
               {"test.toml:4", "'jail.mode'", "Model II", "off_lattice"});
  expect_error(m2 + "[lattice]\nwidth = 2\n[citizens]\nvision = 0.5\n[cops]\nvision = 0.5\n",
               {"test.toml:4", "'lattice.width'", "at least 3x3"});
}

TEST(Model2Loader, EffectiveTomlRoundTrips) {
  const Scenario s = load_scenario("epstein-run8", {{"jail.release", "last_site"}});
  const Scenario again = load_scenario_text("again", s.effective_toml());
  EXPECT_EQ(again.effective_toml().substr(again.effective_toml().find('\n')),
            s.effective_toml().substr(s.effective_toml().find('\n')));
  EXPECT_EQ(again.model2.release, epstein::ReleaseSite::last_site);
}

}  // namespace
}  // namespace unrest::scenario
