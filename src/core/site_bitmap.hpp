// One bit per lattice site on a torus, stored in 8×8 tiles: each 64-bit word holds an 8×8
// block of sites (bit 8*(y%8) + x%8), tiles row-major. The Model I lattice is three of these
// (blocked, cop, active: 1.5 MB at 2000×2000). With tiles, a vision-7 disk touches 3×3 words in
// 3 nearby tile rows instead of 15 scattered lattice rows, so counting a neighbourhood costs
// at most nine masked popcounts and a handful of cache lines.
#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>
#include <vector>

#include "core/neighbourhood.hpp"
#include "core/rng.hpp"

namespace unrest::core {

// A neighbourhood as tile masks: for each position (x%8, y%8) of the centre within its tile,
// the masks of the tiles the neighbourhood covers. Built once per neighbourhood.
class TileMasks {
 public:
  TileMasks() = default;
  explicit TileMasks(const Neighbourhood& n);

  // Neighbourhoods reaching further than this are counted row by row instead.
  static constexpr int kMaxReach = 31;
  bool usable() const { return usable_; }
  int reach() const { return reach_; }

 private:
  friend class SiteBitmap;
  struct Offset {
    int first_tile = 0;  // tile of the leftmost (topmost) covered site, relative to the centre's
    int tiles = 0;       // tiles covered along this axis
  };
  bool usable_ = false;
  int reach_ = 0;
  int span_ = 0;  // tiles per axis in the mask table
  Offset axis_[8];
  std::vector<std::uint64_t> masks_;  // [oy][ox][j][i], span_ × span_ per (ox, oy)
  Neighbourhood neighbourhood_;       // for centres near the torus seam
};

class SiteBitmap {
 public:
  SiteBitmap() = default;
  SiteBitmap(int width, int height);

  int width() const { return width_; }
  int height() const { return height_; }

  bool test(int x, int y) const { return (words_[word_of(x, y)] >> bit_of(x, y)) & 1u; }
  void set(int x, int y) { words_[word_of(x, y)] |= std::uint64_t{1} << bit_of(x, y); }
  void clear(int x, int y) { words_[word_of(x, y)] &= ~(std::uint64_t{1} << bit_of(x, y)); }
  // The same by site index y*width + x.
  bool test(std::uint32_t site) const { return test(x_of(site), y_of(site)); }
  void set(std::uint32_t site) { set(x_of(site), y_of(site)); }
  void clear(std::uint32_t site) { clear(x_of(site), y_of(site)); }

  // Hints the cache to fetch the words a neighbourhood of `reach` around (x, y) will read.
  void prefetch(int x, int y, int reach) const {
    const std::size_t col = static_cast<std::size_t>(std::max(x - reach, 0) >> 3);
    const int last_row = std::min(y + reach, height_ - 1) >> 3;
    for (int ty = std::max(y - reach, 0) >> 3; ty <= last_row; ++ty) {
      __builtin_prefetch(&words_[static_cast<std::size_t>(ty) * tiles_per_row_ + col]);
    }
  }

  // Set bits among the `length` sites of row y starting at column x (both may wrap).
  int count_row(int y, int x, int length) const;
  // Set bits within the neighbourhood centred on (x, y), centre included.
  int count(const TileMasks& masks, int x, int y) const;
  int count(const Neighbourhood& n, int x, int y) const;
  // Clear bits within the neighbourhood, and the k-th of them (0 <= k < that count) as
  // (x, y). Only for centres whose neighbourhood does not cross the torus seam (interior()).
  bool interior(const TileMasks& masks, int x, int y) const {
    const int r = masks.reach_;
    return masks.usable_ && x >= r && y >= r && x + r < width_ && y + r < height_;
  }
  // A uniformly chosen clear (or set) site of an interior neighbourhood, written to (x, y);
  // returns how many there were (0: none, x and y unchanged). One draw from `stream`.
  int pick_clear_interior(const TileMasks& masks, int& x, int& y, Stream& stream) const {
    return pick_interior(masks, x, y, stream, ~std::uint64_t{0});
  }
  int pick_set_interior(const TileMasks& masks, int& x, int& y, Stream& stream) const {
    return pick_interior(masks, x, y, stream, 0);
  }

  // The site of the k-th set bit (0-based) of the neighbourhood, scanning its row spans in
  // order, left to right; UINT32_MAX if there are not that many.
  std::uint32_t nth_set(const Neighbourhood& n, int x, int y, int k) const;
  // Total set bits.
  std::uint64_t count_all() const;

 private:
  template <class Fn>
  void for_each_tile(const TileMasks& masks, int x, int y, Fn&& fn) const;
  // `flip` is all ones to pick among clear bits, zero to pick among set bits.
  int pick_interior(const TileMasks& masks, int& x, int& y, Stream& stream,
                    std::uint64_t flip) const;
  int x_of(std::uint32_t site) const {
    return static_cast<int>(site % static_cast<std::uint32_t>(width_));
  }
  int y_of(std::uint32_t site) const {
    return static_cast<int>(site / static_cast<std::uint32_t>(width_));
  }
  std::size_t word_of(int x, int y) const {
    return static_cast<std::size_t>(y >> 3) * tiles_per_row_ + static_cast<std::size_t>(x >> 3);
  }
  static unsigned bit_of(int x, int y) { return static_cast<unsigned>(((y & 7) << 3) | (x & 7)); }
  int wrap_x(int x) const { return ((x % width_) + width_) % width_; }
  int wrap_y(int y) const { return ((y % height_) + height_) % height_; }

  int width_ = 0;
  int height_ = 0;
  std::size_t tiles_per_row_ = 0;
  std::vector<std::uint64_t> words_;
};

}  // namespace unrest::core
