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
  std::uint32_t site_at(int x, int y) const {
    return static_cast<std::uint32_t>(y) * static_cast<std::uint32_t>(width) +
           static_cast<std::uint32_t>(x);
  }
};

inline bool is_free_citizen(Occupant o) {
  return o == Occupant::quiet || o == Occupant::active;
}

}  // namespace unrest::epstein
