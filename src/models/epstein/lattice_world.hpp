// The state of Model I for the parallel scheduler, site-major: every array is indexed by site,
// so a phase that sweeps the lattice row by row streams through agent data and through the
// neighbourhoods it reads, and a row band can be given to one thread. An agent's record (id,
// hardship, risk aversion) travels with it when it moves. Agents off the lattice (jailed
// citizens, and withdrawn cops) wait in a dormant list; in the Mesa jail mode a jailed citizen
// keeps its site, marked `jailed`, and also has a dormant entry for its term. Below the state,
// what both site-major models (Model I parallel, Model II) do the same way: empty-site draws,
// the cop schedule's withdrawals, an action change, the blocks and the waves' order.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>
#include <vector>

#include "core/large_vector.hpp"
#include "core/rng.hpp"
#include "core/row_bands.hpp"
#include "core/site_bitmap.hpp"
#include "models/epstein/world.hpp"

namespace unrest::epstein {

// What stands on a site.
enum class Occupant : std::uint8_t { empty = 0, quiet = 1, active = 2, cop = 3, jailed = 4 };

struct DormantAgent {
  std::uint32_t id = 0;
  std::uint32_t site = kNoSite;  // its last site (jailed where arrested; withdrawn cops: none)
  float hardship = 0.0f;
  float risk_aversion = 0.0f;
  float jail_left = 0.0f;  // periods left; +inf for life; unused for withdrawn cops
  AgentKind kind = AgentKind::citizen;
};

// A site with its coordinates, so that an activation divides by the width only once.
struct SitePosition {
  std::uint32_t site;
  int x;
  int y;
};

// The low byte of a period, kept per site by the site-major models: "this agent has acted in
// this period".
inline std::uint8_t activation_stamp(std::uint32_t period) {
  return static_cast<std::uint8_t>(period & 0xFFu);
}

struct LatticeWorld {
  int width = 0;
  int height = 0;

  // Per site.
  core::LargeVector<Occupant> occupant;
  core::LargeVector<std::uint32_t> id;
  core::LargeVector<float> hardship;       // citizens only
  core::LargeVector<float> risk_aversion;  // citizens only

  std::vector<DormantAgent> dormant;  // in order of arrest or withdrawal
  std::uint32_t next_id = 0;          // ids issued so far

  std::uint32_t site_count() const {
    return static_cast<std::uint32_t>(width) * static_cast<std::uint32_t>(height);
  }
  // An empty width × height lattice: every per-site array sized, nobody on it.
  void make_empty(int lattice_width, int lattice_height) {
    width = lattice_width;
    height = lattice_height;
    const std::size_t sites = site_count();
    occupant.assign(sites, Occupant::empty);
    id.assign(sites, 0);
    hardship.assign(sites, 0.0f);
    risk_aversion.assign(sites, 0.0f);
  }
  std::uint32_t site_at(int x, int y) const {
    return static_cast<std::uint32_t>(y) * static_cast<std::uint32_t>(width) +
           static_cast<std::uint32_t>(x);
  }
  SitePosition position_of(std::uint32_t site) const {
    const auto y = site / static_cast<std::uint32_t>(width);
    return {site, static_cast<int>(site - y * static_cast<std::uint32_t>(width)),
            static_cast<int>(y)};
  }
};

inline constexpr int kAnywhereTries = 64;  // rejection draws before counting the whole lattice

// A uniformly chosen site among 0 .. sites - 1 where `is_empty` holds, or kNoSite if there is
// none: a few rejection draws first (a lattice is rarely nearly full), then a count and an
// exact draw, all from `stream`.
template <class IsEmpty>
std::uint32_t empty_site_where(std::uint32_t sites, core::Stream& stream, IsEmpty&& is_empty) {
  for (int t = 0; t < kAnywhereTries; ++t) {
    const std::uint32_t s = stream.below(sites);
    if (is_empty(s)) return s;
  }
  std::uint32_t empty = 0;
  for (std::uint32_t s = 0; s < sites; ++s) empty += is_empty(s) ? 1u : 0u;
  if (empty == 0) return kNoSite;
  std::uint32_t k = stream.below(empty);
  for (std::uint32_t s = 0; s < sites; ++s) {
    if (is_empty(s) && k-- == 0) return s;
  }
  return kNoSite;
}

// The same over the whole lattice's empty sites.
inline std::uint32_t empty_site_anywhere(const LatticeWorld& w, core::Stream& stream) {
  return empty_site_where(w.site_count(), stream,
                          [&](std::uint32_t s) { return w.occupant[s] == Occupant::empty; });
}

// The cop-density schedule's withdrawals, as both site-major models make them: the cops on
// duty as (id, site) in id order (so that the choices do not depend on where agents are
// stored), then, while more than `target` remain, one picked uniformly from `stream` is handed
// to withdraw(id, site). Returns those left on duty, in id order.
template <class Withdraw>
std::vector<std::pair<std::uint32_t, std::uint32_t>> withdraw_cops(const LatticeWorld& w,
                                                                   std::uint64_t target,
                                                                   core::Stream& stream,
                                                                   Withdraw&& withdraw) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> on_duty;
  for (std::uint32_t s = 0; s < w.site_count(); ++s) {
    if (w.occupant[s] == Occupant::cop) on_duty.emplace_back(w.id[s], s);
  }
  std::sort(on_duty.begin(), on_duty.end());
  while (on_duty.size() > target) {
    const std::uint32_t pick = stream.below(static_cast<std::uint32_t>(on_duty.size()));
    const auto [id, site] = on_duty[pick];
    on_duty.erase(on_duty.begin() + pick);
    withdraw(id, site);
  }
  return on_duty;
}

// A free citizen turns active or quiet: its occupant and its bit in the active plane.
inline void set_action(LatticeWorld& w, core::SiteBitmap& lattice, SitePosition at, bool active) {
  w.occupant[at.site] = active ? Occupant::active : Occupant::quiet;
  if (active) {
    lattice.set(kActives, at.x, at.y);
  } else {
    lattice.clear(kActives, at.x, at.y);
  }
}

// The site-major models' blocks (docs/engine.md): bands of rows and of columns of whole 8-site
// tiles, each at least 4 × reach + 16 sites, so that concurrent blocks never touch; or one
// block, the whole lattice (the reference's schedule).
struct BlockBands {
  std::vector<int> rows;     // row band starts, then the height
  std::vector<int> columns;  // column band starts, then the width
};
inline BlockBands block_bands(int width, int height, int reach, bool whole_lattice) {
  if (whole_lattice) return {{0, height}, {0, width}};
  return {core::RowBands::bands(height, 4 * reach + 16, 8),
          core::RowBands::bands(width, 4 * reach + 16, 8)};
}

// The order of the four waves of blocks in a period: a uniform permutation, fresh each period.
inline std::array<int, 4> wave_order(std::uint64_t seed, std::uint32_t period) {
  std::array<int, 4> waves{0, 1, 2, 3};
  core::Stream order(seed, core::Purpose::activation_order, 0, period);
  for (std::uint32_t i = 3; i > 0; --i) std::swap(waves[i], waves[order.below(i + 1)]);
  return waves;
}

inline bool is_free_citizen(Occupant o) {
  return o == Occupant::quiet || o == Occupant::active;
}

}  // namespace unrest::epstein
