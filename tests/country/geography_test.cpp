#include "country/geography.hpp"

#include <gtest/gtest.h>

namespace unrest::country {
namespace {

Geography two_cities() {
  Geography g;
  Region almaty;
  almaty.id = "almaty_city";
  almaty.population = 1977258;
  almaty.latitude = 43.215;
  almaty.longitude = 76.943;
  Region astana = almaty;
  astana.id = "nur_sultan";
  astana.population = 1184411;
  astana.latitude = 51.129;
  astana.longitude = 71.446;
  g.regions = {almaty, astana};
  return g;
}

TEST(Geography, FindsRegionsById) {
  const Geography g = two_cities();
  EXPECT_EQ(g.index_of("nur_sultan"), 1u);
  EXPECT_EQ(g.index_of("almaty_city"), 0u);
  EXPECT_FALSE(g.index_of("atlantis").has_value());
}

TEST(Geography, SumsPopulation) {
  EXPECT_EQ(two_cities().population(), 1977258u + 1184411u);
}

TEST(Geography, GreatCircleDistanceBetweenCentroids) {
  const Geography g = two_cities();
  // Haversine with R = 6371 km between the two centroids, computed by hand: 972.49 km (the
  // cities are about 970 km apart as the crow flies).
  EXPECT_NEAR(g.distance_km(0, 1), 972.49, 0.01);
  EXPECT_DOUBLE_EQ(g.distance_km(0, 1), g.distance_km(1, 0));
  EXPECT_DOUBLE_EQ(g.distance_km(1, 1), 0.0);
}

}  // namespace
}  // namespace unrest::country
