// One bit per lattice site, row-major on a torus. The Model I lattice is three of these
// (blocked, cop, active): 1.5 MB at 2000×2000, small enough to stay in cache, so that
// counting a neighbourhood is a popcount per row instead of a load per site.
#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>
#include <vector>

#include "core/neighbourhood.hpp"

namespace unrest::core {

class SiteBitmap {
 public:
  SiteBitmap() = default;
  SiteBitmap(int width, int height);

  bool test(std::uint32_t site) const { return (words_[word_of(site)] >> bit_of(site)) & 1u; }
  void set(std::uint32_t site) { words_[word_of(site)] |= std::uint64_t{1} << bit_of(site); }
  void clear(std::uint32_t site) { words_[word_of(site)] &= ~(std::uint64_t{1} << bit_of(site)); }

  // Set bits among the `length` sites of row y starting at column x (both may wrap).
  int count_row(int y, int x, int length) const;
  // Set bits within the neighbourhood centred on (x, y), centre included.
  int count(const Neighbourhood& n, int x, int y) const;
  // The index (0-based, in span order) of the `k`-th set bit of the neighbourhood; returns its site.
  std::uint32_t nth_set(const Neighbourhood& n, int x, int y, int k) const;
  // Total set bits.
  std::uint64_t count_all() const;

  const std::uint64_t* words() const { return words_.data(); }

 private:
  // Sites are numbered y*width + x and bit `site` of the packed array is that site, so a row
  // segment is a contiguous bit range; one spare word at the end keeps two-word reads in bounds.
  static std::size_t word_of(std::uint32_t site) { return site >> 6; }
  static unsigned bit_of(std::uint32_t site) { return site & 63u; }
  // Bits [first, first+length) of the packed array, length <= 64.
  std::uint64_t bits(std::uint64_t first, int length) const;

  int width_ = 0;
  int height_ = 0;
  std::vector<std::uint64_t> words_;
};

}  // namespace unrest::core
