// Bits per lattice site on a torus, stored in 8×8 tiles: each 64-bit word holds an 8×8 block
// of sites (bit 8*(y%8) + x%8), tiles row-major. A bitmap may hold several planes (Model I:
// blocked, cop, active; 1.5 MB at 2000×2000), interleaved per tile: the words of one tile's
// planes are adjacent, so a vision-7 disk reads 3 tile rows of 3 tiles × all planes in about
// six cache lines, where separate bitmaps would touch twice as many.
#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>
#include <vector>

#include "core/large_vector.hpp"
#include "core/neighbourhood.hpp"
#include "core/rng.hpp"
#include "core/select_bit.hpp"

namespace unrest::core {

// A neighbourhood as tile masks: for each position (x%8, y%8) of the centre within its tile,
// the masks of the tiles the neighbourhood covers. Built once per neighbourhood.
class TileMasks {
 public:
  TileMasks() = default;
  explicit TileMasks(const Neighbourhood& n);

  // Neighbourhoods reaching further than this are counted row by row instead.
  static constexpr int kMaxReach = 31;
  static constexpr int kMaxSpan = (kMaxReach * 2 + 1 + 7) / 8 + 1;
  int reach() const { return reach_; }

 private:
  friend class SiteBitmap;
  struct Offset {
    int first_tile = 0;  // tile of the leftmost (topmost) covered site, relative to the centre's
    int tiles = 0;       // tiles covered along this axis
  };
  bool usable_ = false;
  int reach_ = 0;
  int span_ = 0;  // tiles per axis in the mask table: every centre is visited as span × span
  Offset axis_[8];
  std::vector<std::uint64_t> masks_;  // [oy][ox][j][i], span_ × span_ per (ox, oy); 0 if unused
  Neighbourhood neighbourhood_;       // for centres near the torus seam
};

// One plane of a multi-plane bitmap.
struct Plane {
  int index = 0;
};

class SiteBitmap {
 public:
  SiteBitmap() = default;
  SiteBitmap(int width, int height, int planes = 1);

  int width() const { return width_; }
  int height() const { return height_; }

  bool test(Plane p, int x, int y) const { return (words_[word_of(p, x, y)] >> bit_of(x, y)) & 1u; }
  void set(Plane p, int x, int y) { words_[word_of(p, x, y)] |= std::uint64_t{1} << bit_of(x, y); }
  void clear(Plane p, int x, int y) {
    words_[word_of(p, x, y)] &= ~(std::uint64_t{1} << bit_of(x, y));
  }
  // The same by site index y*width + x.
  bool test(Plane p, std::uint32_t site) const { return test(p, x_of(site), y_of(site)); }
  void set(Plane p, std::uint32_t site) { set(p, x_of(site), y_of(site)); }
  void clear(Plane p, std::uint32_t site) { clear(p, x_of(site), y_of(site)); }
  // Plane 0, for single-plane bitmaps.
  bool test(int x, int y) const { return test(Plane{}, x, y); }
  void set(int x, int y) { set(Plane{}, x, y); }
  void clear(int x, int y) { clear(Plane{}, x, y); }
  bool test(std::uint32_t site) const { return test(Plane{}, site); }
  void set(std::uint32_t site) { set(Plane{}, site); }
  void clear(std::uint32_t site) { clear(Plane{}, site); }

  // Hints the cache to fetch the words (all planes) a neighbourhood of `reach` around (x, y)
  // will read: both ends of each tile row's span, which lies in at most two cache lines.
  void prefetch(int x, int y, int reach) const {
    const std::size_t first = static_cast<std::size_t>(std::max(x - reach, 0) >> 3) * planes_;
    const std::size_t last =
        static_cast<std::size_t>(std::min(x + reach, width_ - 1) >> 3) * planes_ + planes_ - 1;
    const int last_row = std::min(y + reach, height_ - 1) >> 3;
    for (int ty = std::max(y - reach, 0) >> 3; ty <= last_row; ++ty) {
      const std::uint64_t* row = &words_[static_cast<std::size_t>(ty) * row_stride_];
      __builtin_prefetch(row + first);
      __builtin_prefetch(row + last);
    }
  }

