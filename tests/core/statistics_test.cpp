#include "core/statistics.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <vector>

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

// from, from + 1, ..., from + count - 1
std::vector<double> range(double from, int count) {
  std::vector<double> xs;
  for (int i = 0; i < count; ++i) xs.push_back(from + i);
  return xs;
}

TEST(MannWhitney, IdenticalSamplesGiveNoEvidence) {
  // a = b = 1..10: each value is a tie of two with midrank 2k - 0.5, so R_a = 110 - 5 = 105,
  // U = 105 - 10*11/2 = 50 = na*nb/2, and |U - mu| - 0.5 < 0 is clamped to z = 0: p = 1.
  const std::vector<double> a = range(1, 10);
  const TwoSampleTest t = mann_whitney_u(a, a);
  EXPECT_DOUBLE_EQ(t.statistic, 50.0);
  EXPECT_DOUBLE_EQ(t.p_value, 1.0);
}

TEST(MannWhitney, AllValuesEqualGivesPOne) {
  // Every rank is the midrank 3: R_a = 6, U = 6 - 2*3/2 = 3; the tie-corrected variance is 0.
  const TwoSampleTest t = mann_whitney_u({3, 3}, {3, 3, 3});
  EXPECT_DOUBLE_EQ(t.statistic, 3.0);
  EXPECT_DOUBLE_EQ(t.p_value, 1.0);
}

TEST(MannWhitney, SeparatedSamples) {
  // U = 0 (a has ranks 1..20), mu = 200, var = 20*20/12 * 41 = 1366.67, sd = 36.968;
  // z = (200 - 0.5) / 36.968 = 5.3965, p = erfc(z / sqrt 2) = 6.7956e-8.
  const TwoSampleTest t = mann_whitney_u(range(0, 20), range(100, 20));
  EXPECT_DOUBLE_EQ(t.statistic, 0.0);
  EXPECT_NEAR(t.p_value, 6.7956e-8, 1e-11);
  EXPECT_LT(t.p_value, 1e-6);
  EXPECT_DOUBLE_EQ(mann_whitney_u(range(100, 20), range(0, 20)).statistic, 400.0);
}

TEST(MannWhitney, WorkedExampleWithTies) {
  // Pooled and sorted: 1a 2a 2a 2b 3a 3b 4b 5b 5b; midranks 1, 3 3 3, 5.5 5.5, 7, 8.5 8.5.
  // R_a = 1 + 3 + 3 + 5.5 = 12.5, U = 12.5 - 4*5/2 = 2.5, mu = 10.
  // Ties (t^3 - t): 24 + 6 + 6 = 36; var = 20/12 * (10 - 36 / (9*8)) = 15.8333, sd = 3.97911.
  // z = (7.5 - 0.5) / 3.97911 = 1.75919, p = erfc(z / sqrt 2) = 0.0785459.
  const std::vector<double> a = {1, 2, 2, 3};
  const std::vector<double> b = {2, 3, 4, 5, 5};
  const TwoSampleTest t = mann_whitney_u(a, b);
  EXPECT_DOUBLE_EQ(t.statistic, 2.5);
  EXPECT_NEAR(t.p_value, 0.0785459, 1e-7);
  // Swapped: U_b = na*nb - U_a = 17.5, same two-sided p.
  const TwoSampleTest s = mann_whitney_u(b, a);
  EXPECT_DOUBLE_EQ(s.statistic, 17.5);
  EXPECT_DOUBLE_EQ(s.p_value, t.p_value);
}

TEST(MannWhitney, EmptySampleThrows) {
  EXPECT_THROW(mann_whitney_u({}, {1.0}), std::invalid_argument);
  EXPECT_THROW(mann_whitney_u({1.0}, {}), std::invalid_argument);
}

TEST(KolmogorovSmirnov, IdenticalSamplesGiveZeroDistance) {
  const std::vector<double> a = {1, 2, 2, 3, 5};
  const TwoSampleTest t = kolmogorov_smirnov(a, a);
  EXPECT_DOUBLE_EQ(t.statistic, 0.0);
  EXPECT_DOUBLE_EQ(t.p_value, 1.0);
}

