#include "models/epstein/outbursts.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

namespace unrest::epstein {
namespace {

std::vector<Outburst> detect(const std::vector<std::uint64_t>& actives,
                             std::uint64_t threshold = 50, bool finish = true) {
  OutburstDetector d(threshold);
  for (std::size_t i = 0; i < actives.size(); ++i)
    d.observe(static_cast<std::uint32_t>(i + 1), actives[i]);
  if (finish) d.finish();
  return d.outbursts();
}

TEST(OutburstDetector, NothingAboveTheThresholdIsNoOutburst) {
  EXPECT_TRUE(detect({0, 10, 50, 50, 49, 0}).empty());  // 50 does not exceed 50
}

TEST(OutburstDetector, StartsAboveAndEndsAtOrBelowTheThreshold) {
  //            t: 1   2   3   4   5   6  7   8   9  10
  const auto o = detect({10, 51, 80, 50, 0, 0, 60, 70, 55, 3});
  ASSERT_EQ(o.size(), 2u);
  EXPECT_EQ(o[0].start, 2u);
  EXPECT_EQ(o[0].end, 3u);
  EXPECT_EQ(o[0].peak, 80u);
  EXPECT_EQ(o[0].total_activation, 131u);
  EXPECT_TRUE(o[0].first);
  EXPECT_EQ(o[0].waiting_time, 1u);  // period 1, censored
  EXPECT_TRUE(o[0].complete);

  EXPECT_EQ(o[1].start, 7u);
  EXPECT_EQ(o[1].end, 9u);
  EXPECT_EQ(o[1].peak, 70u);
  EXPECT_EQ(o[1].total_activation, 185u);
  EXPECT_FALSE(o[1].first);
  EXPECT_EQ(o[1].waiting_time, 3u);  // periods 4, 5, 6 at or below 50
  EXPECT_TRUE(o[1].complete);
}

TEST(OutburstDetector, OutburstAtTheFirstPeriodWaitsZero) {
  const auto o = detect({100, 20, 51});
  ASSERT_EQ(o.size(), 2u);
  EXPECT_EQ(o[0].waiting_time, 0u);
  EXPECT_TRUE(o[0].first);
  EXPECT_EQ(o[1].waiting_time, 1u);
  EXPECT_FALSE(o[1].first);
}

TEST(OutburstDetector, BackToBackOutburstsSeparatedByOnePeriod) {
  const auto o = detect({60, 50, 60});
  ASSERT_EQ(o.size(), 2u);
  EXPECT_EQ(o[1].start, 3u);
  EXPECT_EQ(o[1].waiting_time, 1u);
}

TEST(OutburstDetector, IncompleteOutburstAtTheEnd) {
  const auto o = detect({0, 0, 90, 95});
  ASSERT_EQ(o.size(), 1u);
  EXPECT_FALSE(o[0].complete);
  EXPECT_EQ(o[0].start, 3u);
  EXPECT_EQ(o[0].end, 4u);
  EXPECT_EQ(o[0].total_activation, 185u);
  // Without finish() the outburst is still open, not yet marked incomplete.
  EXPECT_TRUE(detect({0, 90}, 50, false)[0].complete);
  // finish() after a closed outburst changes nothing; a second finish() is harmless.
  OutburstDetector d(50);
  d.observe(1, 60);
  d.observe(2, 0);
  d.finish();
  d.finish();
  ASSERT_EQ(d.outbursts().size(), 1u);
  EXPECT_TRUE(d.outbursts()[0].complete);
}

TEST(OutburstDetector, OtherThresholds) {
  const auto o = detect({0, 1, 0, 2, 2}, 0);
  ASSERT_EQ(o.size(), 2u);
  EXPECT_EQ(o[0].start, 2u);
  EXPECT_EQ(o[1].start, 4u);
  EXPECT_EQ(o[1].waiting_time, 1u);
  EXPECT_FALSE(o[1].complete);
}

}  // namespace
}  // namespace unrest::epstein
