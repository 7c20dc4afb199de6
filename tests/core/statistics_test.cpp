#include "core/statistics.hpp"

#include <gtest/gtest.h>

namespace unrest::core {
namespace {

TEST(Moments, MeanAndSampleStandardDeviation) {
  const Moments m = moments({2, 4, 4, 4, 5, 5, 7, 9});
  EXPECT_EQ(m.count, 8u);
  EXPECT_DOUBLE_EQ(m.mean, 5.0);
  EXPECT_NEAR(m.sd, 2.138089935, 1e-9);  // sqrt(32 / 7): n - 1 in the denominator
}

TEST(Moments, EmptyAndSingleValues) {
  EXPECT_EQ(moments({}).count, 0u);
  EXPECT_DOUBLE_EQ(moments({}).mean, 0.0);
  const Moments one = moments({3.5});
  EXPECT_DOUBLE_EQ(one.mean, 3.5);
  EXPECT_DOUBLE_EQ(one.sd, 0.0);
}

}  // namespace
}  // namespace unrest::core
