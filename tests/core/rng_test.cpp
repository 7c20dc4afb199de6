#include "core/rng.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <vector>

namespace unrest::core {
namespace {

std::vector<std::uint32_t> first_words(Stream s, int n) {
  std::vector<std::uint32_t> out;
  for (int i = 0; i < n; ++i) out.push_back(s.next_u32());
  return out;
}

// Upper 1e-6 quantiles of chi-square (Wilson–Hilferty approximation, accurate to a few
// percent here). The draws come from fixed seeds, so every test is deterministic; these bounds
// say a correct generator would fail them for fewer than one seed in a million, while a biased
// one (modulo bias, a stuck bit, a wrong scaling) exceeds them by orders of magnitude.
constexpr double kChi2Df9 = 46.0;
constexpr double kChi2Df15 = 57.4;

TEST(Stream, SameIdentityGivesSameSequence) {
  const Stream a(42, Purpose::movement, 7, 3);
  const Stream b(42, Purpose::movement, 7, 3);
  EXPECT_EQ(first_words(a, 64), first_words(b, 64));
}

TEST(Stream, CopiesContinueIdentically) {
  Stream a(5, Purpose::arrest, 1, 1);
  a.next_u32();
  a.next_u32();
  a.next_u32();  // part way through a block
  Stream b = a;
  EXPECT_EQ(first_words(a, 9), first_words(b, 9));
}

TEST(Stream, EveryIdentityComponentChangesTheSequence) {
  const auto base = first_words(Stream(42, Purpose::movement, 7, 3), 8);
  EXPECT_NE(base, first_words(Stream(43, Purpose::movement, 7, 3), 8));
  EXPECT_NE(base, first_words(Stream(42 + (std::uint64_t{1} << 32), Purpose::movement, 7, 3), 8))
      << "the high half of the seed must matter";
  EXPECT_NE(base, first_words(Stream(42, Purpose::arrest, 7, 3), 8));
  EXPECT_NE(base, first_words(Stream(42, Purpose::movement, 8, 3), 8));
  EXPECT_NE(base, first_words(Stream(42, Purpose::movement, 7, 4), 8));
  // Subject and period are not interchangeable.
  EXPECT_NE(first_words(Stream(1, Purpose::release, 2, 3), 8),
            first_words(Stream(1, Purpose::release, 3, 2), 8));
}

TEST(Stream, AllPurposesAreDistinct) {
  const std::array<Purpose, 8> all = {
      Purpose::placement, Purpose::attributes, Purpose::activation_order, Purpose::movement,
      Purpose::arrest,    Purpose::jail_term,  Purpose::release,          Purpose::cop_schedule};
  for (std::size_t i = 0; i < all.size(); ++i) {
    for (std::size_t j = i + 1; j < all.size(); ++j) {
      EXPECT_NE(first_words(Stream(9, all[i], 0, 0), 4), first_words(Stream(9, all[j], 0, 0), 4))
          << i << " vs " << j;
    }
  }
}

TEST(Stream, IsPhiloxOverTheDocumentedCounterLayout) {
  // Counter = (block index, subject, period, purpose), key = (seed low, seed high).
  using Philox = r123::Philox4x32_R<10>;
  const std::uint64_t seed = 0x0123456789abcdefULL;
  Stream s(seed, Purpose::jail_term, 11, 22);
  for (std::uint32_t block = 0; block < 3; ++block) {
    const Philox::ctr_type ctr = {{block, 11, 22, static_cast<std::uint32_t>(Purpose::jail_term)}};
    const Philox::key_type key = {{0x89abcdefu, 0x01234567u}};
    const Philox::ctr_type out = Philox{}(ctr, key);
    for (int i = 0; i < 4; ++i) EXPECT_EQ(s.next_u32(), out.v[i]) << block << ":" << i;
  }
}

TEST(Stream, BelowStaysInRange) {
  Stream s(1, Purpose::placement, 0, 0);
  for (std::uint32_t n : {1u, 2u, 3u, 7u, 10u, 1000u, 65537u, 0x80000001u, 0xffffffffu}) {
    for (int i = 0; i < 2000; ++i) {
      const std::uint32_t v = s.below(n);
      ASSERT_LT(v, n) << "n = " << n;
    }
  }
  for (int i = 0; i < 100; ++i) EXPECT_EQ(s.below(1), 0u);
}

TEST(Stream, BelowHasNoModuloBiasForLargeBounds) {
  // n = 3 * 2^30: a plain next_u32() % n would put half the draws below 2^30 instead of a third.
  const std::uint32_t n = 3u << 30;
  Stream s(2, Purpose::movement, 0, 0);
  const int draws = 60000;
  int low = 0;
  for (int i = 0; i < draws; ++i) low += s.below(n) < (1u << 30);
  const double share = static_cast<double>(low) / draws;
  // s.d. of the share is sqrt(1/3 * 2/3 / 60000) = 0.0019; allow 5 s.d.
  EXPECT_NEAR(share, 1.0 / 3.0, 0.0097);
}

TEST(Stream, BelowIsUniformChiSquare) {
  Stream s(3, Purpose::arrest, 5, 5);
  const int bins = 10;
  const int draws = 100000;
  std::array<int, 10> count{};
  for (int i = 0; i < draws; ++i) ++count[s.below(bins)];
  const double expected = static_cast<double>(draws) / bins;
  double chi2 = 0.0;
  for (int c : count) chi2 += (c - expected) * (c - expected) / expected;
  EXPECT_LT(chi2, kChi2Df9);
}

TEST(Stream, UniformIsInUnitIntervalAndUniform) {
  Stream s(4, Purpose::attributes, 1, 0);
  const int bins = 16;
  const int draws = 100000;
  std::array<int, 16> count{};
  double sum = 0.0;
  for (int i = 0; i < draws; ++i) {
    const double u = s.uniform();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    sum += u;
    ++count[static_cast<std::size_t>(u * bins)];
  }
  // Mean of 1e5 uniforms: s.d. sqrt(1/12/1e5) = 0.00091; allow 5 s.d.
  EXPECT_NEAR(sum / draws, 0.5, 0.0046);
  const double expected = static_cast<double>(draws) / bins;
  double chi2 = 0.0;
  for (int c : count) chi2 += (c - expected) * (c - expected) / expected;
  EXPECT_LT(chi2, kChi2Df15);
}

TEST(Stream, UniformUsesBothWordsOfItsDraw) {
  // 53 bits: the low word contributes, so consecutive uniforms are not multiples of 2^-32.
  Stream s(6, Purpose::placement, 0, 0);
  int fine = 0;
  for (int i = 0; i < 100; ++i) {
    const double u = s.uniform() * 0x1.0p32;
    fine += u != static_cast<double>(static_cast<std::uint64_t>(u));
  }
  EXPECT_GT(fine, 90);
}

}  // namespace
}  // namespace unrest::core
