#include "core/site_bitmap.hpp"

namespace unrest::core {
namespace {

int floor_div8(int v) {
  return v >= 0 ? v / 8 : -((-v + 7) / 8);
}

// Index of the k-th lowest set bit of `bits` (k < popcount(bits)).
int nth_set_bit(std::uint64_t bits, int k) {
#if defined(__BMI2__)
  return std::countr_zero(__builtin_ia32_pdep_di(std::uint64_t{1} << k, bits));
#else
  // Skip whole bytes first, then bits: at most 8 + 8 steps.
  int base = 0;
  for (int c = std::popcount(bits & 0xFFu); k >= c; c = std::popcount(bits & 0xFFu)) {
    k -= c;
    bits >>= 8;
    base += 8;
  }
  for (; k > 0; --k) bits &= bits - 1;
  return base + std::countr_zero(bits);
#endif
}

}  // namespace

TileMasks::TileMasks(const Neighbourhood& n) : reach_(n.reach()), neighbourhood_(n) {
  usable_ = reach_ <= kMaxReach;
  if (!usable_) return;
  for (int o = 0; o < 8; ++o) {
    axis_[o].first_tile = floor_div8(o - reach_);
    axis_[o].tiles = floor_div8(o + reach_) - axis_[o].first_tile + 1;
    span_ = std::max(span_, axis_[o].tiles);
  }
  const auto cells = static_cast<std::size_t>(span_) * static_cast<std::size_t>(span_);
  masks_.assign(64 * cells, 0);
  for (int oy = 0; oy < 8; ++oy) {
    for (int ox = 0; ox < 8; ++ox) {
      std::uint64_t* m = &masks_[static_cast<std::size_t>(oy * 8 + ox) * cells];
      for (const RowSpan& s : n.spans()) {
        for (int dx = -s.half_width; dx <= s.half_width; ++dx) {
          const int px = ox + dx;
          const int py = oy + s.dy;
          const int i = floor_div8(px) - axis_[ox].first_tile;
          const int j = floor_div8(py) - axis_[oy].first_tile;
          const int bit = ((py & 7) << 3) | (px & 7);
          m[static_cast<std::size_t>(j * span_ + i)] |= std::uint64_t{1} << bit;
        }
      }
    }
  }
}

SiteBitmap::SiteBitmap(int width, int height)
    : width_(width),
      height_(height),
      tiles_per_row_(static_cast<std::size_t>((width + 7) / 8)),
      words_(tiles_per_row_ * static_cast<std::size_t>((height + 7) / 8), 0) {}

int SiteBitmap::count_row(int y, int x, int length) const {
  y = wrap_y(y);
  x = wrap_x(x);
  const unsigned row_shift = static_cast<unsigned>(y & 7) * 8;
  const std::size_t row_base = static_cast<std::size_t>(y >> 3) * tiles_per_row_;
  int total = 0;
  while (length > 0) {
    // Up to the end of this tile or of the lattice row, whichever is first.
    const int in_tile = std::min({length, 8 - (x & 7), width_ - x});
    const auto byte = static_cast<unsigned>(
        (words_[row_base + static_cast<std::size_t>(x >> 3)] >> row_shift) & 0xFFu);
    const unsigned mask = ((1u << in_tile) - 1u) << (x & 7);
    total += std::popcount(byte & mask);
    length -= in_tile;
    x += in_tile;
    if (x == width_) x = 0;
  }
  return total;
}

// Visits the covered tiles of an interior neighbourhood, row by row: fn(word, mask, i, j)
// returns false to stop early.
template <class Fn>
void SiteBitmap::for_each_tile(const TileMasks& masks, int x, int y, Fn&& fn) const {
  const TileMasks::Offset& ax = masks.axis_[x & 7];
  const TileMasks::Offset& ay = masks.axis_[y & 7];
  const auto span = static_cast<std::size_t>(masks.span_);
  const std::uint64_t* m =
      &masks.masks_[static_cast<std::size_t>(((y & 7) << 3) | (x & 7)) * span * span];
  const std::uint64_t* row =
      &words_[static_cast<std::size_t>((y >> 3) + ay.first_tile) * tiles_per_row_ +
              static_cast<std::size_t>((x >> 3) + ax.first_tile)];
  for (int j = 0; j < ay.tiles; ++j, row += tiles_per_row_, m += span) {
    for (int i = 0; i < ax.tiles; ++i) {
      if (!fn(row[i], m[i], i, j)) return;
    }
  }
}

int SiteBitmap::count(const TileMasks& masks, int x, int y) const {
  if (!interior(masks, x, y)) return count(masks.neighbourhood_, x, y);
  int total = 0;
  for_each_tile(masks, x, y, [&total](std::uint64_t word, std::uint64_t mask, int, int) {
    total += std::popcount(word & mask);
    return true;
  });
  return total;
}

int SiteBitmap::pick_interior(const TileMasks& masks, int& x, int& y, Stream& stream,
                              std::uint64_t flip) const {
  // Gather the candidate bits of each covered tile once, then choose among them.
  constexpr int kMaxTiles = (TileMasks::kMaxReach * 2 + 1 + 7) / 8 + 1;
  std::uint64_t candidates[kMaxTiles * kMaxTiles];
  int counts[kMaxTiles * kMaxTiles];
  int tiles = 0;
  int total = 0;
  for_each_tile(masks, x, y, [&](std::uint64_t word, std::uint64_t mask, int, int) {
    candidates[tiles] = (word ^ flip) & mask;
    counts[tiles] = std::popcount(candidates[tiles]);
    total += counts[tiles++];
    return true;
  });
  if (total == 0) return 0;
  int k = static_cast<int>(stream.below(static_cast<std::uint32_t>(total)));
  int t = 0;
  while (k >= counts[t]) k -= counts[t++];
  const int columns = masks.axis_[x & 7].tiles;
  const int bit = nth_set_bit(candidates[t], k);
  const int tile_x = (x >> 3) + masks.axis_[x & 7].first_tile + t % columns;
  const int tile_y = (y >> 3) + masks.axis_[y & 7].first_tile + t / columns;
  x = tile_x * 8 + (bit & 7);
  y = tile_y * 8 + (bit >> 3);
  return total;
}

int SiteBitmap::count(const Neighbourhood& n, int x, int y) const {
  int total = 0;
  for (const RowSpan& s : n.spans())
    total += count_row(y + s.dy, x - s.half_width, 2 * s.half_width + 1);
  return total;
}

std::uint32_t SiteBitmap::nth_set(const Neighbourhood& n, int x, int y, int k) const {
  for (const RowSpan& s : n.spans()) {
    const int yy = wrap_y(y + s.dy);
    for (int dx = -s.half_width; dx <= s.half_width; ++dx) {
      const int xx = wrap_x(x + dx);
      if (test(xx, yy) && k-- == 0) {
        return static_cast<std::uint32_t>(yy) * static_cast<std::uint32_t>(width_) +
               static_cast<std::uint32_t>(xx);
      }
    }
  }
  return UINT32_MAX;
}

std::uint64_t SiteBitmap::count_all() const {
  std::uint64_t total = 0;
  for (std::uint64_t w : words_) total += static_cast<std::uint64_t>(std::popcount(w));
  return total;
}

}  // namespace unrest::core