  // Set bits among the `length` sites of row y starting at column x (both may wrap).
  int count_row(Plane p, int y, int x, int length) const;
  int count_row(int y, int x, int length) const { return count_row(Plane{}, y, x, length); }
  // Set bits within the neighbourhood centred on (x, y), centre included.
  int count(const TileMasks& masks, Plane p, int x, int y) const;
  int count(const Neighbourhood& n, Plane p, int x, int y) const;
  int count(const Neighbourhood& n, int x, int y) const { return count(n, Plane{}, x, y); }
  // Whether the tile-mask fast paths apply: the neighbourhood does not cross the torus seam.
  bool interior(const TileMasks& masks, int x, int y) const {
    const int r = masks.reach_;
    return masks.usable_ && x >= r && y >= r && x + r < width_ && y + r < height_;
  }
  // Both counts of an interior neighbourhood in one pass over its tiles.
  void count_interior(const TileMasks& masks, Plane a, Plane b, int x, int y, int& in_a,
                      int& in_b) const;
  // A uniformly chosen clear (or set) site of an interior neighbourhood, written to (x, y);
  // returns how many there were (0: none, x and y unchanged). One draw from `stream`.
  int pick_clear_interior(const TileMasks& masks, Plane p, int& x, int& y, Stream& stream) const {
    return pick_interior(masks, p, x, y, stream, ~std::uint64_t{0});
  }
  int pick_set_interior(const TileMasks& masks, Plane p, int& x, int& y, Stream& stream) const {
    return pick_interior(masks, p, x, y, stream, 0);
  }

  // The site of the k-th set bit (0-based) of the neighbourhood, scanning its row spans in
  // order, left to right; UINT32_MAX if there are not that many.
  std::uint32_t nth_set(const Neighbourhood& n, Plane p, int x, int y, int k) const;
  std::uint32_t nth_set(const Neighbourhood& n, int x, int y, int k) const {
    return nth_set(n, Plane{}, x, y, k);
  }
  // Total set bits.
  std::uint64_t count_all(Plane p = {}) const;

 private:
  // The first word of the tile row holding the interior neighbourhood's j-th covered tile
  // row, and the mask table entry for the centre.
  const std::uint64_t* first_word(const TileMasks& masks, int x, int y) const {
    const TileMasks::Offset& ax = masks.axis_[x & 7];
    const TileMasks::Offset& ay = masks.axis_[y & 7];
    return &words_[static_cast<std::size_t>((y >> 3) + ay.first_tile) * row_stride_ +
                   static_cast<std::size_t>((x >> 3) + ax.first_tile) * planes_];
  }
  static const std::uint64_t* mask_table(const TileMasks& masks, int x, int y) {
    const auto cells = static_cast<std::size_t>(masks.span_ * masks.span_);
    return &masks.masks_[static_cast<std::size_t>(((y & 7) << 3) | (x & 7)) * cells];
  }
  template <int kSpan, int kPlanes>
  void count_interior_impl(const TileMasks& masks, Plane a, Plane b, int x, int y, int& in_a,
                           int& in_b) const;
  template <int kSpan, int kPlanes>
  int pick_interior_impl(const TileMasks& masks, Plane p, int& x, int& y, Stream& stream,
                         std::uint64_t flip) const;
  // `flip` is all ones to pick among clear bits, zero to pick among set bits.
  int pick_interior(const TileMasks& masks, Plane p, int& x, int& y, Stream& stream,
                    std::uint64_t flip) const;
  int x_of(std::uint32_t site) const {
    return static_cast<int>(site % static_cast<std::uint32_t>(width_));
  }
  int y_of(std::uint32_t site) const {
    return static_cast<int>(site / static_cast<std::uint32_t>(width_));
  }
  std::size_t word_of(Plane p, int x, int y) const {
    return static_cast<std::size_t>(y >> 3) * row_stride_ +
           static_cast<std::size_t>(x >> 3) * planes_ + static_cast<std::size_t>(p.index);
  }
  static unsigned bit_of(int x, int y) { return static_cast<unsigned>(((y & 7) << 3) | (x & 7)); }
  int wrap_x(int x) const { return ((x % width_) + width_) % width_; }
  int wrap_y(int y) const { return ((y % height_) + height_) % height_; }

