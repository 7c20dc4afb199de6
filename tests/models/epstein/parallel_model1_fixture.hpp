// Shared by the ParallelModelI tests: run-2-like parameters, agents placed by hand, a stepping
// harness with its own thread pool, and a check of every invariant of a LatticeWorld.
#pragma once

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <memory>
#include <vector>

#include "core/row_bands.hpp"
#include "core/thread_pool.hpp"
#include "models/epstein/model1_fixture.hpp"
#include "models/epstein/parallel_model1.hpp"
#include "models/epstein/placement.hpp"

namespace unrest::epstein::parallel_testing {

// Epstein's run 2 (the ModelIParams defaults: citizens 0.7, cops 0.04, vision 7, L 0.82,
// J_max 30) on a size × size lattice.
inline ModelIParams run2_params(int size) {
  ModelIParams p;
  p.width = size;
  p.height = size;
  return p;
}

// No agents, nobody moves: a stage for hand-made worlds (the reference tests' stage, larger).
inline ModelIParams empty_params(int size = 20, double vision = 1.7) {
  return testing_support::empty_params(size, vision);
}

// A model with a pool and row bands of its own.
struct Stepper {
  explicit Stepper(unsigned threads) : pool(threads), rows(pool) {}
  std::uint64_t step(ParallelModelI& m, std::uint32_t period) { return m.step(period, rows); }
  Census census(const ParallelModelI& m) { return m.census(rows); }
  core::ThreadPool pool;
  core::RowBands rows;
};

// Puts an agent with a new id on an empty site and rebuilds the lattice. Returns its id.
inline std::uint32_t put(ParallelModelI& m, Occupant o, int x, int y, float hardship = 0.0f,
                         float risk = 0.0f) {
  LatticeWorld& w = m.mutable_world();
  const std::uint32_t s = w.site_at(x, y);
  EXPECT_EQ(w.occupant[s], Occupant::empty) << "test setup puts two agents on one site";
  w.occupant[s] = o;
  w.id[s] = w.next_id++;
  w.hardship[s] = hardship;
  w.risk_aversion[s] = risk;
  m.resync();
  return w.id[s];
}

// The site of the agent with `id` on the lattice (free, or jailed in place), or kNoSite.
inline std::uint32_t site_of(const LatticeWorld& w, std::uint32_t id) {
  for (std::uint32_t s = 0; s < w.site_count(); ++s) {
    if (w.occupant[s] != Occupant::empty && w.id[s] == id) return s;
  }
  return kNoSite;
}

inline std::uint64_t count_of(const LatticeWorld& w, Occupant o) {
  std::uint64_t n = 0;
  for (const Occupant x : w.occupant) n += x == o;
  return n;
}

// Every invariant a LatticeWorld must keep: each id 0..next_id-1 once, either on a site or in
// the dormant list (a stay_blocking prisoner in both, on the site it holds); citizens keep
// the hardship and risk aversion their id was born with (`seed`; ids below `first_citizen`
// are cops); dormant citizens have a term in [0, J_max] and a site, withdrawn cops none;
// the census agrees with a recount.
inline ::testing::AssertionResult consistent(const ParallelModelI& m, Stepper& stepper,
                                             std::uint64_t seed, std::uint32_t first_citizen) {
  const LatticeWorld& w = m.world();
  const bool blocking = m.params().jail_mode == JailMode::stay_blocking;
  std::vector<int> seen(w.next_id, 0);
  std::vector<int> jailed_in_place(w.next_id, 0);
  auto check_attributes = [&](std::uint32_t id, float h, float r) {
    const CitizenAttributes a = citizen_attributes(seed, id);
    return h == a.hardship && r == a.risk_aversion;
  };
  for (std::uint32_t s = 0; s < w.site_count(); ++s) {
    const Occupant o = w.occupant[s];
    if (o == Occupant::empty) continue;
    const std::uint32_t id = w.id[s];
    if (id >= w.next_id) return ::testing::AssertionFailure() << "id " << id << " not issued";
    if (o == Occupant::jailed) {
      if (!blocking) return ::testing::AssertionFailure() << "jailed occupant at " << s;
      ++jailed_in_place[id];
    } else {
      ++seen[id];
    }
    if ((o == Occupant::cop) != (id < first_citizen)) {
      return ::testing::AssertionFailure() << "agent " << id << " changed kind at site " << s;
    }
    if (o != Occupant::cop && !check_attributes(id, w.hardship[s], w.risk_aversion[s])) {
      return ::testing::AssertionFailure() << "citizen " << id << " lost its H or R";
    }
  }
  for (const DormantAgent& d : w.dormant) {
    if (d.id >= w.next_id) return ::testing::AssertionFailure() << "dormant id " << d.id;
    ++seen[d.id];
    if ((d.kind == AgentKind::cop) != (d.id < first_citizen)) {
      return ::testing::AssertionFailure() << "dormant " << d.id << " has the wrong kind";
    }
    if (d.kind == AgentKind::cop) {
      if (d.site != kNoSite) return ::testing::AssertionFailure() << "withdrawn cop with a site";
      continue;
    }
    if (!(d.jail_left >= 0.0f && d.jail_left <= m.params().max_jail_term)) {
      return ::testing::AssertionFailure() << "citizen " << d.id << " term " << d.jail_left;
    }
    if (d.site >= w.site_count()) return ::testing::AssertionFailure() << "prisoner's site";
    if (!check_attributes(d.id, d.hardship, d.risk_aversion)) {
      return ::testing::AssertionFailure() << "prisoner " << d.id << " lost its H or R";
    }
    if (blocking && (w.occupant[d.site] != Occupant::jailed || w.id[d.site] != d.id)) {
      return ::testing::AssertionFailure() << "prisoner " << d.id << " not on its site";
    }
    if (blocking) --jailed_in_place[d.id];
  }
  for (std::uint32_t id = 0; id < w.next_id; ++id) {
    if (seen[id] != 1)
      return ::testing::AssertionFailure() << "agent " << id << " held " << seen[id] << " times";
    if (jailed_in_place[id] != 0)
      return ::testing::AssertionFailure() << "prisoner " << id << " in place without a term";
  }
  const Census c = stepper.census(m);
  std::uint64_t jailed = 0;
  for (const DormantAgent& d : w.dormant) jailed += d.kind == AgentKind::citizen;
  if (c.quiet != count_of(w, Occupant::quiet) || c.active != count_of(w, Occupant::active) ||
      c.cops != count_of(w, Occupant::cop) || c.jailed != jailed) {
    return ::testing::AssertionFailure() << "census " << c.quiet << "/" << c.active << "/" << c.cops
                                         << "/" << c.jailed << " disagrees with a recount";
  }
  return ::testing::AssertionSuccess();
}

}  // namespace unrest::epstein::parallel_testing
