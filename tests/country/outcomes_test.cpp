#include <gtest/gtest.h>

#include "country/mechanism_fixture.hpp"

namespace unrest::country {
namespace {

using testing::run_country_model;
using testing::synthetic_country;

TEST(Outcomes, ACalmCountryStands) {
  const CountryRecord r = run_country_model(synthetic_country(24));
  EXPECT_EQ(r.outcome.regime, Regime::stands);
  EXPECT_EQ(r.outcome.regions_joined, 0u);
  EXPECT_EQ(r.outcome.duration_hours, 0.0);
  ASSERT_EQ(r.time.size(), 24u);
  EXPECT_EQ(r.time.front().iso(), "2022-01-01T01:00");  // the end of period 1
  EXPECT_EQ(r.time.back().iso(), "2022-01-02T00:00");
}

TEST(Outcomes, HoldingTheCapitalsAdministrationBringsTheRegimeDown) {
  CountryParams p = synthetic_country(36);
  p.rules.legitimacy = core::Schedule(0.7);
  p.sites.enabled = true;
  p.sites.seize_ratio = 1.0;
  p.sites.retake_ratio = 1e9;
  p.sites.sites = {testing::site("capital administration", 2, SiteKind::administration, 0.0, 1)};
  p.outcomes.capital = std::string("c");
  p.outcomes.capital_hold_hours = 12;
  const CountryRecord r = run_country_model(p);
  EXPECT_EQ(r.outcome.regime, Regime::falls);
  EXPECT_EQ(r.outcome.regions_joined, 3u);
  // Held elsewhere than the capital, it is contested.
  p.outcomes.capital = std::string("a");
  p.sites.sites[0].region = 1;
  EXPECT_EQ(run_country_model(p).outcome.regime, Regime::contested);
}

TEST(Outcomes, MassDesertionBringsTheRegimeDown) {
  CountryParams p = synthetic_country(48);
  p.rules.legitimacy = core::Schedule(0.6);
  p.police.desertion_enabled = true;
  p.police.desertion_ratio = 1.0;
  p.police.desertion_hours = 1.0;
  p.police.desertion_probability = 1.0;
  p.outcomes.desertion_falls = 0.3;
  const CountryRecord r = run_country_model(p);
  EXPECT_EQ(r.outcome.regime, Regime::falls);
  EXPECT_GT(r.outcome.deserted, 0.3 * r.national.front().police);
}

TEST(Outcomes, JoinPeakAndTotalsComeFromTheSeries) {
  CountryParams p = synthetic_country(24);
  p.rules.legitimacy = core::Schedule(0.75);
  const CountryRecord r = run_country_model(p);
  double peak = 0;
  for (const RegionPeriod& n : r.national) peak = std::max(peak, n.active);
  EXPECT_EQ(r.outcome.peak_active, peak);
  EXPECT_EQ(r.outcome.detained, r.national.back().detained);
  for (const RegionSummary& s : r.region_summaries) EXPECT_EQ(s.joined, 1u);
  EXPECT_EQ(r.outcome.duration_hours, 24.0);
}

TEST(Outcomes, EveryMechanismOnIsTheSameOnAnyThreadsAndSeedsDiffer) {
  CountryParams p = synthetic_country(36);
  CountryParams defaults;
  const Geography g = p.geography;
  const std::uint32_t periods = p.periods;
  p = defaults;  // every mechanism on, with its defaults
  p.geography = g;
  p.people_per_agent = 10;
  p.start = {2022, 1, 1, 0, 0};
  p.periods = periods;
  p.hardship.exposure = {0.9, 0.2, 0.1};
  p.reserve.base = std::string("c");
  p.sites.sites = {testing::site("admin", 0, SiteKind::administration, 30.0, 1)};
  p.intervention.contingents = {testing::contingent("ally", 300.0, 0, 2.0)};
  p.events = {testing::event_at(1, 0, 0, EventType::price_hike, 2.0),
              testing::event_at(1, 6, std::nullopt, EventType::csto_request)};
  const CountryRecord one = run_country_model(p, 9, 1);
  const CountryRecord three = run_country_model(p, 9, 3);
  ASSERT_EQ(one.national.size(), three.national.size());
  for (std::size_t t = 0; t < one.national.size(); ++t) {
    for (std::size_t r = 0; r < 3; ++r) {
      EXPECT_EQ(one.regions[t][r].active, three.regions[t][r].active);
      EXPECT_EQ(one.regions[t][r].detained, three.regions[t][r].detained);
      EXPECT_EQ(one.regions[t][r].legitimacy, three.regions[t][r].legitimacy);
      EXPECT_EQ(one.regions[t][r].perceived, three.regions[t][r].perceived);
    }
  }
  EXPECT_GT(one.outcome.peak_active, 0.0);
  const CountryRecord other = run_country_model(p, 10, 2);
  EXPECT_NE(other.outcome.detained + other.outcome.peak_active,
            one.outcome.detained + one.outcome.peak_active);
}

}  // namespace
}  // namespace unrest::country
