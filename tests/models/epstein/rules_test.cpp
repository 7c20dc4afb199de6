#include "models/epstein/rules.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

namespace unrest::epstein {
namespace {

constexpr double kK = 2.3;

TEST(Grievance, IsHardshipTimesIllegitimacy) {
  EXPECT_DOUBLE_EQ(grievance(0.5, 0.82), 0.5 * 0.18);
  EXPECT_DOUBLE_EQ(grievance(1.0, 0.0), 1.0);
  EXPECT_DOUBLE_EQ(grievance(1.0, 1.0), 0.0);
  EXPECT_DOUBLE_EQ(grievance(0.0, 0.3), 0.0);
}

TEST(ArrestRatio, LiteralFloorAndRoundHalfEven) {
  struct Case {
    int c, a;
    double literal, floor, round;
  };
  const Case cases[] = {
      {0, 1, 0.0, 0, 0},  {1, 1, 1.0, 1, 1},   {3, 2, 1.5, 1, 2},     {5, 2, 2.5, 2, 2},
      {7, 2, 3.5, 3, 4},  {1, 2, 0.5, 0, 0},   {2, 3, 2.0 / 3, 0, 1}, {1, 3, 1.0 / 3, 0, 0},
      {9, 4, 2.25, 2, 2}, {11, 4, 2.75, 2, 3}, {6, 3, 2.0, 2, 2},     {0, 5, 0.0, 0, 0},
  };
  for (const Case& c : cases) {
    EXPECT_DOUBLE_EQ(arrest_ratio(ArrestRatio::literal, c.c, c.a), c.literal) << c.c << "/" << c.a;
    EXPECT_DOUBLE_EQ(arrest_ratio(ArrestRatio::floor, c.c, c.a), c.floor) << c.c << "/" << c.a;
    EXPECT_DOUBLE_EQ(arrest_ratio(ArrestRatio::round_half_even, c.c, c.a), c.round)
        << c.c << "/" << c.a;
  }
}

TEST(ArrestProbability, OneCopOneActiveIsAboutNinetyPercent) {
  const double expected = 1.0 - std::exp(-2.3);
  EXPECT_NEAR(expected, 0.8997, 1e-4);
  for (ArrestRatio r : {ArrestRatio::literal, ArrestRatio::floor, ArrestRatio::round_half_even}) {
    EXPECT_DOUBLE_EQ(arrest_probability(r, kK, 1, 1), expected);
  }
}

TEST(ArrestProbability, EachRuleAtGivenCopsAndActives) {
  // C = 3, A = 2: literal 1.5, floor 1, round 2.
  EXPECT_DOUBLE_EQ(arrest_probability(ArrestRatio::literal, kK, 3, 2), 1.0 - std::exp(-kK * 1.5));
  EXPECT_DOUBLE_EQ(arrest_probability(ArrestRatio::floor, kK, 3, 2), 1.0 - std::exp(-kK * 1.0));
  EXPECT_DOUBLE_EQ(arrest_probability(ArrestRatio::round_half_even, kK, 3, 2),
                   1.0 - std::exp(-kK * 2.0));
  // C = 5, A = 2: round gives 2 (2.5 to even); C = 7, A = 2: 4 (3.5 to even).
  EXPECT_DOUBLE_EQ(arrest_probability(ArrestRatio::round_half_even, kK, 5, 2),
                   1.0 - std::exp(-kK * 2.0));
  EXPECT_DOUBLE_EQ(arrest_probability(ArrestRatio::round_half_even, kK, 7, 2),
                   1.0 - std::exp(-kK * 4.0));
  // C = 1, A = 2: floor 0 and round 0 (0.5 to even) give P = 0; literal does not.
  EXPECT_EQ(arrest_probability(ArrestRatio::floor, kK, 1, 2), 0.0);
  EXPECT_EQ(arrest_probability(ArrestRatio::round_half_even, kK, 1, 2), 0.0);
  EXPECT_DOUBLE_EQ(arrest_probability(ArrestRatio::literal, kK, 1, 2), 1.0 - std::exp(-kK * 0.5));
  // No cops: P = 0 under every rule.
  for (ArrestRatio r : {ArrestRatio::literal, ArrestRatio::floor, ArrestRatio::round_half_even}) {
    EXPECT_EQ(arrest_probability(r, kK, 0, 4), 0.0);
  }
  // k scales the exponent.
  EXPECT_DOUBLE_EQ(arrest_probability(ArrestRatio::literal, 1.0, 1, 1), 1.0 - std::exp(-1.0));
}

TEST(DecidesActive, ThresholdIsStrict) {
  // G - R*P == T exactly (all terms exact in binary): quiet.
  EXPECT_FALSE(decides_active(0.75, 0.5, 0.5, 0.5));
  EXPECT_FALSE(decides_active(0.5, 0.0, 0.9, 0.5));
  // Just above: active; just below: quiet.
  EXPECT_TRUE(decides_active(std::nextafter(0.75, 1.0), 0.5, 0.5, 0.5));
  EXPECT_FALSE(decides_active(std::nextafter(0.75, 0.0), 0.5, 0.5, 0.5));
  // Net risk is R * P, not R alone or P alone.
  EXPECT_TRUE(decides_active(0.3, 0.5, 0.3, 0.1));   // 0.3 - 0.15 = 0.15 > 0.1
  EXPECT_FALSE(decides_active(0.3, 0.5, 0.5, 0.1));  // 0.3 - 0.25 = 0.05
}

TEST(CanEverBeActive, OnlyIfGrievanceExceedsTheThreshold) {
  EXPECT_TRUE(can_ever_be_active(0.11, 0.1));
  EXPECT_FALSE(can_ever_be_active(0.1, 0.1));
  EXPECT_FALSE(can_ever_be_active(0.05, 0.1));
  // Consistency with rule A at P = 0.
  for (double g : {0.0, 0.05, 0.1, 0.1000001, 0.5}) {
    EXPECT_EQ(can_ever_be_active(g, 0.1), decides_active(g, 1.0, 0.0, 0.1)) << g;
  }
  // L = 0.9: G = H * 0.1 <= 0.1 = T for every H <= 1 (runs 3 and 4 start with zero actives).
  EXPECT_FALSE(can_ever_be_active(grievance(1.0, 0.9), 0.1));
}

TEST(DrawJailTerm, ContinuousIsInZeroToMax) {
  core::Stream s(1, core::Purpose::jail_term, 0, 0);
  double sum = 0.0;
  double lowest = 1e9;
  double highest = -1.0;
  const int draws = 20000;
  for (int i = 0; i < draws; ++i) {
    const double t = draw_jail_term(JailTerm::continuous, 30.0, s);
    ASSERT_GE(t, 0.0);
    ASSERT_LT(t, 30.0);
    sum += t;
    lowest = std::min(lowest, t);
    highest = std::max(highest, t);
  }
  // Mean of U(0, 30): 15, s.d. of the mean 30/sqrt(12 * 20000) = 0.061; allow 5 s.d.
  EXPECT_NEAR(sum / draws, 15.0, 0.31);
  EXPECT_LT(lowest, 0.1);
  EXPECT_GT(highest, 29.9);
  EXPECT_NE(std::floor(sum), sum) << "continuous terms are not whole numbers";
}

// Every distinct term 3000 draws of `rule` produce at J_max = 15, checking each is whole.
std::set<double> integer_terms_seen(JailTerm rule, std::uint64_t seed) {
  core::Stream s(seed, core::Purpose::jail_term, 0, 0);
  std::set<double> seen;
  for (int i = 0; i < 3000; ++i) {
    const double t = draw_jail_term(rule, 15.0, s);
    EXPECT_EQ(t, std::floor(t));
    seen.insert(t);
  }
  return seen;
}

std::set<double> whole_numbers(int from, int to) {
  std::set<double> out;
  for (int v = from; v <= to; ++v) out.insert(v);
  return out;
}

TEST(DrawJailTerm, IntegerBelowMaxIsZeroToMaxMinusOne) {
  EXPECT_EQ(integer_terms_seen(JailTerm::integer_below_max, 2), whole_numbers(0, 14));
  core::Stream z(3, core::Purpose::jail_term, 0, 0);
  EXPECT_EQ(draw_jail_term(JailTerm::integer_below_max, 0.0, z), 0.0);
  EXPECT_EQ(draw_jail_term(JailTerm::integer_below_max, 1.0, z), 0.0);
}

TEST(DrawJailTerm, IntegerUpToMaxIsZeroToMax) {
  EXPECT_EQ(integer_terms_seen(JailTerm::integer_up_to_max, 4), whole_numbers(0, 15));
  core::Stream z(5, core::Purpose::jail_term, 0, 0);
  EXPECT_EQ(draw_jail_term(JailTerm::integer_up_to_max, 0.0, z), 0.0);
}

TEST(DrawJailTerm, InfiniteMaxGivesAnInfiniteTermUnderEveryRule) {
  core::Stream s(6, core::Purpose::jail_term, 0, 0);
  for (JailTerm r :
       {JailTerm::continuous, JailTerm::integer_below_max, JailTerm::integer_up_to_max}) {
    const double t = draw_jail_term(r, kInfiniteJail, s);
    EXPECT_TRUE(std::isinf(t) && t > 0);
  }
}

TEST(DrawJailTerm, IntegerRulesSpreadTermsUpToTheLargestAcceptedMaximum) {
  // The loader accepts finite jail.max_term up to 1e9 (tests/scenario/loader_test.cpp); the
  // integer rules must neither wrap nor collapse there.
  core::Stream s(7, core::Purpose::jail_term, 0, 0);
  for (const JailTerm rule : {JailTerm::integer_below_max, JailTerm::integer_up_to_max}) {
    int zeros = 0;
    for (int i = 0; i < 20; ++i) {
      const double term = draw_jail_term(rule, 1e9, s);
      EXPECT_LE(term, 1e9);
      zeros += term == 0.0;
    }
    EXPECT_LT(zeros, 20);
  }
}

}  // namespace
}  // namespace unrest::epstein
