#include "models/epstein/lattice_queries.hpp"

#include "models/epstein/world.hpp"

namespace unrest::epstein {
namespace {

constexpr int kNearbyTries = 16;  // rejection draws before enumerating a neighbourhood

void offset_site(const core::SiteBitmap& lattice, int x, int y, core::Offset o, int& tx, int& ty) {
  tx = x + o.dx;
  ty = y + o.dy;
  if (tx < 0) tx += lattice.width();
  if (tx >= lattice.width()) tx -= lattice.width();
  if (ty < 0) ty += lattice.height();
  if (ty >= lattice.height()) ty -= lattice.height();
}

}  // namespace

bool empty_site_near(const core::SiteBitmap& lattice, const View& view, int& x, int& y,
                     core::Stream& stream) {
  const auto& offsets = view.neighbourhood.offsets();
  if (offsets.empty()) return false;
  if (lattice.interior(view.masks, x, y)) {
    // Away from the seam: count the empty sites with the tile masks, then take a uniform one.
    return lattice.pick_clear_interior(view.masks, kBlocked, x, y, stream) != 0;
  }
  const auto size = static_cast<std::uint32_t>(offsets.size());
  int tx = 0;
  int ty = 0;
  // Rejection sampling is uniform over the empty sites; after a few misses, enumerate.
  for (int t = 0; t < kNearbyTries; ++t) {
    offset_site(lattice, x, y, offsets[stream.below(size)], tx, ty);
    if (!lattice.test(kBlocked, tx, ty)) {
      x = tx;
      y = ty;
      return true;
    }
  }
  std::uint32_t empty = 0;
  for (const core::Offset o : offsets) {
    offset_site(lattice, x, y, o, tx, ty);
    empty += !lattice.test(kBlocked, tx, ty);
  }
  if (empty == 0) return false;
  std::uint32_t k = stream.below(empty);
  for (const core::Offset o : offsets) {
    offset_site(lattice, x, y, o, tx, ty);
    if (!lattice.test(kBlocked, tx, ty) && k-- == 0) {
      x = tx;
      y = ty;
      return true;
    }
  }
  return false;
}

void count_in_view(const core::SiteBitmap& lattice, const View& view, int x, int y, int& cops,
                   int& actives) {
  cops = 0;
  actives = 0;
  if (lattice.interior(view.masks, x, y)) {
    lattice.count_interior(view.masks, kCops, kActives, x, y, cops, actives);
    return;
  }
  cops = lattice.count(view.masks, kCops, x, y);
  if (cops > 0) actives = lattice.count(view.masks, kActives, x, y);
}

bool active_near(const core::SiteBitmap& lattice, const View& view, int& x, int& y,
                 core::Stream& stream) {
  if (lattice.interior(view.masks, x, y)) {
    return lattice.pick_set_interior(view.masks, kActives, x, y, stream) != 0;
  }
  const int in_view = lattice.count(view.neighbourhood, kActives, x, y);
  if (in_view == 0) return false;
  const auto k = static_cast<int>(stream.below(static_cast<std::uint32_t>(in_view)));
  const std::uint32_t site = lattice.nth_set(view.neighbourhood, kActives, x, y, k);
  x = static_cast<int>(site % static_cast<std::uint32_t>(lattice.width()));
  y = static_cast<int>(site / static_cast<std::uint32_t>(lattice.width()));
  return true;
}

}  // namespace unrest::epstein
