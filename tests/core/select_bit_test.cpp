#include "core/select_bit.hpp"

#include <gtest/gtest.h>

#include <bit>
#include <cstdint>
#include <random>
#include <vector>

namespace unrest::core {
namespace {

// The k-th lowest set bit, one bit at a time; -1 if there are not that many.
int naive_nth_set_bit(std::uint64_t bits, int k) {
  for (int b = 0; b < 64; ++b) {
    if (((bits >> b) & 1u) != 0 && k-- == 0) return b;
  }
  return -1;
}

void expect_every_k_matches(std::uint64_t bits) {
  const int n = std::popcount(bits);
  for (int k = 0; k < n; ++k) {
    ASSERT_EQ(nth_set_bit(bits, k), naive_nth_set_bit(bits, k))
        << "bits 0x" << std::hex << bits << std::dec << ", k " << k;
  }
}

TEST(SelectBit, MatchesANaiveLoopOnRandomWordsOfEveryDensity) {
  std::mt19937_64 gen(20240611);
  for (int i = 0; i < 20000; ++i) {
    const std::uint64_t a = gen();
    const std::uint64_t b = gen();
    const std::uint64_t c = gen();
    expect_every_k_matches(a);          // half the bits
    expect_every_k_matches(a & b);      // sparse
    expect_every_k_matches(a & b & c);  // sparser
    expect_every_k_matches(a | b);      // dense
    expect_every_k_matches(a | b | c);  // denser
    // A random run of set bits, as a neighbourhood row span leaves in a mask.
    const unsigned lo = static_cast<unsigned>(a % 64);
    const unsigned len = 1 + static_cast<unsigned>(b % (64 - lo));
    const std::uint64_t run = (len == 64 ? ~std::uint64_t{0} : ((std::uint64_t{1} << len) - 1))
                              << lo;
    expect_every_k_matches(run);
    expect_every_k_matches(run & c);
    if (HasFatalFailure()) return;
  }
}

TEST(SelectBit, EdgeWords) {
  const std::vector<std::uint64_t> words = {
      1u,
      std::uint64_t{1} << 63,
      ~std::uint64_t{0},
      0x5555555555555555u,
      0xAAAAAAAAAAAAAAAAu,
      0xFF00000000000000u,
      0x00000000000000FFu,
      0x8000000000000001u,
      0x0101010101010101u,
      0x8080808080808080u,
      0xFFFFFFFF00000000u,
      0x00000000FFFFFFFFu,
      0x0F0F0F0F0F0F0F0Fu,
      0x8000000100000080u,
  };
  for (const std::uint64_t w : words) expect_every_k_matches(w);
  for (int b = 0; b < 64; ++b) {
    EXPECT_EQ(nth_set_bit(std::uint64_t{1} << b, 0), b);
    EXPECT_EQ(nth_set_bit(~std::uint64_t{0}, b), b);
    // Every bit but b: the k-th set bit skips b.
    const std::uint64_t holed = ~(std::uint64_t{1} << b);
    for (int k = 0; k < 63; ++k) ASSERT_EQ(nth_set_bit(holed, k), k < b ? k : k + 1) << b;
  }
}

TEST(SelectBit, ByteTableAgreesWithANaiveLoop) {
  for (unsigned byte = 0; byte < 256; ++byte) {
    for (int k = 0; k < 8; ++k) {
      const int naive = naive_nth_set_bit(byte, k);
      EXPECT_EQ(kSelectInByte[(static_cast<unsigned>(k) << 8) | byte], naive < 0 ? 8 : naive)
          << "byte " << byte << ", k " << k;
    }
  }
}

}  // namespace
}  // namespace unrest::core
