// What an agent sees on Model I's lattice planes (kBlocked, kCops, kActives) around its site,
// shared by both schedulers: a uniformly chosen empty site to move to, the cops and actives in
// view, a uniformly chosen active citizen to arrest. Tile masks away from the torus seam,
// plain neighbourhood offsets across it; read-only. Inline: they sit on the hot path of
// every activation.
#pragma once

#include "core/neighbourhood.hpp"
#include "core/rng.hpp"
#include "core/site_bitmap.hpp"
#include "models/epstein/world.hpp"

namespace unrest::epstein {

struct View {
  explicit View(const core::Neighbourhood& n) : neighbourhood(n), masks(n) {}
  core::Neighbourhood neighbourhood;
  core::TileMasks masks;
};

namespace detail {

inline constexpr int kNearbyTries = 16;  // rejection draws before enumerating a neighbourhood

inline void offset_site(const core::SiteBitmap& lattice, int x, int y, core::Offset o, int& tx,
                        int& ty) {
  tx = x + o.dx;
  ty = y + o.dy;
  if (tx < 0) tx += lattice.width();
  if (tx >= lattice.width()) tx -= lattice.width();
  if (ty < 0) ty += lattice.height();
  if (ty >= lattice.height()) ty -= lattice.height();
}

}  // namespace detail

// A uniformly chosen empty site within view of (x, y), written to (x, y); false if none.
// (x, y) itself must be blocked (it holds the mover), or it may be chosen.
inline bool empty_site_near(const core::SiteBitmap& lattice, const View& view, int& x, int& y,
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
  for (int t = 0; t < detail::kNearbyTries; ++t) {
    detail::offset_site(lattice, x, y, offsets[stream.below(size)], tx, ty);
    if (!lattice.test(kBlocked, tx, ty)) {
      x = tx;
      y = ty;
      return true;
    }
  }
  std::uint32_t empty = 0;
  for (const core::Offset o : offsets) {
    detail::offset_site(lattice, x, y, o, tx, ty);
    empty += !lattice.test(kBlocked, tx, ty);
  }
  if (empty == 0) return false;
  std::uint32_t k = stream.below(empty);
  for (const core::Offset o : offsets) {
    detail::offset_site(lattice, x, y, o, tx, ty);
    if (!lattice.test(kBlocked, tx, ty) && k-- == 0) {
      x = tx;
      y = ty;
      return true;
    }
  }
  return false;
}

// Cops in view of (x, y), and actives (counting (x, y) itself). `actives` is only meaningful
// when there is a cop in view: the rule needs it only then, and across the seam it is not
// counted otherwise.
inline void count_in_view(const core::SiteBitmap& lattice, const View& view, int x, int y,
                          int& cops, int& actives) {
  cops = 0;
  actives = 0;
  if (lattice.interior(view.masks, x, y)) {
    lattice.count_interior(view.masks, kCops, kActives, x, y, cops, actives);
    return;
  }
  cops = lattice.count(view.masks, kCops, x, y);
  if (cops > 0) actives = lattice.count(view.masks, kActives, x, y);
}

// A uniformly chosen active citizen within view of (x, y), written to (x, y); false if none.
inline bool active_near(const core::SiteBitmap& lattice, const View& view, int& x, int& y,
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

// A uniformly chosen site of `plane` within view of (x, y), written to (x, y); false if none.
// Model II's killing: a member of the other group in view.
inline bool member_near(const core::SiteBitmap& lattice, const View& view, core::Plane plane,
                        int& x, int& y, core::Stream& stream) {
  if (lattice.interior(view.masks, x, y)) {
    return lattice.pick_set_interior(view.masks, plane, x, y, stream) != 0;
  }
  const int in_view = lattice.count(view.neighbourhood, plane, x, y);
  if (in_view == 0) return false;
  const auto k = static_cast<int>(stream.below(static_cast<std::uint32_t>(in_view)));
  const std::uint32_t site = lattice.nth_set(view.neighbourhood, plane, x, y, k);
  x = static_cast<int>(site % static_cast<std::uint32_t>(lattice.width()));
  y = static_cast<int>(site / static_cast<std::uint32_t>(lattice.width()));
  return true;
}

}  // namespace unrest::epstein
