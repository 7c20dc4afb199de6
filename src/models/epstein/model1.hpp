// Epstein's Model I: citizens and cops on a torus. This class owns a World and applies the
// rules to one agent at a time (activate), plus the once-per-period work (begin_period:
// schedules, jail countdown, releases). The order of activations belongs to a scheduler
// (engine/), which permutes the slots with reorder() and then activates them in slot order.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "core/neighbourhood.hpp"
#include "core/rng.hpp"
#include "core/shuffle.hpp"
#include "core/site_bitmap.hpp"
#include "models/epstein/lattice_queries.hpp"
#include "models/epstein/params.hpp"
#include "models/epstein/rules.hpp"
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
  // Permutes the slots (the scheduler's fresh activation order).
  void reorder(const core::ShufflePlan& plan);
  // One activation of the agent in `slot`: move and act, in the configured order. Returns
  // false, doing nothing, if that agent is not free (jailed, possibly earlier this period).
  bool activate(std::uint32_t slot, std::uint32_t period);

  // Hints the cache about the lattice around the agent in `slot`, activated a little later.
  void prefetch(std::uint32_t slot) const;

  std::uint32_t slot_count() const { return world_.slot_count(); }
  // Slots the scheduler must order this period: the free agents. reorder() takes a plan of
  // exactly that size, puts them first in the plan's order and the dormant ones after them.
  std::uint32_t shuffle_count() const;
  Census census() const;
  const World& world() const { return world_; }
  const ModelIParams& params() const { return params_; }
  double legitimacy() const { return legitimacy_; }

  // Test access: put the world in a chosen state. After changing statuses or sites by hand,
  // call resync() to rebuild the lattice from the slot arrays.
  World& mutable_world() { return world_; }
  void resync();

 private:
  // A site with its coordinates, so that the hot path divides by the width only once.
  struct Position {
    std::uint32_t site;
    int x;
    int y;
  };
  static constexpr Position kNowhere{kNoSite, -1, -1};
  Position position_of(std::uint32_t site) const;

  void place_initial_agents();
  std::uint32_t add_agent(AgentKind kind);
  void occupy(std::uint32_t slot, Position at);
  void vacate(std::uint32_t slot, Position at);
  void set_active(std::uint32_t slot, bool active, Position at);

  Position move(std::uint32_t slot, std::uint32_t period, Position from);
  void act_citizen(std::uint32_t slot, Position at);
  void act_cop(std::uint32_t slot, std::uint32_t period, Position at);
  void arrest(std::uint32_t slot, Position at, std::uint32_t cop_id, std::uint32_t period);
  void release(std::uint32_t slot, std::uint32_t period);
  void adjust_cops(std::uint32_t period);

  // A uniformly chosen empty site within `n` of `at`, or one with site kNoSite if none.
  Position empty_site_near(Position at, const View& view, core::Stream& stream) const;
  // A uniformly chosen empty site anywhere, or one with site kNoSite if the lattice is full.
  Position empty_site_anywhere(core::Stream& stream) const;
  Position offset_site(Position at, core::Offset o) const;

  ModelIParams params_;
  std::uint64_t seed_;
  View citizen_view_;
  View cop_view_;
  ArrestProbabilityTable probability_;
  double legitimacy_;
  World world_;
  // A free agent packed, so that reordering moves each agent once rather than once per array.
  // Free agents have no jail term: it is carried only by the dormant (jailed, withdrawn).
  struct PackedAgent {
    std::uint32_t id;
    std::uint32_t site;
    float hardship;
    float risk_aversion;
    AgentKind kind;
    Status status;
  };
  static_assert(sizeof(PackedAgent) <= 24, "kBytesPerAgent counts a 24-byte staged record");
  struct DormantAgent {
    PackedAgent agent;
    float jail_left;
  };
  core::LargeVector<PackedAgent> reorder_scratch_;
  std::vector<DormantAgent> dormant_scratch_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> moved_actives_;  // (site, slot) scratch
};

// Estimated peak memory of a run, for the pre-flight check.
std::uint64_t estimate_memory_bytes(const ModelIParams& params);

}  // namespace unrest::epstein
