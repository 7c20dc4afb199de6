// The index of the k-th lowest set bit of a word: how a uniformly chosen site is picked from
// a bitmap row or tile without a loop over its bits.
#pragma once

#include <array>
#include <bit>
#include <cstdint>

namespace unrest::core {

// For each byte value and k < 8: the index of its k-th lowest set bit (8 if none).
inline constexpr auto kSelectInByte = [] {
  std::array<std::uint8_t, 256 * 8> table{};
  for (unsigned byte = 0; byte < 256; ++byte) {
    for (unsigned k = 0; k < 8; ++k) {
      unsigned seen = 0;
      std::uint8_t at = 8;
      for (unsigned b = 0; b < 8; ++b) {
        if (((byte >> b) & 1u) != 0 && seen++ == k) {
          at = static_cast<std::uint8_t>(b);
          break;
        }
      }
      table[(k << 8) | byte] = at;
    }
  }
  return table;
}();

// Index of the k-th lowest set bit of `bits` (k < popcount(bits)). Branch-free: the bit is
// random, so a loop over bytes or bits would mispredict on most calls.
inline int nth_set_bit(std::uint64_t bits, int k) {
#if defined(__BMI2__)
  return std::countr_zero(__builtin_ia32_pdep_di(std::uint64_t{1} << k, bits));
#else
  // Vigna's broadword select: byte prefix counts by multiplication, the byte by comparison.
  constexpr std::uint64_t kOnes = 0x0101010101010101u;
  std::uint64_t s = bits - ((bits >> 1) & 0x5555555555555555u);
  s = (s & 0x3333333333333333u) + ((s >> 2) & 0x3333333333333333u);
  s = (s + (s >> 4)) & 0x0F0F0F0F0F0F0F0Fu;
  const std::uint64_t prefix = s * kOnes;  // byte i: set bits in bytes 0..i
  const auto kk = static_cast<std::uint64_t>(k);
  const std::uint64_t at_most_k = ((kk * kOnes) | (0x80 * kOnes)) - prefix;
  const auto shift = static_cast<unsigned>(std::popcount(at_most_k & (0x80 * kOnes)) * 8);
  const std::uint64_t before = ((prefix << 8) >> shift) & 0xFFu;
  const auto byte = static_cast<unsigned>((bits >> shift) & 0xFFu);
  return static_cast<int>(shift) +
         kSelectInByte[static_cast<std::size_t>(((kk - before) << 8) | byte)];
#endif
}

}  // namespace unrest::core
