#include "models/epstein/parallel_model1.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "models/epstein/rules.hpp"

namespace unrest::epstein {
namespace {

constexpr std::size_t kLookAhead = 4;  // activations ahead whose records are prefetched

bool is_free(Occupant o) {
  // quiet, active or cop: 1 to 3 (lattice_world.hpp), one unsigned comparison
  return static_cast<std::uint8_t>(static_cast<std::uint8_t>(o) - 1u) < 3u;
}
static_assert(static_cast<int>(Occupant::quiet) == 1 && static_cast<int>(Occupant::active) == 2 &&
              static_cast<int>(Occupant::cop) == 3);

}  // namespace

ParallelModelI::ParallelModelI(const ModelIParams& params, std::uint64_t seed, bool whole_lattice)
    : params_(params),
      seed_(seed),
      citizen_view_(core::Neighbourhood(params.citizen_vision, params.vision_shape)),
      cop_view_(core::Neighbourhood(params.cop_vision, params.vision_shape)),
      probability_(params.arrest_ratio, params.arrest_constant,
                   static_cast<int>(citizen_view_.neighbourhood.size()) + 1),
      legitimacy_(params.legitimacy.at(0)) {
  LatticeWorld& w = world_;
  w.make_empty(params.width, params.height);
  const std::size_t sites = w.site_count();
  stamp_.assign(sites, stamp_of(0));  // "acted in period 0": everyone acts in period 1
  lattice_ = core::SiteBitmap(w.width, w.height, kPlanes);
  // An activation reaches two visions (move, then look); blocks two tiles more than twice
  // that keep concurrent blocks apart even where the last band is short (docs/engine.md).
  const int reach = std::max(citizen_view_.neighbourhood.reach(), cop_view_.neighbourhood.reach());
  BlockBands bands = block_bands(w.width, w.height, reach, whole_lattice);
  row_bands_ = std::move(bands.rows);
  column_bands_ = std::move(bands.columns);

  place_initial_agents(params, seed, w.site_count(), [this](std::uint32_t site, AgentKind kind) {
    const std::uint32_t id = world_.next_id++;
    const CitizenAttributes a =
        kind == AgentKind::citizen ? citizen_attributes(seed_, id) : CitizenAttributes{};
    place(site, kind, id, a);
    cops_on_duty_ += kind == AgentKind::cop;
    if (kind == AgentKind::citizen) highest_hardship_ = std::max(highest_hardship_, a.hardship);
  });
  took_part_.assign(world_.next_id / 64 + 1, 0);
}

void ParallelModelI::place(std::uint32_t site, AgentKind kind, std::uint32_t id,
                           CitizenAttributes a) {
  LatticeWorld& w = world_;
  w.occupant[site] = kind == AgentKind::cop ? Occupant::cop : Occupant::quiet;
  w.id[site] = id;
  w.hardship[site] = a.hardship;
  w.risk_aversion[site] = a.risk_aversion;
  occupy_bits(position_of(site));
}

void ParallelModelI::occupy_bits(Position at) {
  const Occupant o = world_.occupant[at.site];
  lattice_.set(kBlocked, at.x, at.y);
  if (o == Occupant::cop) lattice_.set(kCops, at.x, at.y);
  if (o == Occupant::active) lattice_.set(kActives, at.x, at.y);
}

void ParallelModelI::vacate_bits(Position at) {
  lattice_.clear(kBlocked, at.x, at.y);
  lattice_.clear(kCops, at.x, at.y);
  lattice_.clear(kActives, at.x, at.y);
}

void ParallelModelI::resync() {
  lattice_ = core::SiteBitmap(world_.width, world_.height, kPlanes);
  cops_on_duty_ = static_cast<std::uint64_t>(
      std::count(world_.occupant.begin(), world_.occupant.end(), Occupant::cop));
  for (std::uint32_t s = 0; s < world_.site_count(); ++s) {
    if (is_free(world_.occupant[s])) occupy_bits(position_of(s));
    if (world_.occupant[s] == Occupant::jailed) lattice_.set(kBlocked, s);
  }
}

std::uint64_t ParallelModelI::step(std::uint32_t period, core::RowBands& rows) {
  begin_period(period, rows);
  prepare_citizens();
  const std::array<int, 4> waves = wave_order(seed_, period);
  // Each block files its arrests and activations under its own index; concatenating them in
  // block order makes the dormant list the same for any thread count, without a sort.
  std::vector<BlockOutput> out(blocks());
  rows.each_in_waves(
      row_bands_, column_bands_, waves, [&](int block, int y0, int y1, int x0, int x1) {
        run_block(block, y0, y1, x0, x1, period, out[static_cast<std::size_t>(block)]);
      });
  std::uint64_t updates = 0;
  tally_ = {};
  for (const BlockOutput& b : out) {
    world_.dormant.insert(world_.dormant.end(), b.jailed.begin(), b.jailed.end());
    updates += b.activated;
    tally_ += b.tally;
  }
  // Officers who deserted or were killed have left the lattice.
  troops_on_duty_ -= tally_.troops_killed;
  cops_on_duty_ -= tally_.troops_killed + tally_.police_killed + tally_.deserted;
  return updates;
}

// ---------------------------------------------------------------------------------------------
// One block: the reference's schedule on the block's agents.

// Flattened: every call of the block's activations inlined into one loop, which measured
// 15 % faster than GCC's own inlining choices (4000 × 4000, one and two threads).
[[gnu::flatten]] void ParallelModelI::run_block(int block, int y0, int y1, int x0, int x1,
                                                std::uint32_t period, BlockOutput& out) {
  LatticeWorld& w = world_;
  const std::uint8_t now = stamp_of(period);
  const bool citizens_rest = citizens_rest_;
  // Agents as (row in block) << 16 | column: coordinates without a division per activation.
  // Collected without branches (whether a site holds an agent to activate is a coin flip to
  // the predictor): every site is written, only the wanted ones advance the count.
  std::vector<std::uint32_t> order(static_cast<std::size_t>(y1 - y0) *
                                   static_cast<std::size_t>(x1 - x0));
  std::size_t wanted = 0;
  for (int y = y0; y < y1; ++y) {
    const std::uint32_t row = w.site_at(0, y);
    // The block's agent records are visited in random order next: fetch them in order now.
    for (int x = x0; x < x1; x += 16) {
      __builtin_prefetch(&w.id[row + static_cast<std::uint32_t>(x)]);
      __builtin_prefetch(&w.hardship[row + static_cast<std::uint32_t>(x)]);
      __builtin_prefetch(&w.risk_aversion[row + static_cast<std::uint32_t>(x)]);
    }
    const Occupant* occupant = &w.occupant[row];
    std::uint8_t* stamp = &stamp_[row];
    const std::uint32_t packed_row = static_cast<std::uint32_t>(y - y0) << 16;
    if (citizens_rest) {
      // Resting citizens' period is done: stamped, so that their stamps stay fresh for when
      // they act again. Only officers are collected, and they are rare: a branch is cheap.
      for (int x = x0; x < x1; ++x) {
        const bool citizen = occupant[x] == Occupant::quiet || occupant[x] == Occupant::active;
        stamp[x] = citizen ? now : stamp[x];
      }
      for (int x = x0; x < x1; ++x) {
        if (occupant[x] == Occupant::cop && stamp[x] != now)
          order[wanted++] = packed_row | static_cast<std::uint32_t>(x);
      }
      continue;
    }
    for (int x = x0; x < x1; ++x) {
      order[wanted] = packed_row | static_cast<std::uint32_t>(x);
      wanted += static_cast<std::size_t>(is_free(occupant[x]) & (stamp[x] != now));
    }
  }
  order.resize(wanted);
  // Fisher–Yates: a block holds a few thousand agents, too few for a bucketed ShufflePlan.
  core::Stream stream(seed_, core::Purpose::activation_order, static_cast<std::uint32_t>(block) + 1,
                      period);
  for (auto k = static_cast<std::uint32_t>(order.size()); k > 1; --k) {
    std::swap(order[k - 1], order[stream.below(k)]);
  }
  const auto site_of = [&](std::uint32_t packed) {
    return w.site_at(static_cast<int>(packed & 0xFFFFu), y0 + static_cast<int>(packed >> 16));
  };
  for (std::size_t i = 0; i < order.size(); ++i) {
    if (i + kLookAhead < order.size()) {
      const std::uint32_t ahead = site_of(order[i + kLookAhead]);
      __builtin_prefetch(&w.occupant[ahead]);
      __builtin_prefetch(&stamp_[ahead]);
      __builtin_prefetch(&w.id[ahead]);
    }
    const std::uint32_t packed = order[i];
    const int y = y0 + static_cast<int>(packed >> 16);
    const int x = static_cast<int>(packed & 0xFFFFu);
    const std::uint32_t s = w.site_at(x, y);
    // Skip a site whose agent was arrested, or now holds an agent that has acted already.
    if (!is_free(w.occupant[s]) || stamp_[s] == now) continue;
    activate({s, x, y}, period, out);
    ++out.activated;
  }
}

void ParallelModelI::activate(Position at, std::uint32_t period, BlockOutput& out) {
  stamp_[at.site] = stamp_of(period);
  const bool cop = world_.occupant[at.site] == Occupant::cop;
  const bool moves = (cop ? params_.cops_move : params_.citizens_move) && conditions_.movement;
  if (moves && params_.order == ActivationOrder::move_then_act) at = move(at, period);
  if (cop) {
    act_cop(at, period, out);
  } else {
    act_citizen(at);
  }
  // An officer who deserted or was killed in its act has left: nothing is left to move.
  if (moves && params_.order == ActivationOrder::act_then_move && is_free(world_.occupant[at.site]))
    move(at, period);
}

ParallelModelI::Position ParallelModelI::move(Position from, std::uint32_t period) {
  LatticeWorld& w = world_;
  const View& view = w.occupant[from.site] == Occupant::cop ? cop_view_ : citizen_view_;
  core::Stream stream(seed_, core::Purpose::movement, w.id[from.site], period);
  Position to = from;
  if (!empty_site_near(lattice_, view, to.x, to.y, stream)) return from;
  to.site = w.site_at(to.x, to.y);
  vacate_bits(from);
  w.occupant[to.site] = w.occupant[from.site];
  w.id[to.site] = w.id[from.site];
  w.hardship[to.site] = w.hardship[from.site];
  w.risk_aversion[to.site] = w.risk_aversion[from.site];
  stamp_[to.site] = stamp_[from.site];
  w.occupant[from.site] = Occupant::empty;
  occupy_bits(to);
  return to;
}

void ParallelModelI::act_citizen(Position at) {
  LatticeWorld& w = world_;
  const bool was_active = w.occupant[at.site] == Occupant::active;
  bool active = false;
  // Most citizens are ruled out before their exposure is drawn; exact either way.
  const bool may_turn_active = w.hardship[at.site] > quiet_up_to_;
  const double g = may_turn_active
                       ? grievance(hardship_now(at.site), legitimacy_) + conditions_.grievance_boost
                       : 0.0;
  if (may_turn_active && can_ever_be_active(g, params_.threshold)) {
    int cops = 0;
    int others = 0;
    count_in_view(lattice_, citizen_view_, at.x, at.y, cops, others);
    active = true;  // no cop in view: P = 0 under every ratio rule, and G > T
    if (cops > 0) {
      if (was_active && params_.self_count == ActiveSelfCount::once) --others;
      const double p = probability_.at(cops, 1 + others) * conditions_.risk_factor;
      active = decides_active(g, w.risk_aversion[at.site], p, params_.threshold);
    }
  }
  if (active == was_active) return;
  set_action(w, lattice_, at, active);
  if (active) mark_took_part(w.id[at.site]);
}

void ParallelModelI::act_cop(Position at, std::uint32_t period, BlockOutput& out) {
  LatticeWorld& w = world_;
  const std::uint32_t id = w.id[at.site];
  core::Stream stream(seed_, core::Purpose::arrest, id, period);
  core::Stream draws(seed_, core::Purpose::conduct, id, period);
  int x = at.x;
  int y = at.y;
  // Whether it is outnumbered counts at every activation; whether it acts is its motivation.
  if (conditions_.desertion && !is_troop_id(id) && deserts(at, draws, out.tally)) return;
  // Sweeps are organised, not the officer's own initiative: motivation does not gate them.
  if (conditions_.sweep > 0.0 && !is_troop_id(id) && sweeps(at, period, draws, out)) return;
  const double motivation =
      is_troop_id(id) ? conditions_.troop_motivation : conditions_.cop_motivation;
  if (motivation < 1.0 && draws.uniform() >= motivation) return;  // makes no arrest this period
  if (!active_near(lattice_, cop_view_, x, y, stream)) return;
  const Position target{w.site_at(x, y), x, y};
  if (conditions_.violence && turns_violent(at, target, draws, out.tally)) return;
  detain(target, id, period, out);
}

void ParallelModelI::detain(Position target, std::uint32_t cop_id, std::uint32_t period,
                            BlockOutput& out) {
  LatticeWorld& w = world_;
  const std::uint32_t a = target.site;
  core::Stream term_stream(seed_, core::Purpose::jail_term, cop_id, period);  // keyed by the cop
  const double term = draw_jail_term(params_.jail_term, params_.max_jail_term, term_stream);
  out.jailed.push_back({w.id[a], a, w.hardship[a], w.risk_aversion[a], static_cast<float>(term),
                        AgentKind::citizen});
  ++out.tally.arrests;
  out.tally.troop_arrests += is_troop_id(cop_id);
  lattice_.clear(kActives, target.x, target.y);
  if (params_.jail_mode == JailMode::stay_blocking) {
    w.occupant[a] = Occupant::jailed;
  } else {
    w.occupant[a] = Occupant::empty;
    lattice_.clear(kBlocked, target.x, target.y);
  }
}

// ---------------------------------------------------------------------------------------------
// Census: per-row tallies summed in row order, so floating-point sums do not depend on threads.

Census ParallelModelI::census(core::RowBands& rows, bool with_tension) const {
  struct Tally {
    std::uint64_t quiet = 0;
    std::uint64_t active = 0;
    std::uint64_t cops = 0;
    double hardship = 0.0;
    double risk_aversion = 0.0;
  };
  const LatticeWorld& w = world_;
  std::vector<Tally> tallies(static_cast<std::size_t>(w.height));
  rows.each(w.height, [&](int y0, int y1) {
    for (int y = y0; y < y1; ++y) {
      Tally& t = tallies[static_cast<std::size_t>(y)];
      const std::uint32_t row = w.site_at(0, y);
      if (!with_tension) {
        // Counts only: a loop the compiler vectorises.
        const Occupant* o = &w.occupant[row];
        for (int x = 0; x < w.width; ++x) {
          t.cops += o[x] == Occupant::cop;
          t.quiet += o[x] == Occupant::quiet;
          t.active += o[x] == Occupant::active;
        }
        continue;
      }
      for (std::uint32_t s = row; s < row + static_cast<std::uint32_t>(w.width); ++s) {
        // Branch-free: whether a site holds a free citizen is a coin flip to the predictor.
        const Occupant o = w.occupant[s];
        const bool quiet = o == Occupant::quiet;
        const bool active = o == Occupant::active;
        t.cops += o == Occupant::cop;
        t.quiet += quiet;
        t.active += active;
        t.hardship += quiet || active ? w.hardship[s] : 0.0;
        t.risk_aversion += quiet || active ? w.risk_aversion[s] : 0.0;
      }
    }
  });
  Census c;
  c.legitimacy = legitimacy_;
  double sum_h = 0.0;
  double sum_r = 0.0;
  for (const Tally& t : tallies) {
    c.quiet += t.quiet;
    c.active += t.active;
    c.cops += t.cops;
    sum_h += t.hardship;
    sum_r += t.risk_aversion;
  }
  const double sum_g = grievance(sum_h, legitimacy_);  // G = H (1 - L), summed
  for (const DormantAgent& d : w.dormant) c.jailed += d.kind == AgentKind::citizen;
  if (with_tension) c.tension = tension(sum_g, sum_r, c.quiet, c.active);
  return c;
}

std::uint64_t estimate_parallel_memory_bytes(const ModelIParams& params) {
  const double sites = static_cast<double>(params.width) * static_cast<double>(params.height);
  const double density = std::min(1.0, params.citizen_density + params.cop_density.maximum());
  // Every agent dormant at once is the bound; placement shuffles a 4-byte index per site once.
  return static_cast<std::uint64_t>(sites * (kParallelBytesPerSite + sizeof(std::uint32_t)) +
                                    sites * density * kParallelBytesPerDormant);
}

}  // namespace unrest::epstein
