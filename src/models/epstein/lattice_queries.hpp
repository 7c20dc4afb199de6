// What an agent sees on Model I's lattice planes (kBlocked, kCops, kActives) around its site,
// shared by both schedulers: a uniformly chosen empty site to move to, the cops and actives in
// view, a uniformly chosen active citizen to arrest. Tile masks away from the torus seam,
// plain neighbourhood offsets across it; read-only.
#pragma once

#include "core/neighbourhood.hpp"
#include "core/rng.hpp"
#include "core/site_bitmap.hpp"

namespace unrest::epstein {

struct View {
  explicit View(const core::Neighbourhood& n) : neighbourhood(n), masks(n) {}
  core::Neighbourhood neighbourhood;
  core::TileMasks masks;
};

// A uniformly chosen empty site within view of (x, y), written to (x, y); false if none.
// (x, y) itself must be blocked (it holds the mover), or it may be chosen.
bool empty_site_near(const core::SiteBitmap& lattice, const View& view, int& x, int& y,
                     core::Stream& stream);

// Cops in view of (x, y), and actives (counting (x, y) itself). `actives` is only meaningful
// when there is a cop in view: the rule needs it only then, and across the seam it is not
// counted otherwise.
void count_in_view(const core::SiteBitmap& lattice, const View& view, int x, int y, int& cops,
                   int& actives);

// A uniformly chosen active citizen within view of (x, y), written to (x, y); false if none.
bool active_near(const core::SiteBitmap& lattice, const View& view, int& x, int& y,
                 core::Stream& stream);

}  // namespace unrest::epstein
