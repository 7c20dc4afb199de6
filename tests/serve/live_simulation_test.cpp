#include "serve/live_simulation.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "country/country_model.hpp"
#include "run/country_run.hpp"
#include "run/epstein_run.hpp"
#include "scenario/country_scenario.hpp"
#include "serve_test_support.hpp"

namespace unrest::serve {
namespace {

using scenario::Override;

LiveOptions options() {
  LiveOptions o;
  o.threads = 2;
  return o;
}

using testing_support::error_of;

TEST(LiveSimulation, EpsteinSetupStartsAtPeriodZero) {
  LiveSimulation sim("epstein-run2", {}, options());
  EXPECT_EQ(sim.period(), 0u);
  EXPECT_EQ(sim.info().scenario, "epstein-run2");
  EXPECT_EQ(sim.info().kind, ScenarioKind::epstein);
  EXPECT_EQ(sim.info().periods, 1000u);
  EXPECT_TRUE(sim.info().regions.empty());
  EXPECT_FALSE(sim.info().time_at(0));
  EXPECT_FALSE(sim.viewed_region());
  const Frame f = sim.frame();
  EXPECT_EQ(f.period, 0u);
  EXPECT_EQ(f.image.width, 40);
  EXPECT_EQ(f.image.height, 40);
  EXPECT_EQ(f.image.block, 1);
  EXPECT_EQ(f.image.action.size(), 1600u);
  EXPECT_GT(f.counts.quiet, 0u);
  EXPECT_EQ(f.counts.cops, 64u);  // 4 % of 1600 sites
  EXPECT_EQ(f.counts.killed, 0u);
}

// The viewer runs the very model `unrest run` runs: the same census period by period.
TEST(LiveSimulation, StepsMatchTheRunOfTheSameScenario) {
  for (const char* scheduler : {"reference", "parallel"}) {
    const std::vector<Override> overrides = {{"engine.scheduler", scheduler},
                                             {"scenario.periods", "30"}};
    const run::RunResult expected =
        run::run_epstein(scenario::load_scenario("epstein-run2", overrides), {}, {.threads = 2});
    LiveSimulation sim("epstein-run2", overrides, options());
    for (const run::PeriodRecord& r : expected.series) {
      sim.step();
      ASSERT_EQ(sim.period(), r.period);
      const Counts c = sim.frame().counts;
      EXPECT_EQ(c.quiet, r.census.quiet) << scheduler << " period " << r.period;
      EXPECT_EQ(c.active, r.census.active) << scheduler << " period " << r.period;
      EXPECT_EQ(c.jailed, r.census.jailed) << scheduler << " period " << r.period;
    }
  }
}

// Model II runs in the viewer as `unrest run` runs it, and its kills are counted.
TEST(LiveSimulation, ModelIIStepsMatchTheRunAndCountKills) {
  for (const char* scheduler : {"reference", "parallel"}) {
    const std::vector<Override> overrides = {{"engine.scheduler", scheduler},
                                             {"scenario.periods", "40"}};
    const run::RunResult expected =
        run::run_epstein(scenario::load_scenario("epstein-run7", overrides), {}, {.threads = 2});
    LiveSimulation sim("epstein-run7", overrides, options());
    std::uint64_t kills = 0;
    for (std::size_t t = 0; t < expected.series.size(); ++t) {
      sim.step();
      kills += expected.groups[t].kills;
      const Counts c = sim.frame().counts;
      ASSERT_EQ(c.quiet, expected.series[t].census.quiet) << scheduler << " period " << t + 1;
      ASSERT_EQ(c.active, expected.series[t].census.active) << scheduler << " period " << t + 1;
      ASSERT_EQ(c.killed, kills) << scheduler << " period " << t + 1;
    }
    EXPECT_GT(kills, 0u) << "run 7 kills within 40 periods";
  }
}

TEST(LiveSimulation, CountsChangeAndStepStopsAtTheHorizon) {
  LiveSimulation sim("epstein-run2", {{"scenario.periods", "20"}}, options());
  const Counts before = sim.frame().counts;
  for (int i = 0; i < 25; ++i) sim.step();
  EXPECT_EQ(sim.period(), 20u);
  EXPECT_TRUE(sim.finished());
  const Counts after = sim.frame().counts;
  EXPECT_GT(after.jailed, before.jailed);  // run 2 arrests from the first periods
  EXPECT_EQ(after.quiet + after.active + after.jailed,
            before.quiet + before.active + before.jailed);
}

TEST(LiveSimulation, ImageOfALargeLatticeIsAtMost512Pixels) {
  LiveSimulation sim("epstein-run2", {{"lattice.width", "1100"}, {"lattice.height", "600"}},
                     options());
  const Frame f = sim.frame();
  EXPECT_LE(f.image.width, 512);
  EXPECT_LE(f.image.height, 512);
  EXPECT_EQ(f.image.block, 3);
  EXPECT_EQ(f.image.width, 367);
  EXPECT_EQ(f.image.height, 200);
  EXPECT_EQ(f.image.action.size(), static_cast<std::size_t>(f.image.width) * f.image.height);
  EXPECT_TRUE(std::all_of(f.image.action.begin(), f.image.action.end(),
                          [](std::uint8_t p) { return p <= 3; }));
}

TEST(LiveSimulation, BadSetValuesAreRefusedNamingTheKey) {
  const std::string range = error_of([] {
    LiveSimulation("epstein-run2", {{"citizens.vision", "5000"}}, options());
  });
  EXPECT_NE(range.find("citizens.vision"), std::string::npos) << range;
  EXPECT_NE(range.find("[0, 1000]"), std::string::npos) << range;

  const std::string unknown = error_of([] {
    LiveSimulation("epstein-run2", {{"citizens.charisma", "1"}}, options());
  });
  EXPECT_NE(unknown.find("citizens.charisma"), std::string::npos) << unknown;
  EXPECT_NE(unknown.find("unknown key"), std::string::npos) << unknown;

  const std::string type = error_of([] {
    LiveSimulation("epstein-run2", {{"citizens.move", "maybe"}}, options());
  });
  EXPECT_NE(type.find("citizens.move"), std::string::npos) << type;

  const std::string file = error_of([] {
    LiveSimulation("kazakhstan-2022", {{"country.regions", "/etc/passwd"}}, options());
  });
  EXPECT_NE(file.find("country.regions"), std::string::npos) << file;
}

TEST(LiveSimulation, OnlyBuiltInScenarios) {
  const std::string message = error_of([] { LiveSimulation("/etc/passwd", {}, options()); });
  EXPECT_NE(message.find("unknown"), std::string::npos) << message;
  EXPECT_NE(message.find("epstein-run2"), std::string::npos) << message;
  EXPECT_NE(error_of([] { scenario_parameters("nope.toml"); }), "");
}

TEST(LiveSimulation, ParametersCarryValuesAndRanges) {
  const std::vector<ParameterInfo> params = scenario_parameters("epstein-run2");
  const auto vision = std::find_if(params.begin(), params.end(), [](const ParameterInfo& p) {
    return p.spec->key == "citizens.vision";
  });
  ASSERT_NE(vision, params.end());
  EXPECT_EQ(vision->spec->type, scenario::ParamType::real);
  EXPECT_EQ(vision->spec->max, 1000.0);
  for (const ParameterInfo& p : params) {
    EXPECT_NE(p.spec->type, scenario::ParamType::schedule) << p.spec->key;
  }
  const std::vector<ParameterInfo> country = scenario_parameters("kazakhstan-2022");
  for (const ParameterInfo& p : country) {
    EXPECT_NE(p.spec->key, "country.regions");
    EXPECT_NE(p.spec->key, "country.map");
  }
  EXPECT_TRUE(std::any_of(country.begin(), country.end(),
                          [](const ParameterInfo& p) { return p.spec->key == "country.scale"; }));
}

TEST(LiveSimulation, ScenarioListHasBothKinds) {
  const std::vector<ScenarioInfo> list = builtin_scenario_list();
  const auto find = [&](const std::string& name) {
    return std::find_if(list.begin(), list.end(),
                        [&](const ScenarioInfo& s) { return s.name == name; });
  };
  ASSERT_NE(find("epstein-run2"), list.end());
  EXPECT_EQ(find("epstein-run2")->kind, ScenarioKind::epstein);
  ASSERT_NE(find("kazakhstan-2022"), list.end());
  EXPECT_EQ(find("kazakhstan-2022")->kind, ScenarioKind::country);
  EXPECT_FALSE(find("kazakhstan-2022")->description.empty());
}

// A short country run: twenty daily periods, a thousand people an agent.
const std::vector<Override> kDaily = {{"country.period_minutes", "1440"},
                                      {"country.scale", "1000"}};

TEST(LiveSimulation, CountryRegionsTimeAndView) {
  LiveSimulation sim("kazakhstan-2022", kDaily, options());
  const SimulationInfo& info = sim.info();
  EXPECT_EQ(info.kind, ScenarioKind::country);
  EXPECT_EQ(info.periods, 20u);
  ASSERT_EQ(info.regions.size(), 17u);
  EXPECT_FALSE(info.map_geojson.empty());
  EXPECT_EQ(info.time_at(0), "2022-01-01T00:00");
  EXPECT_EQ(info.time_at(3), "2022-01-04T00:00");
  ASSERT_TRUE(sim.viewed_region());

  sim.view("almaty_city");
  const auto almaty = std::find_if(info.regions.begin(), info.regions.end(),
                                   [](const RegionInfo& r) { return r.id == "almaty_city"; });
  ASSERT_NE(almaty, info.regions.end());
  EXPECT_EQ(*sim.viewed_region(), static_cast<std::size_t>(almaty - info.regions.begin()));
  const Frame f = sim.frame();
  EXPECT_EQ(f.image.width, std::min(almaty->width, 512));
  EXPECT_EQ(f.active_share.size(), 17u);
  EXPECT_EQ(f.time, "2022-01-01T00:00");

  const std::string message = error_of([&] { sim.view("atlantis"); });
  EXPECT_NE(message.find("atlantis"), std::string::npos);
  EXPECT_NE(message.find("almaty_city"), std::string::npos);
  EXPECT_NE(error_of([] { LiveSimulation("epstein-run2", {}, options()).view("x"); }), "");
}

TEST(LiveSimulation, CountryCountsAreTheNationalRecord) {
  const scenario::CountryScenario s = scenario::load_country_scenario("kazakhstan-2022", kDaily);
  const run::CountryRunResult expected = run::run_country(s, {}, {.threads = 2});
  LiveSimulation sim("kazakhstan-2022", kDaily, options());
  const Counts start = sim.frame().counts;
  EXPECT_GT(start.quiet, 1'000'000u);  // people, not agents
  for (int i = 0; i < 20; ++i) sim.step();
  EXPECT_TRUE(sim.finished());
  const Frame f = sim.frame();
  const country::RegionPeriod& n = expected.record.national.back();
  EXPECT_EQ(f.counts.quiet, static_cast<std::uint64_t>(std::llround(n.quiet)));
  EXPECT_EQ(f.counts.active, static_cast<std::uint64_t>(std::llround(n.active)));
  EXPECT_EQ(f.counts.jailed, static_cast<std::uint64_t>(std::llround(n.jailed)));
  EXPECT_EQ(f.time, "2022-01-21T00:00");
  EXPECT_EQ(f.counts.killed, static_cast<std::uint64_t>(std::llround(
                                 n.citizens_killed + n.police_killed + n.troops_killed)));
}

}  // namespace
}  // namespace unrest::serve
