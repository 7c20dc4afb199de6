#include "country/scale.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "models/epstein/placement.hpp"
#include "scenario/regions_csv.hpp"

namespace unrest::country {
namespace {

TEST(Scale, EveryPersonAnAgentInAlmaty) {
  // Almaty, 1,977,258 people at density 0.7: 2,824,655 sites needed, so a 1681 × 1681 torus;
  // 445 police per 100,000 people: 8,799 officers.
  const RegionLattice r = size_region(1'977'258, 1.0, 0.7, 445.0, 15);
  EXPECT_EQ(r.citizens, 1'977'258u);
  EXPECT_EQ(r.police, 8'799u);
  EXPECT_EQ(r.side, 1681);
  EXPECT_LE(r.citizen_density, 0.7);
  EXPECT_GT(r.citizen_density, 0.699);
}

TEST(Scale, AgentsStandForManyPeopleAtCoarserScales) {
  const RegionLattice r = size_region(719'571, 100.0, 0.7, 445.0, 15);  // Mangystau
  EXPECT_EQ(r.citizens, 7'196u);
  EXPECT_EQ(r.police, 32u);  // 3,202 officers / 100
  EXPECT_EQ(r.side, 102);    // 10,280 sites needed
}

TEST(Scale, SmallRegionsGetAtLeastTheMinimumSide) {
  const RegionLattice r = size_region(1'000, 100.0, 0.7, 445.0, 15);
  EXPECT_EQ(r.side, 15);
  EXPECT_EQ(r.citizens, 10u);
  EXPECT_DOUBLE_EQ(r.citizen_density, 10.0 / 225.0);
}

TEST(Scale, DensitiesPlaceExactlyTheCountsForEveryKazakhRegion) {
  // Placement rounds density × sites; the densities chosen must give back the exact counts.
  const Geography g = scenario::load_regions_csv(UNREST_DATA_DIR "/kazakhstan/regions.csv");
  std::uint64_t citizens = 0;
  for (const double scale : {1.0, 10.0, 100.0, 1000.0}) {
    citizens = 0;
    for (const Region& region : g.regions) {
      const RegionLattice r = size_region(region.population, scale, 0.7, 445.0, 15);
      const auto sites = static_cast<std::uint32_t>(r.side * r.side);
      EXPECT_EQ(epstein::count_for_density(r.citizen_density, sites), r.citizens) << region.id;
      EXPECT_EQ(epstein::count_for_density(r.cop_density, sites), r.police) << region.id;
      EXPECT_LE(r.citizen_density + r.cop_density, 1.0);
      citizens += r.citizens;
    }
    if (scale == 1.0) {
      EXPECT_EQ(citizens, 18'879'552u);  // every person
    }
  }
}

}  // namespace
}  // namespace unrest::country
