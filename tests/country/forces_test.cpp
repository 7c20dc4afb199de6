// Mechanisms 6 (the reserve) and 9 (the foreign force), each alone on the synthetic country.
#include <gtest/gtest.h>

#include <cmath>

#include "country/mechanism_fixture.hpp"

namespace unrest::country {
namespace {

using testing::event_at;
using testing::run_country_model;
using testing::synthetic_country;

// Region a in revolt (a price shock), b and c calm.
CountryParams revolt_in_a(std::uint32_t periods = 48) {
  CountryParams p = synthetic_country(periods);
  p.rules.legitimacy = core::Schedule(0.8);
  p.hardship.enabled = true;
  p.hardship.baseline = 0.5;
  p.hardship.adjust_hours = 0.0;
  p.hardship.exposure = {0.9, 0.0, 0.0};
  p.events = {event_at(1, 0, 0, EventType::price_hike, 2.0)};
  return p;
}

TEST(Reserve, GoesToTheHotRegionAndArrivesAfterItsTravelTime) {
  CountryParams p = revolt_in_a();
  p.reserve.enabled = true;
  p.reserve.troops = 500;   // 50 agents
  p.reserve.tranche = 500;  // in one go
  p.reserve.trigger_share = 0.001;
  p.reserve.base = std::string("c");
  p.reserve.delay_hours = 2.0;
  p.reserve.speed_kmh = 100.0;
  const CountryRecord r = run_country_model(p);
  // Dispatched after the first period a was past the trigger; travel = 2 h + distance / speed.
  std::size_t hot = 0;
  while (r.regions[hot][0].active <= 0.001 * 30'000) ++hot;
  const double km = p.geography.distance_km(2, 0);
  const auto travel = static_cast<std::size_t>(std::ceil(2.0 + km / 100.0));
  const std::size_t arrival = hot + 1 + travel;  // index of the arrival period's row
  EXPECT_EQ(r.regions[arrival][0].police - r.regions[arrival - 1][0].police, 500.0);
  EXPECT_EQ(r.regions[arrival - 1][0].police, r.regions[0][0].police);
  EXPECT_EQ(r.regions.back()[1].police, r.regions[0][1].police);  // calm b gets nobody
}

CountryParams with_contingent(Mandate mandate) {
  CountryParams p = revolt_in_a(72);
  p.sites.enabled = true;
  p.sites.seize_ratio = 1e9;  // never seized, for these tests
  p.sites.sites = {testing::site("palace", 0, SiteKind::administration, 100.0, 2),
                   testing::site("airport", 0, SiteKind::airport, 100.0, 1)};
  p.intervention.enabled = true;
  p.intervention.mandate = mandate;
  p.intervention.attitude_initial = 0.5;
  p.intervention.attitude_per_engagement_per_100k = 0.01;
  p.intervention.attitude_presence_per_day = 0.0;
  p.intervention.contingents = {testing::contingent("ally", 500.0, 0, 3.0)};
  p.events.push_back(event_at(1, 9, std::nullopt, EventType::csto_request));
  return p;
}

TEST(Intervention, GuardFreesPoliceForPatrol) {
  const CountryRecord r = run_country_model(with_contingent(Mandate::guard));
  // Requested at 09:00 (period 10), arriving 3 h later (period 13, row 12): the troops take
  // over both sites and the 200 police who guarded them go on patrol.
  EXPECT_EQ(r.regions[11][0].troops, 0.0);
  EXPECT_EQ(r.regions[12][0].troops, 500.0);
  EXPECT_EQ(r.regions[12][0].police - r.regions[11][0].police, 200.0);
  EXPECT_EQ(r.regions.back()[0].engagements, 0.0);  // guards do not engage citizens
}

TEST(Intervention, SuppressLowersAttitudeTowardsTheIntervener) {
  const CountryRecord guard = run_country_model(with_contingent(Mandate::guard));
  const CountryRecord suppress = run_country_model(with_contingent(Mandate::suppress));
  EXPECT_GT(suppress.regions.back()[0].engagements, 0.0);
  EXPECT_LT(suppress.outcome.attitude, guard.outcome.attitude);
  EXPECT_LT(suppress.regions.back()[0].attitude, 0.5);
  EXPECT_EQ(guard.regions.back()[0].attitude, 0.5);  // no engagement, no presence decline set
}

TEST(Intervention, ASeizedAirportBlocksArrivalsByAir) {
  CountryParams p = with_contingent(Mandate::guard);
  p.sites.seize_ratio = 0.5;   // the airport falls to the first crowd
  p.sites.retake_ratio = 1e9;  // and is never retaken
  p.sites.sites = {testing::site("airport", 0, SiteKind::airport, 0.0, 1)};
  const CountryRecord r = run_country_model(p);
  ASSERT_TRUE(r.sites[0].held_at_end);
  EXPECT_EQ(r.regions.back()[0].troops, 0.0);
  // By road, the same contingent arrives.
  p.intervention.contingents[0].by_air = false;
  EXPECT_EQ(run_country_model(p).regions.back()[0].troops, 500.0);
}

TEST(Intervention, WithdrawalHandsTheSitesBackToThePolice) {
  CountryParams p = with_contingent(Mandate::guard);
  p.events.push_back(event_at(2, 12, std::nullopt, EventType::withdrawal_start));
  const CountryRecord r = run_country_model(p);
  EXPECT_EQ(r.regions[30][0].troops, 500.0);
  EXPECT_EQ(r.regions[36][0].troops, 0.0);
  EXPECT_EQ(r.regions[35][0].police - r.regions[36][0].police, 200.0);
}

}  // namespace
}  // namespace unrest::country