  int width_ = 0;
  int height_ = 0;
  std::size_t planes_ = 1;
  std::size_t row_stride_ = 0;        // words per tile row: tiles per row × planes
  LargeVector<std::uint64_t> words_;  // huge pages: the rules read it at random
};

// The interior paths are inline: they are the hot path of every activation, and inlined into
// it they measured 5 % faster than called across translation units.
//
// The interior loops, with the tile span and plane count as compile-time constants where
// they match the common case (vision up to 7 covers at most 3 × 3 tiles; Model I has three
// planes), so that the loops unroll and the tile index needs no division. kSpan = 0 and
// kPlanes = 0 mean "read them at run time".
template <int kSpan, int kPlanes>
inline void SiteBitmap::count_interior_impl(const TileMasks& masks, Plane a, Plane b, int x, int y,
                                            int& in_a, int& in_b) const {
  const int span = kSpan > 0 ? kSpan : masks.span_;
  const std::size_t planes = kPlanes > 0 ? static_cast<std::size_t>(kPlanes) : planes_;
  const int last_i = masks.axis_[x & 7].tiles - 1;
  const int last_j = masks.axis_[y & 7].tiles - 1;
  const std::uint64_t* first = first_word(masks, x, y);
  const std::uint64_t* m = mask_table(masks, x, y);
  int total_a = 0;
  int total_b = 0;
  for (int j = 0; j < span; ++j) {
    const std::uint64_t* row = first + static_cast<std::size_t>(std::min(j, last_j)) * row_stride_;
    for (int i = 0; i < span; ++i, ++m) {
      const std::uint64_t* tile = row + static_cast<std::size_t>(std::min(i, last_i)) * planes;
      total_a += std::popcount(tile[a.index] & *m);
      total_b += std::popcount(tile[b.index] & *m);
    }
  }
  in_a = total_a;
  in_b = total_b;
}

inline void SiteBitmap::count_interior(const TileMasks& masks, Plane a, Plane b, int x, int y,
                                       int& in_a, int& in_b) const {
  if (masks.span_ == 3 && planes_ == 3)
    return count_interior_impl<3, 3>(masks, a, b, x, y, in_a, in_b);
  count_interior_impl<0, 0>(masks, a, b, x, y, in_a, in_b);
}

template <int kSpan, int kPlanes>
inline int SiteBitmap::pick_interior_impl(const TileMasks& masks, Plane p, int& x, int& y,
                                          Stream& stream, std::uint64_t flip) const {
  // Gather the candidate bits of each tile once, then choose among them.
  constexpr int kMaxTiles = TileMasks::kMaxSpan * TileMasks::kMaxSpan;
  std::uint64_t candidates[kMaxTiles];
  const int span = kSpan > 0 ? kSpan : masks.span_;
  const std::size_t planes = kPlanes > 0 ? static_cast<std::size_t>(kPlanes) : planes_;
  const int last_i = masks.axis_[x & 7].tiles - 1;
  const int last_j = masks.axis_[y & 7].tiles - 1;
  const std::uint64_t* first = first_word(masks, x, y) + p.index;
  const std::uint64_t* m = mask_table(masks, x, y);
  int tiles = 0;
  int total = 0;
  for (int j = 0; j < span; ++j) {
    const std::uint64_t* row = first + static_cast<std::size_t>(std::min(j, last_j)) * row_stride_;
    for (int i = 0; i < span; ++i, ++tiles) {
      const std::uint64_t c =
          (row[static_cast<std::size_t>(std::min(i, last_i)) * planes] ^ flip) & m[tiles];
      candidates[tiles] = c;
      total += std::popcount(c);
    }
  }
  if (total == 0) return 0;
  const int k = static_cast<int>(stream.below(static_cast<std::uint32_t>(total)));
  // The chosen tile is the last with at most k candidates before it (it is never empty: the
  // tile after an empty one has as many before it). Scalar, with the counts recomputed: a
  // stored array of counts was vectorised into a wide reload of narrow stores, which stalls
  // on store forwarding.
  int t = 0;
  int before_t = 0;
  int seen = std::popcount(candidates[0]);
  for (int q = 1; q < tiles; ++q) {
    const bool reached = seen <= k;
    t = reached ? q : t;
    before_t = reached ? seen : before_t;
    seen += std::popcount(candidates[q]);
  }
  const int bit = nth_set_bit(candidates[t], k - before_t);
  const int tile_x = (x >> 3) + masks.axis_[x & 7].first_tile + t % span;
  const int tile_y = (y >> 3) + masks.axis_[y & 7].first_tile + t / span;
  x = tile_x * 8 + (bit & 7);
  y = tile_y * 8 + (bit >> 3);
  return total;
}

inline int SiteBitmap::pick_interior(const TileMasks& masks, Plane p, int& x, int& y,
                                     Stream& stream, std::uint64_t flip) const {
  if (masks.span_ == 3 && planes_ == 3)
    return pick_interior_impl<3, 3>(masks, p, x, y, stream, flip);
  return pick_interior_impl<0, 0>(masks, p, x, y, stream, flip);
}

}  // namespace unrest::core
