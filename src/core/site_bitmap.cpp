#include "core/site_bitmap.hpp"

namespace unrest::core {

SiteBitmap::SiteBitmap(int width, int height)
    : width_(width),
      height_(height),
      words_(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) / 64 + 2, 0) {}

std::uint64_t SiteBitmap::bits(std::uint64_t first, int length) const {
  const std::size_t w = first >> 6;
  const unsigned b = first & 63u;
  std::uint64_t v = words_[w] >> b;
  if (b != 0) v |= words_[w + 1] << (64 - b);
  return length == 64 ? v : v & ((std::uint64_t{1} << length) - 1);
}

int SiteBitmap::count_row(int y, int x, int length) const {
  // Normalise onto the torus, then split a segment that wraps past the row end.
  y = ((y % height_) + height_) % height_;
  x = ((x % width_) + width_) % width_;
  const std::uint64_t row = static_cast<std::uint64_t>(y) * static_cast<std::uint64_t>(width_);
  int total = 0;
  while (length > 0) {
    const int run = std::min(length, std::min(width_ - x, 64));
    total += std::popcount(bits(row + static_cast<std::uint64_t>(x), run));
    length -= run;
    x += run;
    if (x == width_) x = 0;
  }
  return total;
}

int SiteBitmap::count(const Neighbourhood& n, int x, int y) const {
  const int reach = n.reach();
  int total = 0;
  if (reach < 32 && x >= reach && x + reach < width_ && y >= reach && y + reach < height_) {
    // Interior fast path: no wrap, every row segment fits one 64-bit read.
    const auto w = static_cast<std::int64_t>(width_);
    const std::int64_t centre = static_cast<std::int64_t>(y) * w + x;
    for (const RowSpan& s : n.spans()) {
      const std::int64_t first = centre + s.dy * w - s.half_width;
      total += std::popcount(bits(static_cast<std::uint64_t>(first), 2 * s.half_width + 1));
    }
    return total;
  }
  for (const RowSpan& s : n.spans()) total += count_row(y + s.dy, x - s.half_width, 2 * s.half_width + 1);
  return total;
}

std::uint32_t SiteBitmap::nth_set(const Neighbourhood& n, int x, int y, int k) const {
  for (const RowSpan& s : n.spans()) {
    const int yy = ((y + s.dy) % height_ + height_) % height_;
    for (int dx = -s.half_width; dx <= s.half_width; ++dx) {
      const int xx = ((x + dx) % width_ + width_) % width_;
      const auto site = static_cast<std::uint32_t>(yy * width_ + xx);
      if (test(site) && k-- == 0) return site;
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
