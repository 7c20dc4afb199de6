// Epstein's Model I stepped by the parallel scheduler: blocked random asynchronous activation.
// The lattice is cut into blocks (core::RowBands: bands of rows times bands of columns) at
// least 4 visions + 2 tiles on a side, so that an agent's move and action (which reach two
// visions) in one block never touch what another block of the same wave touches. Blocks run
// in four waves by the parity of their row and column band, in an order drawn each period;
// the blocks of a wave run concurrently. Within a block every free agent not yet activated
// this period is activated once, in a uniformly random order drawn from the block's own
// stream, exactly as the reference does for the whole lattice: move, then act (rule A or an
// arrest), seeing the lattice as left by the activations before it. So every rule is the
// reference's; only the order differs: agents of different blocks no longer interleave.
// Every draw comes from a stream keyed by (seed, purpose, id or block, period), and the
// blocks depend on the lattice only, so the output is the same for any number of threads.
// Periods count from 1. docs/engine.md has the argument and the measured differences.
#pragma once

#include <atomic>
#include <cstdint>
#include <vector>

#include "core/rng.hpp"
#include "core/row_bands.hpp"
#include "core/site_bitmap.hpp"
#include "core/site_map.hpp"
#include "models/epstein/conditions.hpp"
#include "models/epstein/lattice_queries.hpp"
#include "models/epstein/lattice_world.hpp"
#include "models/epstein/model1.hpp"
#include "models/epstein/params.hpp"
#include "models/epstein/placement.hpp"
#include "models/epstein/rules.hpp"

namespace unrest::epstein {

class ParallelModelI {
 public:
  // `whole_lattice`: one block, the paper's uniform random order over every agent (the
  // reference scheduler of the country model); otherwise blocks as above.
  ParallelModelI(const ModelIParams& params, std::uint64_t seed, bool whole_lattice = false);

  // One whole period (period >= 1). Returns the agent-updates it performed: activations, as
  // the reference counts them (an agent arrested before its turn is not activated).
  std::uint64_t step(std::uint32_t period, core::RowBands& rows);

  // The census; without tension (the country model's records have none) it only counts,
  // which is several times faster.
  Census census(core::RowBands& rows, bool with_tension = true) const;

  // The country model's hooks (conditions.hpp): the conditions of the coming periods, and
  // what the last period's officers did. citizens_rested(): whether the last period's
  // citizens rested (conditions.hpp, rest_if_calm).
  void set_conditions(const RegionConditions& conditions);
  const RegionConditions& conditions() const { return conditions_; }
  const PeriodTally& last_tally() const { return tally_; }
  bool citizens_rested() const { return citizens_rest_; }
  // Officers (or foreign troops) placed on uniformly chosen empty sites before period
  // `period`, or taken off the lattice uniformly; each returns how many.
  std::uint64_t add_forces(std::uint64_t count, std::uint32_t period, bool troops);
  std::uint64_t remove_forces(std::uint64_t count, std::uint32_t period, bool troops);
  std::uint64_t police_on_duty() const { return cops_on_duty_ - troops_on_duty_; }
  std::uint64_t troops_on_duty() const { return troops_on_duty_; }
  // Actives, police and troops in the side × side square from (x0, y0), across the seam.
  struct Crowd {
    std::uint64_t actives = 0;
    std::uint64_t police = 0;
    std::uint64_t troops = 0;
  };
  Crowd crowd_in_square(int x0, int y0, int side) const;
  const LatticeWorld& world() const { return world_; }
  const ModelIParams& params() const { return params_; }
  double legitimacy() const { return legitimacy_; }
  // Row band starts (and the height) and column band starts (and the width): the blocks.
  const std::vector<int>& row_bands() const { return row_bands_; }
  const std::vector<int>& column_bands() const { return column_bands_; }
  std::size_t blocks() const { return (row_bands_.size() - 1) * (column_bands_.size() - 1); }

  // Test access: put the world in a chosen state; call resync() after changing sites by hand.
  LatticeWorld& mutable_world() { return world_; }
  void resync();

 private:
  void place(std::uint32_t site, AgentKind kind, std::uint32_t id, CitizenAttributes a);
  void begin_period(std::uint32_t period, core::RowBands& rows);
  bool release(const DormantAgent& d, std::uint32_t period);
  // Off-lattice releases of the entries `due` (indexes into the dormant list, in order).
  void release_anywhere(const std::vector<std::size_t>& due, std::uint32_t period,
                        core::RowBands& rows, std::vector<char>& released);
  std::uint32_t first_empty_probe(const DormantAgent& d, std::uint32_t period) const;
  std::uint32_t site_for_release(const DormantAgent& d, std::uint32_t period,
                                 const core::SiteMap& taken) const;
  void prefetch_site(std::uint32_t site) const;
  void adjust_cops(std::uint32_t period);
  std::uint32_t empty_site_anywhere(core::Stream& stream) const;

