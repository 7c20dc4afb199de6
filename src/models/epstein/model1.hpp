// Epstein's Model I: citizens and cops on a torus. This class owns a World and applies the
// rules to one agent at a time (activate), plus the once-per-period work (begin_period:
// schedules, jail countdown, releases). The order of activations belongs to a scheduler
// (engine/), which is what lets the same model run under different update schemes.
#pragma once

#include <cstdint>
#include <vector>

#include "core/neighbourhood.hpp"
#include "core/rng.hpp"
#include "models/epstein/params.hpp"
#include "models/epstein/world.hpp"

namespace unrest::epstein {

// Counts after a period, the measures of the spec.
struct Census {
  std::uint64_t quiet = 0;
  std::uint64_t active = 0;
  std::uint64_t jailed = 0;
  std::uint64_t cops = 0;
  double tension = 0.0;  // mean G of free citizens * quiet share / mean R of free citizens
  double legitimacy = 0.0;
};

class ModelI {
 public:
  ModelI(const ModelIParams& params, std::uint64_t seed);

  // Schedules for period t, then jail countdown and releases.
  void begin_period(std::uint32_t period);
  // Ids of the actors to activate this period (free citizens and cops on duty), ascending.
  void collect_actors(std::vector<std::uint32_t>& out) const;
  // Hints for the scheduler's look-ahead: agent data first, then the lattice around it.
  void prefetch_agent(std::uint32_t id) const;
  void prefetch_site(std::uint32_t id) const;
  // One activation: move and act (in the configured order). Skips agents jailed meanwhile.
  void activate(std::uint32_t id, std::uint32_t period);

  Census census() const;
  const World& world() const { return world_; }
  const ModelIParams& params() const { return params_; }
  double legitimacy() const { return legitimacy_; }

  // Test access: put the world in a chosen state.
  World& mutable_world() { return world_; }

 private:
  void place_initial_agents();
  std::uint32_t add_agent(AgentKind kind);
  void occupy(std::uint32_t id, std::uint32_t site);
  void vacate(std::uint32_t id);
  void set_active(std::uint32_t id, bool active);

  void move(std::uint32_t id, std::uint32_t period);
  void act_citizen(std::uint32_t id);
  void act_cop(std::uint32_t id, std::uint32_t period);
  void arrest(std::uint32_t citizen, std::uint32_t period);
  void release(std::uint32_t citizen, std::uint32_t period);
  void adjust_cops(std::uint32_t period);

  // A uniformly chosen empty site within `n` of `site`, or kNoAgent if none.
  std::uint32_t empty_site_near(std::uint32_t site, const core::Neighbourhood& n,
                                core::Stream& stream) const;
  // A uniformly chosen empty site anywhere, or kNoAgent if the lattice is full.
  std::uint32_t empty_site_anywhere(core::Stream& stream) const;
  std::uint32_t offset_site(std::uint32_t site, core::Offset o) const;

  ModelIParams params_;
  std::uint64_t seed_;
  core::Neighbourhood citizen_vision_;
  core::Neighbourhood cop_vision_;
  double legitimacy_;
  World world_;
};

// Estimated peak memory of a run, for the pre-flight check.
std::uint64_t estimate_memory_bytes(const ModelIParams& params);

}  // namespace unrest::epstein
