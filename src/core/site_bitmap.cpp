#include "core/site_bitmap.hpp"

#include <array>

namespace unrest::core {
namespace {

int floor_div8(int v) {
  return v >= 0 ? v / 8 : -((-v + 7) / 8);
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

SiteBitmap::SiteBitmap(int width, int height, int planes)
    : width_(width),
      height_(height),
      planes_(static_cast<std::size_t>(planes)),
      row_stride_(static_cast<std::size_t>((width + 7) / 8) * planes_),
      words_(row_stride_ * static_cast<std::size_t>((height + 7) / 8), 0) {}

int SiteBitmap::count_row(Plane p, int y, int x, int length) const {
  y = wrap_y(y);
  x = wrap_x(x);
  const unsigned row_shift = static_cast<unsigned>(y & 7) * 8;
  const std::size_t row_base =
      static_cast<std::size_t>(y >> 3) * row_stride_ + static_cast<std::size_t>(p.index);
  int total = 0;
  while (length > 0) {
    // Up to the end of this tile or of the lattice row, whichever is first.
    const int in_tile = std::min({length, 8 - (x & 7), width_ - x});
    const auto byte = static_cast<unsigned>(
        (words_[row_base + static_cast<std::size_t>(x >> 3) * planes_] >> row_shift) & 0xFFu);
    const unsigned mask = ((1u << in_tile) - 1u) << (x & 7);
    total += std::popcount(byte & mask);
    length -= in_tile;
    x += in_tile;
    if (x == width_) x = 0;
  }
  return total;
}

// The interior paths visit span × span tiles row-major whatever the centre's position in its
// tile (fixed trip counts, no mispredictions); a tile past the covered ones re-reads the last
// covered tile of its row or column, whose mask there is zero.

int SiteBitmap::count(const TileMasks& masks, Plane p, int x, int y) const {
  if (!interior(masks, x, y)) return count(masks.neighbourhood_, p, x, y);
  int in_p = 0;
  int unused = 0;
  count_interior(masks, p, p, x, y, in_p, unused);
  return in_p;
}

int SiteBitmap::count(const Neighbourhood& n, Plane p, int x, int y) const {
  int total = 0;
  for (const RowSpan& s : n.spans())
    total += count_row(p, y + s.dy, x - s.half_width, 2 * s.half_width + 1);
  return total;
}

std::uint32_t SiteBitmap::nth_set(const Neighbourhood& n, Plane p, int x, int y, int k) const {
  for (const RowSpan& s : n.spans()) {
    const int yy = wrap_y(y + s.dy);
    for (int dx = -s.half_width; dx <= s.half_width; ++dx) {
      const int xx = wrap_x(x + dx);
      if (test(p, xx, yy) && k-- == 0) {
        return static_cast<std::uint32_t>(yy) * static_cast<std::uint32_t>(width_) +
               static_cast<std::uint32_t>(xx);
      }
    }
  }
  return UINT32_MAX;
}

std::uint64_t SiteBitmap::count_all(Plane p) const {
  std::uint64_t total = 0;
  for (std::size_t i = static_cast<std::size_t>(p.index); i < words_.size(); i += planes_)
    total += static_cast<std::uint64_t>(std::popcount(words_[i]));
  return total;
}

}  // namespace unrest::core
