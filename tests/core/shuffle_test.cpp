#include "core/shuffle.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <numeric>
#include <vector>

#include "core/rng.hpp"

namespace unrest::core {
namespace {

std::vector<std::uint32_t> iota(std::size_t n) {
  std::vector<std::uint32_t> v(n);
  std::iota(v.begin(), v.end(), 0u);
  return v;
}

std::vector<std::uint32_t> shuffled(std::size_t n, std::uint32_t period, std::uint64_t seed = 1) {
  std::vector<std::uint32_t> items = iota(n);
  shuffle_uniform(items, Stream(seed, Purpose::activation_order, 0, period));
  return items;
}

bool is_permutation_of_iota(std::vector<std::uint32_t> v) {
  std::sort(v.begin(), v.end());
  return v == iota(v.size());
}

TEST(Shuffle, ResultIsAPermutationOnBothPaths) {
  // 16384 is the largest Fisher–Yates input; 16385 and above are bucketed (Rao–Sandelius).
  for (std::size_t n : {0u, 1u, 2u, 3u, 10u, 1000u, 16384u, 16385u, 20000u, 70001u, 300000u}) {
    const auto v = shuffled(n, 1);
    ASSERT_EQ(v.size(), n);
    EXPECT_TRUE(is_permutation_of_iota(v)) << "n = " << n;
    if (n >= 10) {
      EXPECT_NE(v, iota(n)) << "n = " << n;
    }
  }
}

TEST(Shuffle, KeepsTheItemsNotTheirIndices) {
  std::vector<std::uint32_t> items = {70, 70, 5, 900000, 12};
  shuffle_uniform(items, Stream(3, Purpose::activation_order, 0, 0));
  std::sort(items.begin(), items.end());
  EXPECT_EQ(items, (std::vector<std::uint32_t>{5, 12, 70, 70, 900000}));
}

TEST(Shuffle, DeterministicForAStream) {
  for (std::size_t n : {50u, 40000u}) {
    const auto a = shuffled(n, 7);
    std::vector<std::uint32_t> b = iota(n);
    shuffle_uniform(b, Stream(1, Purpose::activation_order, 0, 7));
    EXPECT_EQ(a, b) << "n = " << n;
    EXPECT_NE(a, shuffled(n, 8)) << "another period, another order; n = " << n;
    EXPECT_NE(a, shuffled(n, 7, 2)) << "another seed, another order; n = " << n;
  }
}

TEST(Shuffle, SmallInputsGiveEveryPermutationEquallyOften) {
  // n = 4: 24 permutations, 48000 shuffles, 2000 expected each. Chi-square with 23 d.f.: its
  // 1e-6 upper quantile is about 75 (Wilson–Hilferty); a biased shuffle (e.g. j drawn from
  // [0, n) instead of [0, i)) produces several hundred.
  std::map<std::vector<std::uint32_t>, int> seen;
  const int reps = 48000;
  for (int r = 0; r < reps; ++r) {
    std::vector<std::uint32_t> v = iota(4);
    shuffle_uniform(v, Stream(5, Purpose::activation_order, 0, static_cast<std::uint32_t>(r)));
    ++seen[v];
  }
  ASSERT_EQ(seen.size(), 24u);
  const double expected = reps / 24.0;
  double chi2 = 0.0;
  for (const auto& [perm, count] : seen) chi2 += (count - expected) * (count - expected) / expected;
  EXPECT_LT(chi2, 75.0);
}

// For the bucketed path: where do items of each tenth of the input end up? Over `reps`
// shuffles of n items, count the items of input decile i that land in output decile j. Under a
// uniform permutation the 10x10 table (margins fixed) gives a Pearson statistic that is
// chi-square with 81 d.f.; its 1e-6 upper quantile is about 157 (Wilson–Hilferty). A shuffle that
// keeps items near their bucket (e.g. scatter without random bucket choice) gives thousands.
double decile_chi_square(std::size_t n, int reps) {
  std::array<std::array<double, 10>, 10> table{};
  for (int r = 0; r < reps; ++r) {
    std::vector<std::uint32_t> v = iota(n);
    shuffle_uniform(v, Stream(11, Purpose::activation_order, 0, static_cast<std::uint32_t>(r)));
    for (std::size_t pos = 0; pos < n; ++pos) table[v[pos] * 10 / n][pos * 10 / n] += 1.0;
  }
  double chi2 = 0.0;
  for (std::size_t i = 0; i < 10; ++i) {
    for (std::size_t j = 0; j < 10; ++j) {
      // Deciles differ by at most one item; the expected count is the product of margins.
      double row = 0.0;
      double col = 0.0;
      for (std::size_t k = 0; k < 10; ++k) {
        row += table[i][k];
        col += table[k][j];
      }
      const double expected = row * col / (static_cast<double>(n) * reps);
      chi2 += (table[i][j] - expected) * (table[i][j] - expected) / expected;
    }
  }
  return chi2;
}

TEST(Shuffle, BucketedPathPositionsAreUniform) {
  EXPECT_LT(decile_chi_square(20000, 20), 157.0);  // 2 buckets
  EXPECT_LT(decile_chi_square(70001, 6), 157.0);   // 8 buckets
}

TEST(Shuffle, BucketedPathMeanPositionOfEachInputTenthIsCentral) {
  // Mean output position of the items of each input tenth, over 40 shuffles of 20000. Per
  // shuffle the mean of 2000 positions drawn without replacement has s.d.
  // sqrt((n^2-1)/12 / 2000 * (n-2000)/(n-1)) = 122; over 40 shuffles 19.4. Allow 5 s.d. (97).
  const std::size_t n = 20000;
  const int reps = 40;
  std::array<double, 10> sum{};
  for (int r = 0; r < reps; ++r) {
    std::vector<std::uint32_t> v = iota(n);
    shuffle_uniform(v, Stream(12, Purpose::activation_order, 0, static_cast<std::uint32_t>(r)));
    for (std::size_t pos = 0; pos < n; ++pos) sum[v[pos] * 10 / n] += static_cast<double>(pos);
  }
  for (std::size_t d = 0; d < 10; ++d) {
    const double mean = sum[d] / (reps * (n / 10.0));
    EXPECT_NEAR(mean, (n - 1) / 2.0, 97.0) << "input tenth " << d;
  }
}

TEST(Shuffle, BucketedPathFirstElementIsUniform) {
  // Which tenth of the input lands at position 0, over 1000 shuffles of 16400 items (just over
  // the bucketing threshold): chi-square with 9 d.f., 1e-6 upper quantile about 46.
  const std::size_t n = 16400;
  std::array<int, 10> count{};
  std::vector<std::uint32_t> v;
  const int reps = 1000;
  for (int r = 0; r < reps; ++r) {
    v = iota(n);
    shuffle_uniform(v, Stream(13, Purpose::activation_order, 1, static_cast<std::uint32_t>(r)));
    ++count[v[0] * 10 / n];
  }
  const double expected = reps / 10.0;
  double chi2 = 0.0;
  for (int c : count) chi2 += (c - expected) * (c - expected) / expected;
  EXPECT_LT(chi2, 46.0);
}

TEST(ShufflePlan, AppliesTheSamePermutationToParallelArrays) {
  for (std::size_t n : {1000u, 40000u}) {
    ShufflePlan plan;
    plan.draw(n, Stream(8, Purpose::activation_order, 0, 1));
    EXPECT_EQ(plan.size(), n);
    std::vector<std::uint32_t> ids = iota(n);
    std::vector<float> halves(n);
    std::vector<std::uint8_t> low(n);
    for (std::size_t i = 0; i < n; ++i) {
      halves[i] = static_cast<float>(i) * 0.5f;
      low[i] = static_cast<std::uint8_t>(i & 0xff);
    }
    plan.apply(ids);
    plan.apply(halves);
    plan.apply(low);
    EXPECT_TRUE(is_permutation_of_iota(ids));
    EXPECT_NE(ids, iota(n));
    for (std::size_t k = 0; k < n; ++k) {
      ASSERT_EQ(halves[k], static_cast<float>(ids[k]) * 0.5f) << k;
      ASSERT_EQ(low[k], static_cast<std::uint8_t>(ids[k] & 0xff)) << k;
    }
    // The same plan applied again permutes again (same permutation, composed).
    std::vector<std::uint32_t> again = iota(n);
    plan.apply(again);
    EXPECT_EQ(again, ids) << "a plan is a fixed permutation";
    // shuffle_uniform with the same stream gives the same order.
    std::vector<std::uint32_t> direct = iota(n);
    shuffle_uniform(direct, Stream(8, Purpose::activation_order, 0, 1));
    EXPECT_EQ(direct, ids);
  }
}

TEST(ShufflePlan, RedrawingResizes) {
  ShufflePlan plan;
  plan.draw(40000, Stream(9, Purpose::activation_order, 0, 1));
  plan.draw(10, Stream(9, Purpose::activation_order, 0, 2));
  EXPECT_EQ(plan.size(), 10u);
  std::vector<std::uint32_t> v = iota(10);
  plan.apply(v);
  EXPECT_TRUE(is_permutation_of_iota(v));
  plan.draw(0, Stream(9, Purpose::activation_order, 0, 3));
  std::vector<std::uint32_t> empty;
  plan.apply(empty);
  EXPECT_TRUE(empty.empty());
}

}  // namespace
}  // namespace unrest::core
