// The state of Model I for the parallel scheduler, site-major: every array is indexed by site,
// so a phase that sweeps the lattice row by row streams through agent data and through the
// neighbourhoods it reads, and a row band can be given to one thread. An agent's record (id,
// hardship, risk aversion) travels with it when it moves. Agents off the lattice (jailed
// citizens, and withdrawn cops) wait in a dormant list; in the Mesa jail mode a jailed citizen
// keeps its site, marked `jailed`, and also has a dormant entry for its term.
#pragma once

#include <cstdint>
#include <vector>

#include "core/large_vector.hpp"
#include "core/rng.hpp"
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

inline bool is_free_citizen(Occupant o) {
  return o == Occupant::quiet || o == Occupant::active;
}

}  // namespace unrest::epstein
