#include "country/information.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "country/mechanism_fixture.hpp"

namespace unrest::country {
namespace {

using testing::synthetic_country;

TEST(Information, NeighboursAndMediaCarryActivityToOtherRegions) {
  CountryParams p = synthetic_country();
  p.information.neighbour_weight = 0.5;
  p.information.media_weight = 0.5;
  p.information.shutdown_strength = 1.0;
  const InformationChannel channel(p.geography, p.information, 60);
  const std::vector<double> share{0.1, 0.0, 0.0};
  const std::vector<double> a = channel.instant(share, {false, false, false});
  EXPECT_EQ(a[0], 0.0);   // a region does not perceive itself
  EXPECT_GT(a[1], a[2]);  // b borders a, c does not
  EXPECT_GT(a[2], 0.0);   // c hears of a through the media
  // A shutdown in c leaves it only its neighbours, here none active: nothing.
  EXPECT_EQ(channel.instant(share, {false, false, true})[2], 0.0);
  // b: half its neighbours' mean plus half the media's prominence-weighted mean.
  const double media =
      channel.prominence()[0] * 0.1 / (channel.prominence()[0] + channel.prominence()[2]);
  EXPECT_DOUBLE_EQ(a[1], 0.5 * (0.1 + 0.0) / 2 + 0.5 * media);
}

TEST(Information, PerceptionFollowsWithItsMemory) {
  CountryParams p = synthetic_country();
  p.information.memory_hours = 1.0;
  const InformationChannel channel(p.geography, p.information, 60);
  std::vector<double> perceived(3, 0.0);
  const std::vector<double> share{0.2, 0.0, 0.0};
  const double target = channel.instant(share, {false, false, false})[1];
  channel.update(perceived, share, {false, false, false});
  EXPECT_NEAR(perceived[1], target * (1 - std::exp(-1.0)), 1e-12);
  for (int i = 0; i < 50; ++i) channel.update(perceived, share, {false, false, false});
  EXPECT_NEAR(perceived[1], target, 1e-9);
}

TEST(Information, AShutdownSlowsTheSpreadBetweenRegions) {
  // Protest in a (a price shock), none of its own in b and c: b and c protest only because
  // they hear of a.
  CountryParams p = synthetic_country(72);
  p.rules.legitimacy = core::Schedule(0.8);
  p.hardship.enabled = true;
  p.hardship.baseline = 0.5;
  p.hardship.adjust_hours = 0.0;
  p.hardship.exposure = {0.9, 0.0, 0.0};
  p.information.enabled = true;
  p.information.grievance_gain = 0.05;
  p.information.saturation = 0.02;  // far from saturation: more news, more grievance
  p.information.fear_loss = 0.0;
  p.information.shutdown_strength = 1.0;
  p.events = {testing::event_at(1, 0, 0, EventType::price_hike, 2.0)};
  const CountryRecord open = testing::run_country_model(p);
  p.events.push_back(testing::event_at(1, 0, std::nullopt, EventType::internet_shutdown));
  const CountryRecord shut = testing::run_country_model(p);
  EXPECT_GT(testing::total_active(open, 0), 0.0);
  EXPECT_GT(testing::total_active(open, 2), 0.0);  // c is reached through the media
  EXPECT_LT(testing::total_active(shut, 1), testing::total_active(open, 1));
  EXPECT_LT(testing::total_active(shut, 2), testing::total_active(open, 2));
}

}  // namespace
}  // namespace unrest::country