TEST(KolmogorovSmirnov, SeparatedSamples) {
  // D = 1; n = 400/40 = 10, lambda = (3.16228 + 0.12 + 0.11/3.16228) * 1 = 3.31706,
  // p = 2 exp(-2 lambda^2) (later terms negligible) = 5.5466e-10.
  const TwoSampleTest t = kolmogorov_smirnov(range(0, 20), range(100, 20));
  EXPECT_DOUBLE_EQ(t.statistic, 1.0);
  EXPECT_NEAR(t.p_value, 5.5466e-10, 1e-13);
  EXPECT_LT(t.p_value, 1e-6);
}

TEST(KolmogorovSmirnov, WorkedExampleWithTies) {
  // a = {1,2,3,4}, b = {3,4,5,6,7}, 3 and 4 in both. F_a, F_b after stepping over each value:
  // 1: |1/4 - 0| = .25; 2: |2/4 - 0| = .5; 3: |3/4 - 1/5| = .55; 4: |1 - 2/5| = .6; then it
  // shrinks, so D = 0.6. n = 20/9, sqrt n = 1.49071, lambda = (1.49071 + 0.12 + 0.07379) * 0.6
  // = 1.01070; p = 2 (e^{-2 lambda^2} - e^{-8 lambda^2} + ...) = 0.258705.
  const std::vector<double> a = {4, 1, 3, 2};
  const std::vector<double> b = {3, 4, 5, 6, 7};
  const TwoSampleTest t = kolmogorov_smirnov(a, b);
  EXPECT_DOUBLE_EQ(t.statistic, 0.6);
  EXPECT_NEAR(t.p_value, 0.258705, 1e-6);
  const TwoSampleTest s = kolmogorov_smirnov(b, a);
  EXPECT_DOUBLE_EQ(s.statistic, t.statistic);
  EXPECT_DOUBLE_EQ(s.p_value, t.p_value);
}

TEST(KolmogorovSmirnov, EmptySampleThrows) {
  EXPECT_THROW(kolmogorov_smirnov({}, {1.0}), std::invalid_argument);
  EXPECT_THROW(kolmogorov_smirnov({1.0}, {}), std::invalid_argument);
}

// Newcombe (1998, Statistics in Medicine 17:857, table I, example 81/263): 0.2553 to 0.3662.
TEST(WilsonInterval, MatchesNewcombesPublishedExample) {
  const Interval ci = wilson_interval(81, 263);
  EXPECT_NEAR(ci.low, 0.2553, 5e-5);
  EXPECT_NEAR(ci.high, 0.3662, 5e-5);
}

TEST(WilsonInterval, StaysInsideZeroOneAtTheExtremes) {
  const Interval none = wilson_interval(0, 10);
  EXPECT_DOUBLE_EQ(none.low, 0.0);
  EXPECT_NEAR(none.high, 0.27753, 1e-5);  // not the normal approximation's empty interval
  const Interval all = wilson_interval(10, 10);
  EXPECT_NEAR(all.low, 0.72247, 1e-5);
  EXPECT_LE(all.high, 1.0);
  const Interval half = wilson_interval(5, 10);
  EXPECT_NEAR(half.low, 0.23659, 1e-5);
  EXPECT_NEAR(half.high, 0.76341, 1e-5);
  EXPECT_THROW(wilson_interval(0, 0), std::invalid_argument);
  EXPECT_THROW(wilson_interval(3, 2), std::invalid_argument);
}

TEST(Quantile, InterpolatesBetweenOrderStatisticsLikeRAndNumPy) {
  // numpy.quantile([7, 1, 3, 5], [0, .25, .5, .75, 1]) = 1, 2.5, 4, 5.5, 7
  const std::vector<double> xs{7, 1, 3, 5};
  EXPECT_DOUBLE_EQ(quantile(xs, 0.0), 1.0);
  EXPECT_DOUBLE_EQ(quantile(xs, 0.25), 2.5);
  EXPECT_DOUBLE_EQ(quantile(xs, 0.5), 4.0);
  EXPECT_DOUBLE_EQ(quantile(xs, 0.75), 5.5);
  EXPECT_DOUBLE_EQ(quantile(xs, 1.0), 7.0);
  EXPECT_DOUBLE_EQ(quantile({42}, 0.25), 42.0);
  EXPECT_THROW(quantile({}, 0.5), std::invalid_argument);
  EXPECT_THROW(quantile(xs, 1.5), std::invalid_argument);
}

}  // namespace
}  // namespace unrest::core
