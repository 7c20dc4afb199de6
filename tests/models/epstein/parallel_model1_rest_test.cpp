// The engine's rest (RegionConditions::rest_if_calm, parallel_model1_conditions.cpp): while no
// citizen could turn active, citizens are not activated; officers still are. The bound on
// grievance must hold for every citizen, and rest must end as soon as one could turn active.
#include <gtest/gtest.h>

#include <vector>

#include "models/epstein/parallel_model1_fixture.hpp"

namespace unrest::epstein {
namespace {

using parallel_testing::consistent;
using parallel_testing::count_of;
using parallel_testing::run2_params;
using parallel_testing::Stepper;

// Where every citizen stands, by site.
std::vector<std::uint32_t> citizen_ids_by_site(const LatticeWorld& w) {
  std::vector<std::uint32_t> ids(w.site_count(), kNoSite);
  for (std::uint32_t s = 0; s < w.site_count(); ++s) {
    if (w.occupant[s] == Occupant::quiet || w.occupant[s] == Occupant::active) ids[s] = w.id[s];
  }
  return ids;
}

// Conditions that let citizens rest when calm, or not.
void allow_rest(ParallelModelI& m, bool allowed) {
  RegionConditions c;
  c.rest_if_calm = allowed;
  m.set_conditions(c);
}

// Run 2 at legitimacy 0.95: the highest G is below 0.05 < T, so nobody can turn active.
ModelIParams calm_params() {
  ModelIParams p = run2_params(100);
  p.legitimacy = core::Schedule(0.95);
  return p;
}

TEST(ParallelModelIRest, CalmCitizensStandStillWhileOfficersMove) {
  ParallelModelI m(calm_params(), 11);
  Stepper stepper(2);
  allow_rest(m, true);
  const std::vector<std::uint32_t> before = citizen_ids_by_site(m.world());
  std::vector<std::uint32_t> cop_sites;
  for (std::uint32_t s = 0; s < m.world().site_count(); ++s)
    if (m.world().occupant[s] == Occupant::cop) cop_sites.push_back(s);
  const std::uint64_t updates = stepper.step(m, 1);
  EXPECT_TRUE(m.citizens_rested());
  EXPECT_EQ(citizen_ids_by_site(m.world()), before);
  EXPECT_EQ(updates, count_of(m.world(), Occupant::cop));  // only officers were activated
  std::size_t moved = 0;
  for (const std::uint32_t s : cop_sites) moved += m.world().occupant[s] != Occupant::cop;
  EXPECT_GT(moved, cop_sites.size() / 2);
  // Placement numbers the officers first.
  EXPECT_TRUE(consistent(m, stepper, 11, static_cast<std::uint32_t>(cop_sites.size())));
}

TEST(ParallelModelIRest, WithoutTheSwitchEveryoneIsActivated) {
  ParallelModelI m(calm_params(), 11);
  Stepper stepper(2);
  const std::vector<std::uint32_t> before = citizen_ids_by_site(m.world());
  const std::uint64_t updates = stepper.step(m, 1);
  EXPECT_FALSE(m.citizens_rested());
  EXPECT_NE(citizen_ids_by_site(m.world()), before);
  EXPECT_EQ(updates, count_of(m.world(), Occupant::cop) + count_of(m.world(), Occupant::quiet));
}

TEST(ParallelModelIRest, NoRestWhereSomeCitizenCouldTurnActive) {
  // Run 2's own legitimacy (0.82): G reaches 0.18 > T.
  ParallelModelI m(run2_params(100), 11);
  Stepper stepper(2);
  allow_rest(m, true);
  stepper.step(m, 1);
  EXPECT_FALSE(m.citizens_rested());
  EXPECT_GT(count_of(m.world(), Occupant::active), 0u);
}

TEST(ParallelModelIRest, TheBoundCoversEveryCitizenUnderAShock) {
  // Hardship shaped by tail and baseline, and a price shock through a spread of exposures:
  // at each shock the rest decision must agree with the citizens' own G (rest off), never
  // resting where a citizen turns active, and resting just below the shock that makes one.
  std::vector<float> quantiles;
  for (int i = 0; i < 100; ++i) quantiles.push_back(0.01f * static_cast<float>(i));
  bool rested_somewhere = false;
  for (const double shock : {-0.05, 0.0, 0.02, 0.04, 0.06, 0.08, 0.1}) {
    RegionConditions c;
    c.set_legitimacy = true;
    c.legitimacy = 0.8;
    c.hardship_tail = 2.0;
    c.hardship_baseline = 0.45;  // before the shock the largest G is 0.09 < T
    c.price_shock = shock;
    c.exposure_quantiles = &quantiles;
    ParallelModelI resting(run2_params(60), 5);
    ParallelModelI moving(run2_params(60), 5);
    Stepper stepper(1);
    c.rest_if_calm = true;
    resting.set_conditions(c);
    c.rest_if_calm = false;
    moving.set_conditions(c);
    stepper.step(resting, 1);
    stepper.step(moving, 1);
    const bool someone_active = count_of(moving.world(), Occupant::active) > 0;
    if (resting.citizens_rested()) {
      EXPECT_FALSE(someone_active)
          << "rested at shock " << shock << " though a citizen turned active";
      rested_somewhere = true;
    }
    if (shock >= 0.08) {
      EXPECT_FALSE(resting.citizens_rested()) << shock;
    }
  }
  EXPECT_TRUE(rested_somewhere);
}

TEST(ParallelModelIRest, AfterALongRestEveryAgentIsActivatedAgain) {
  // Stamps are the low byte of the period: resting citizens must keep theirs fresh, or after
  // a multiple of 256 periods of rest some would look as if they had already acted.
  ParallelModelI m(calm_params(), 3);
  Stepper stepper(2);
  allow_rest(m, true);
  // Placement stamps everyone "acted in period 0"; period 256 has the same low byte.
  for (std::uint32_t t = 1; t < 256; ++t) stepper.step(m, t);
  allow_rest(m, false);
  const std::uint64_t updates = stepper.step(m, 256);
  EXPECT_EQ(updates, count_of(m.world(), Occupant::cop) + count_of(m.world(), Occupant::quiet));
}

}  // namespace
}  // namespace unrest::epstein