  static std::uint8_t stamp_of(std::uint32_t period) { return activation_stamp(period); }
  using Position = SitePosition;
  Position position_of(std::uint32_t site) const { return world_.position_of(site); }

  // The block's free agents not yet activated, in random order, each activated once.
  // Returns the activations performed.
  // What one block did: its arrests go to `jailed`, its officers' conduct to `tally`.
  struct BlockOutput {
    std::vector<DormantAgent> jailed;
    PeriodTally tally;
    std::uint64_t activated = 0;
  };
  void run_block(int block, int y0, int y1, int x0, int x1, std::uint32_t period, BlockOutput& out);
  void activate(Position at, std::uint32_t period, BlockOutput& out);
  Position move(Position from, std::uint32_t period);
  double hardship_now(std::uint32_t site) const;
  // Mechanism 3's H' of a citizen of raw hardship h and price exposure e (used only while a
  // price shock is felt); monotone in h and in e × shock.
  double felt_hardship(double h, double exposure) const;
  bool prices_felt() const;
  // Once a period, after begin_period: the exposure the price shock favours most; from it,
  // the raw H up to which no citizen could pass T whatever its exposure (most citizens are
  // ruled out by one comparison, before their exposure is drawn); and whether citizens rest
  // (the highest raw H is among those).
  void prepare_citizens();
  // An upper bound on the G of any citizen of raw hardship h this period, whatever its exposure.
  double grievance_ceiling(float raw_hardship) const;
  void act_citizen(Position at);
  void act_cop(Position at, std::uint32_t period, BlockOutput& out);
  // Mechanism 6: whether the officer at `at` deserts now (it then has left the lattice).
  bool deserts(Position at, core::Stream& draws, PeriodTally& tally);
  // Mechanism 7: whether the arrest of the active at `target` turns violent (the officer or
  // the citizen is then dead and gone); if not, the arrest goes ahead.
  bool turns_violent(Position at, Position target, core::Stream& draws, PeriodTally& tally);
  // Mechanism 6: a sweep by the officer at `at`; whether it detained a former participant.
  bool sweeps(Position at, std::uint32_t period, core::Stream& draws, BlockOutput& out);
  // Jails the citizen at `target`, arrested by the officer `cop_id`.
  void detain(Position target, std::uint32_t cop_id, std::uint32_t period, BlockOutput& out);
  void remove_agent(Position at);
  // Whether the citizen `id` has been active at some time in the run (for sweeps). Set from
  // several threads at once: each bit is only ever set, and only by the block holding that
  // citizen, so atomic or-ing keeps every read of it deterministic.
  bool took_part(std::uint32_t id) const {
    return (std::atomic_ref<const std::uint64_t>(took_part_[id >> 6])
                .load(std::memory_order_relaxed) >>
            (id & 63u)) &
           1u;
  }
  void mark_took_part(std::uint32_t id) {
    std::atomic_ref<std::uint64_t>(took_part_[id >> 6])
        .fetch_or(std::uint64_t{1} << (id & 63u), std::memory_order_relaxed);
  }

  void occupy_bits(Position at);
  void vacate_bits(Position at);

  ModelIParams params_;
  std::uint64_t seed_;
  View citizen_view_;
  View cop_view_;
  ArrestProbabilityTable probability_;
  double legitimacy_;
  LatticeWorld world_;
  core::SiteBitmap lattice_;               // planes kBlocked, kCops, kActives, as the reference
  core::LargeVector<std::uint8_t> stamp_;  // per site: low byte of the period its agent last acted
  std::vector<std::uint64_t> took_part_;   // a bit per citizen id: has been active
  std::vector<int> row_bands_;
  std::vector<int> column_bands_;

  std::uint64_t cops_on_duty_ = 0;  // cops and troops on the lattice
  std::uint64_t troops_on_duty_ = 0;
  RegionConditions conditions_;
  double probability_factor_ = 1.0;  // the arrest factor the table was built with
  PeriodTally tally_;
  std::uint32_t reinforcement_calls_ = 0;
  float highest_hardship_ = 0.0f;   // the largest raw H of any citizen (fixed: no births)
  bool citizens_rest_ = false;      // this period: see RegionConditions::rest_if_calm
  double steepest_exposure_ = 0.0;  // this period: the exposure that raises H' the most
  float quiet_up_to_ = -1.0f;       // this period: citizens of raw H up to this stay quiet
};

// Estimated peak memory of a parallel run, for the pre-flight check.
std::uint64_t estimate_parallel_memory_bytes(const ModelIParams& params);
// Site-major agent record (occupant, id, H, R, stamp) plus the three bitmap planes, and a bit
// per agent id (at most one per site) for having been active.
inline constexpr double kParallelBytesPerSite =
    sizeof(Occupant) + sizeof(std::uint32_t) + 2 * sizeof(float) + 1 + 3.0 / 8.0 + 1.0 / 8.0;
// A jailed citizen or withdrawn cop waits in the dormant list.
inline constexpr std::size_t kParallelBytesPerDormant = sizeof(DormantAgent);

}  // namespace unrest::epstein
