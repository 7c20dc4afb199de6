// Shared by the Model I tests: an empty world of a chosen size, agents placed by hand, and
// a check of every invariant the model must keep.
#pragma once

#include "models/epstein/model1.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/rng.hpp"
#include "engine/reference_scheduler.hpp"
#include "models/epstein/rules.hpp"

namespace unrest::epstein::testing_support {

// ---------------------------------------------------------------------------------------------
// Helpers: an empty world of a chosen size, agents placed by hand, and a consistency check.

inline ModelIParams empty_params(int size = 11, double vision = 1.7) {
  ModelIParams p;
  p.width = size;
  p.height = size;
  p.citizen_density = 0.0;
  p.cop_density = core::Schedule(0.0);
  p.citizen_vision = vision;
  p.cop_vision = vision;
  p.citizens_move = false;
  p.cops_move = false;
  p.legitimacy = core::Schedule(0.82);
  p.max_jail_term = 30.0;
  return p;
}

// Adds an agent in a new slot (id = slot) and rebuilds the lattice. Returns the slot.
inline std::uint32_t put(ModelI& m, AgentKind kind, int x, int y, Status status = Status::quiet,
                         float hardship = 0.0f, float risk = 0.0f) {
  World& w = m.mutable_world();
  const std::uint32_t slot = w.slot_count();
  const std::uint32_t site = w.site_at(x, y);
  EXPECT_FALSE(w.lattice.test(kBlocked, site)) << "test setup puts two actors on one site";
  w.id.push_back(slot);
  w.kind.push_back(kind);
  w.status.push_back(status);
  w.site.push_back(site);
  w.hardship.push_back(hardship);
  w.risk_aversion.push_back(risk);
  w.jail_left.push_back(0.0f);
  m.resync();
  return slot;
}

inline std::uint32_t put_citizen(ModelI& m, int x, int y, Status status = Status::quiet,
                                 float h = 0.0f, float r = 0.0f) {
  return put(m, AgentKind::citizen, x, y, status, h, r);
}
inline std::uint32_t put_cop(ModelI& m, int x, int y) {
  return put(m, AgentKind::cop, x, y);
}

// Jails a free citizen by hand, as arrest() leaves it.
inline void jail(ModelI& m, std::uint32_t slot, double term) {
  World& w = m.mutable_world();
  w.status[slot] = Status::jailed;
  w.jail_left[slot] = static_cast<float>(term);
  m.resync();
}

inline int jailed_count(const ModelI& m) {
  return static_cast<int>(
      std::count(m.world().status.begin(), m.world().status.end(), Status::jailed));
}

inline std::vector<std::uint32_t> jailed_slots(const ModelI& m) {
  std::vector<std::uint32_t> out;
  for (std::uint32_t s = 0; s < m.world().slot_count(); ++s) {
    if (m.world().status[s] == Status::jailed) out.push_back(s);
  }
  return out;
}

inline bool is_free(Status s) {
  return s == Status::quiet || s == Status::active;
}

// The slot of the free actor (or stay_blocking prisoner) standing on `site`, or kNoSite.
inline std::uint32_t holder_of(const ModelI& m, std::uint32_t site) {
  const World& w = m.world();
  for (std::uint32_t s = 0; s < w.slot_count(); ++s) {
    const bool holds = is_free(w.status[s]) || (w.status[s] == Status::jailed &&
                                                m.params().jail_mode == JailMode::stay_blocking);
    if (holds && w.site[s] == site) return s;
  }
  return kNoSite;
}

// Every invariant of World that the model must keep: ids are a permutation, one free actor per
// site, the three bitmaps and the active-site map agree with each slot's site, kind and status,
// and jailed citizens sit where their jail mode puts them.
inline testing::AssertionResult consistent(const ModelI& m) {
  const World& w = m.world();
  const JailMode mode = m.params().jail_mode;
  const std::uint32_t n = w.slot_count();
  const std::uint32_t sites = w.site_count();
  if (w.kind.size() != n || w.status.size() != n || w.site.size() != n || w.hardship.size() != n ||
      w.risk_aversion.size() != n || w.jail_left.size() != n) {
    return testing::AssertionFailure() << "slot array sizes disagree";
  }
  std::vector<std::uint32_t> ids(w.id.begin(), w.id.end());
  std::sort(ids.begin(), ids.end());
  for (std::uint32_t i = 0; i < n; ++i) {
    if (ids[i] != i) return testing::AssertionFailure() << "ids are not 0..n-1";
  }
  std::vector<std::uint32_t> holder(sites, kNoSite);
  std::uint64_t free_cops = 0;
  std::uint64_t actives = 0;
  for (std::uint32_t slot = 0; slot < n; ++slot) {
    const Status s = w.status[slot];
    const std::uint32_t site = w.site[slot];
    const bool holds = is_free(s) || (s == Status::jailed && mode == JailMode::stay_blocking);
    if (s == Status::jailed && w.kind[slot] != AgentKind::citizen) {
      return testing::AssertionFailure() << "jailed cop in slot " << slot;
    }
    if (s == Status::withdrawn && w.kind[slot] != AgentKind::cop) {
      return testing::AssertionFailure() << "withdrawn citizen in slot " << slot;
    }
    if (s == Status::active && w.kind[slot] == AgentKind::cop) {
      return testing::AssertionFailure() << "active cop in slot " << slot;
    }
    if (!holds) continue;
    if (site >= sites) return testing::AssertionFailure() << "slot " << slot << " off the lattice";
    if (holder[site] != kNoSite) {
      return testing::AssertionFailure()
             << "slots " << holder[site] << " and " << slot << " share site " << site;
    }
    holder[site] = slot;
    if (is_free(s)) {
      free_cops += w.kind[slot] == AgentKind::cop;
      actives += s == Status::active;
      if (s == Status::active && w.active_slot.find(site) != slot) {
        return testing::AssertionFailure()
               << "active map does not point site " << site << " to slot " << slot;
      }
    }
  }
  for (std::uint32_t site = 0; site < sites; ++site) {
    const std::uint32_t h = holder[site];
    const bool cop = h != kNoSite && is_free(w.status[h]) && w.kind[h] == AgentKind::cop;
    const bool active = h != kNoSite && w.status[h] == Status::active;
    if (w.lattice.test(kBlocked, site) != (h != kNoSite)) {
      return testing::AssertionFailure() << "blocked bit wrong at site " << site;
    }
    if (w.lattice.test(kCops, site) != cop)
      return testing::AssertionFailure() << "cop bit wrong at " << site;
    if (w.lattice.test(kActives, site) != active) {
      return testing::AssertionFailure() << "active bit wrong at " << site;
    }
  }
  if (w.active_slot.size() != actives) {
    return testing::AssertionFailure()
           << "active map holds " << w.active_slot.size() << " sites for " << actives << " actives";
  }
  if (w.lattice.count_all(kCops) != free_cops)
    return testing::AssertionFailure() << "cop bitmap count";
  return testing::AssertionSuccess();
}

inline double distance2(const World& w, std::uint32_t a, std::uint32_t b) {
  int dx = std::abs(w.x_of(a) - w.x_of(b));
  int dy = std::abs(w.y_of(a) - w.y_of(b));
  dx = std::min(dx, w.width - dx);
  dy = std::min(dy, w.height - dy);
  return dx * dx + dy * dy;
}

}  // namespace unrest::epstein::testing_support
