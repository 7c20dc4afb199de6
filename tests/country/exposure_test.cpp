#include "country/exposure.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>

namespace unrest::country {
namespace {

double mean_of(const std::vector<float>& q) {
  return std::accumulate(q.begin(), q.end(), 0.0) / static_cast<double>(q.size());
}

TEST(Exposure, QuantilesHaveTheMeanAndAreSortedWithinZeroAndOne) {
  for (const double mean : {0.1, 0.3, 0.6, 0.85}) {
    for (const double concentration : {1.0, 4.0, 20.0}) {
      const std::vector<float> q = exposure_quantiles(mean, concentration);
      ASSERT_EQ(q.size(), kExposureQuantiles);
      EXPECT_TRUE(std::is_sorted(q.begin(), q.end()));
      EXPECT_GE(q.front(), 0.0f);
      EXPECT_LE(q.back(), 1.0f);
      // The grid and the quantile midpoints cost a little precision near a singular end.
      EXPECT_NEAR(mean_of(q), mean, 0.01) << mean << " " << concentration;
    }
  }
}

TEST(Exposure, ConcentrationNarrowsTheSpread) {
  const std::vector<float> wide = exposure_quantiles(0.5, 2.0);
  const std::vector<float> narrow = exposure_quantiles(0.5, 50.0);
  EXPECT_GT(wide[900] - wide[100], 2 * (narrow[900] - narrow[100]));
}

TEST(Exposure, AMeanOfZeroOrOneIsConstant) {
  for (const float v : exposure_quantiles(0.0, 4.0)) EXPECT_EQ(v, 0.0f);
  for (const float v : exposure_quantiles(1.0, 4.0)) EXPECT_EQ(v, 1.0f);
}

}  // namespace
}  // namespace unrest::country
