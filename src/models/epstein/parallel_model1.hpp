// Epstein's Model I stepped by the parallel scheduler: banded random asynchronous activation.
// Each period the lattice is cut into row bands (core::RowBands) at least 4 visions + 2 tiles
// high, so that an agent's move and action (which reach two visions) in one band never touch
// the sites another band of the same wave touches. The even bands run concurrently, then the
// odd ones (which wave goes first is drawn each period). Within a band every free agent
// not yet activated this period is activated once, in a uniformly random order drawn from
// the band's own stream, exactly as the reference does for the whole lattice: move, then act
// (rule A or an arrest), seeing the lattice as left by the activations before it.
// So every rule is the reference's; only the order differs: agents of different bands no
// longer interleave. Every draw comes from a stream keyed by (seed, purpose, id or band,
// period), and the bands depend on the lattice only, so the output is the same for any
// number of threads. docs/engine.md has the argument and the measured differences.
#pragma once

#include <cstdint>
#include <vector>

#include "core/rng.hpp"
#include "core/row_bands.hpp"
#include "core/site_bitmap.hpp"
#include "models/epstein/lattice_queries.hpp"
#include "models/epstein/lattice_world.hpp"
#include "models/epstein/model1.hpp"
#include "models/epstein/params.hpp"
#include "models/epstein/placement.hpp"

namespace unrest::epstein {

class ParallelModelI {
 public:
  ParallelModelI(const ModelIParams& params, std::uint64_t seed);

  // One whole period. Returns the agent-updates it performed (free agents activated).
  std::uint64_t step(std::uint32_t period, core::RowBands& rows);

  Census census(core::RowBands& rows) const;
  const LatticeWorld& world() const { return world_; }
  const ModelIParams& params() const { return params_; }
  double legitimacy() const { return legitimacy_; }
  // Band starts (and the height), as step() cuts the lattice.
  const std::vector<int>& bands() const { return bands_; }

  // Test access: put the world in a chosen state; call resync() after changing sites by hand.
  LatticeWorld& mutable_world() { return world_; }
  void resync();

 private:
  void place(std::uint32_t site, AgentKind kind, std::uint32_t id, CitizenAttributes a);
  void begin_period(std::uint32_t period);
  bool release(const DormantAgent& d, std::uint32_t period);
  void adjust_cops(std::uint32_t period);
  std::uint32_t empty_site_anywhere(core::Stream& stream) const;

  // The band's free agents not yet activated, in random order, each activated once.
  void run_band(int band, int y0, int y1, std::uint32_t period, std::vector<DormantAgent>& jailed);
  void activate(std::uint32_t site, std::uint32_t period, std::vector<DormantAgent>& jailed);
  std::uint32_t move(std::uint32_t site, std::uint32_t period);
  void act_citizen(std::uint32_t site);
  void act_cop(std::uint32_t site, std::uint32_t period, std::vector<DormantAgent>& jailed);

  void occupy_bits(std::uint32_t site);
  void vacate_bits(std::uint32_t site);
  int x_of(std::uint32_t site) const {
    return static_cast<int>(site % static_cast<std::uint32_t>(world_.width));
  }
  int y_of(std::uint32_t site) const {
    return static_cast<int>(site / static_cast<std::uint32_t>(world_.width));
  }

  ModelIParams params_;
  std::uint64_t seed_;
  View citizen_view_;
  View cop_view_;
  double legitimacy_;
  LatticeWorld world_;
  core::SiteBitmap lattice_;               // planes kBlocked, kCops, kActives, as the reference
  core::LargeVector<std::uint8_t> stamp_;  // per site: low byte of the period its agent last acted
  std::vector<int> bands_;
  std::uint64_t cops_on_duty_ = 0;
};

// Estimated peak memory of a parallel run, for the pre-flight check.
std::uint64_t estimate_parallel_memory_bytes(const ModelIParams& params);
// Site-major agent record (occupant, id, H, R, stamp) plus the three bitmap planes.
inline constexpr double kParallelBytesPerSite =
    sizeof(Occupant) + sizeof(std::uint32_t) + 2 * sizeof(float) + 1 + 3.0 / 8.0;
// A jailed citizen or withdrawn cop waits in the dormant list.
inline constexpr std::size_t kParallelBytesPerDormant = sizeof(DormantAgent);

}  // namespace unrest::epstein
