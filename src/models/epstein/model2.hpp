// Epstein's Model II: two groups (Blue, Green) on a torus, cops as evenhanded peacekeepers.
// Site-major like ParallelModelI and stepped the same way: `whole_lattice` = one block, the
// paper's uniform random order over every agent (the reference scheduler); otherwise blocks
// in four waves, each block's agents in random order, concurrent blocks never touching the
// same site, so the output is the same for any thread count.
//
// Per site: occupant, id, H, R (LatticeWorld), plus group, death period and an "acted" stamp.
// An agent's record travels with it when it moves. Jailed agents wait in a dormant list with
// their record; they age there and may die in jail. Population change is deterministic:
// deaths by age at the start of a period (on the lattice and in jail); a newborn takes its
// empty site at once, during its parent's activation, under a pending id (kPendingId | the
// parent's id: one birth per parent per period), is not activated in its birth period, and
// gets its id at the end of the period in block order, then birth order within the block.
// Ids are never reused: they key the RNG streams. docs/models.md, "Model II".
#pragma once

#include <cstdint>
#include <vector>

#include "core/large_vector.hpp"
#include "core/row_bands.hpp"
#include "core/site_bitmap.hpp"
#include "models/epstein/lattice_queries.hpp"
#include "models/epstein/lattice_world.hpp"
#include "models/epstein/model1.hpp"
#include "models/epstein/model2_params.hpp"
#include "models/epstein/params.hpp"
#include "models/epstein/rules.hpp"

namespace unrest::epstein {

// The planes of Model II's lattice beyond Model I's three: the free citizens of each group.
inline constexpr core::Plane kBlue{3};
inline constexpr core::Plane kGreen{4};
inline constexpr int kModelIIPlanes = 5;
// The id of a newborn until the end of its birth period: this bit | its parent's id.
inline constexpr std::uint32_t kPendingId = 0x8000'0000u;

// Per-group counts after a period, and what happened in it.
struct GroupCensus {
  std::uint64_t blue = 0;  // free (on the lattice)
  std::uint64_t green = 0;
  std::uint64_t blue_jailed = 0;
  std::uint64_t green_jailed = 0;
  std::uint64_t kills = 0;
  std::uint64_t births = 0;
  std::uint64_t deaths = 0;  // of age, on the lattice or in jail
  std::uint64_t arrests = 0;
  std::uint64_t blue_total() const { return blue + blue_jailed; }
  std::uint64_t green_total() const { return green + green_jailed; }
};

struct JailedAgent {
  std::uint32_t id = 0;
  std::uint32_t site = kNoSite;  // where it was arrested
  float hardship = 0.0f;
  float risk_aversion = 0.0f;
  float jail_left = 0.0f;   // periods left; +inf for life
  std::uint32_t death = 0;  // the period at whose start it dies
  Group group = Group::blue;
};

class ModelII {
 public:
  ModelII(const ModelIParams& params, const ModelIIParams& groups, std::uint64_t seed,
          bool whole_lattice = false);

  // One whole period (period >= 1); returns the activations performed.
  std::uint64_t step(std::uint32_t period, core::RowBands& rows);

  Census census() const;
  // Counts now; events of the last period.
  GroupCensus group_census() const;
  // Connected clusters (4-neighbour, across the seam) of sites holding a free citizen that
  // contain members of both groups.
  std::uint64_t mixed_enclaves() const;

  const LatticeWorld& world() const { return world_; }
  Group group_at(std::uint32_t site) const { return group_[site]; }
  std::uint32_t death_at(std::uint32_t site) const { return death_[site]; }
  const std::vector<JailedAgent>& jailed() const { return jailed_; }
  double legitimacy() const { return legitimacy_; }
  const ModelIParams& params() const { return params_; }
  std::size_t blocks() const { return (row_bands_.size() - 1) * (column_bands_.size() - 1); }

  // Test access: put an agent on a site (id issued now), empty a site, or clear the lattice.
  std::uint32_t put_citizen(std::uint32_t site, Group g, float hardship, float risk_aversion,
                            std::uint32_t death);
  std::uint32_t put_cop(std::uint32_t site);
  void clear();
  std::vector<JailedAgent>& mutable_jailed() { return jailed_; }

 private:
  using Position = SitePosition;
  Position position_of(std::uint32_t site) const { return world_.position_of(site); }
  static std::uint8_t stamp_of(std::uint32_t period) { return activation_stamp(period); }

  struct Birth {
    std::uint32_t pending_id;
    std::uint32_t site;
  };
  struct BlockOutput {
    std::vector<JailedAgent> jailed;
    std::vector<Birth> births;
    std::uint64_t kills = 0;
    std::uint64_t activated = 0;
  };

  // The agent record of a site, moved as one.
  void copy_site(std::uint32_t from, std::uint32_t to);
  void place_cop(std::uint32_t site, std::uint32_t id);
  void occupy_bits(Position at);
  // Empties the site (its counts are the caller's).
  void vacate(Position at);

  // Once per period, before the blocks: L(t), cop schedule, deaths by age, jail.
  void begin_period(std::uint32_t period);
  void adjust_cops(std::uint32_t period);
  bool release(const JailedAgent& j, std::uint32_t period);
  std::uint32_t empty_site_anywhere(core::Stream& stream) const;

  void run_block(int block, int y0, int y1, int x0, int x1, std::uint32_t period, BlockOutput& out);
  void activate(Position at, std::uint32_t period, BlockOutput& out);
  Position move(Position from, std::uint32_t period);
  void act_citizen(Position at, std::uint32_t period, BlockOutput& out);
  void act_cop(Position at, std::uint32_t period, BlockOutput& out);
  void reproduce(Position at, std::uint32_t period, BlockOutput& out);

  ModelIParams params_;
  ModelIIParams groups_;
  std::uint64_t seed_;
  View citizen_view_;
  View cop_view_;
  View birth_view_;  // the 8 Moore neighbours
  ArrestProbabilityTable probability_;
  double legitimacy_;
  LatticeWorld world_;  // its dormant list stays empty: jailed agents are in jailed_
  core::LargeVector<Group> group_;
  core::LargeVector<std::uint32_t> death_;
  core::LargeVector<std::uint8_t> stamp_;
  core::SiteBitmap lattice_;  // kBlocked, kCops, kActives, kBlue, kGreen
  std::vector<JailedAgent> jailed_;
  std::vector<std::uint32_t> withdrawn_cops_;  // ids, reused lowest first
  std::vector<int> row_bands_;
  std::vector<int> column_bands_;
  std::uint64_t cops_on_duty_ = 0;
  GroupCensus events_;  // kills, births, deaths, arrests of the last period
};

// The period at whose start an agent born in `born` with lifespan ~ U(0, max_age) dies: its
// age reaches the lifespan then (at least the next period).
std::uint32_t death_period(std::uint32_t born, double lifespan);

// Estimated peak memory of a Model II run, for the pre-flight check.
std::uint64_t estimate_model2_memory_bytes(const ModelIParams& params);

}  // namespace unrest::epstein
