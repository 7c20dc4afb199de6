#include <gtest/gtest.h>

#include "country/mechanism_fixture.hpp"

namespace unrest::country {
namespace {

using testing::run_country_model;
using testing::synthetic_country;

TEST(Sites, SeizedWhereCrowdsOutnumberGuardsAndRetakenWhenTheyGo) {
  CountryParams p = synthetic_country(48);
  p.rules.legitimacy = core::Schedule(0.75);  // every region restless
  p.legitimacy.enabled = true;
  p.legitimacy.national = 0.75;
  p.legitimacy.per_site_day = 0.0;
  p.legitimacy.government_resigns = 0.2;  // calm from 24:00
  p.events = {testing::event_at(2, 0, std::nullopt, EventType::government_resigns)};
  p.sites.enabled = true;
  p.sites.seize_ratio = 10.0;
  p.sites.retake_ratio = 1.0;
  p.sites.catchment = 0.05;
  p.sites.sites = {testing::site("weak", 0, SiteKind::administration, 0.0, 1),
                   testing::site("strong", 1, SiteKind::administration, 130.0, 1)};
  const CountryRecord r = run_country_model(p);
  EXPECT_GT(r.sites[0].times_seized, 0u);
  EXPECT_GT(r.sites[0].hours_held, 0.0);
  EXPECT_FALSE(r.sites[0].held_at_end);  // retaken once the crowds went home
  EXPECT_EQ(r.sites[1].times_seized, 0u);
  // The guards come out of the region's police.
  const CountryRecord unguarded = run_country_model(synthetic_country(1));
  EXPECT_EQ(unguarded.regions[0][1].police - r.regions[0][1].police, 130.0);
}

TEST(Sites, HeldSitesCostLegitimacy) {
  CountryParams p = synthetic_country(24);
  p.rules.legitimacy = core::Schedule(0.75);
  p.legitimacy.enabled = true;
  p.legitimacy.national = 0.75;
  p.legitimacy.per_site_day = 0.01;
  p.sites.enabled = true;
  p.sites.seize_ratio = 1.0;
  p.sites.retake_ratio = 1e9;
  p.sites.sites = {testing::site("weak", 0, SiteKind::administration, 0.0, 1)};
  const CountryRecord r = run_country_model(p);
  ASSERT_GT(r.sites[0].hours_held, 0.0);
  EXPECT_NEAR(r.national.back().legitimacy, 0.75 - 0.01 * r.sites[0].hours_held / 24.0, 1e-12);
}

}  // namespace
}  // namespace unrest::country
