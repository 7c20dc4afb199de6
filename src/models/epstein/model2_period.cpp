// Epstein's Model II, one period: the once-per-period work (L(t), the cop schedule, deaths by
// age, jail countdown and releases, on one thread, in a fixed order), then every free agent's
// activation block by block in waves (ParallelModelI's schedule), then the newborns' ids.
#include <algorithm>
#include <array>
#include <stdexcept>

#include "models/epstein/model2.hpp"
#include "models/epstein/placement.hpp"

namespace unrest::epstein {
namespace {

bool is_free(Occupant o) {
  return o == Occupant::quiet || o == Occupant::active || o == Occupant::cop;
}

}  // namespace

std::uint64_t ModelII::step(std::uint32_t period, core::RowBands& rows) {
  events_ = {};
  begin_period(period);
  const std::array<int, 4> waves = wave_order(seed_, period);
  std::vector<BlockOutput> out(blocks());
  rows.each_in_waves(
      row_bands_, column_bands_, waves, [&](int block, int y0, int y1, int x0, int x1) {
        run_block(block, y0, y1, x0, x1, period, out[static_cast<std::size_t>(block)]);
      });
  std::uint64_t updates = 0;
  for (const BlockOutput& b : out) {
    jailed_.insert(jailed_.end(), b.jailed.begin(), b.jailed.end());
    events_.kills += b.kills;
    events_.arrests += b.jailed.size();
    updates += b.activated;
  }
  // Newborns still alive get their ids: block order, then birth order within the block.
  for (const BlockOutput& b : out) {
    events_.births += b.births.size();
    for (const Birth& birth : b.births) {
      if (world_.id[birth.site] == birth.pending_id &&
          is_free_citizen(world_.occupant[birth.site])) {
        // 2^31 ids: a 1000 x 1000 lattice runs about 60,000 periods before this.
        if (world_.next_id >= kPendingId) throw std::length_error("Model II: agent ids exhausted");
        world_.id[birth.site] = world_.next_id++;
      }
    }
  }
  return updates;
}

void ModelII::begin_period(std::uint32_t period) {
  legitimacy_ = params_.legitimacy.at(period);
  if (!params_.cop_density.segments().empty()) adjust_cops(period);
  // Deaths by age: on the lattice, then in jail (jailed agents age too).
  for (std::uint32_t s = 0; s < world_.site_count(); ++s) {
    if (is_free_citizen(world_.occupant[s]) && death_[s] <= period) {
      vacate(position_of(s));
      ++events_.deaths;
    }
  }
  std::size_t kept = 0;
  for (JailedAgent& j : jailed_) {
    if (j.death <= period) {
      ++events_.deaths;
      continue;
    }
    j.jail_left -= 1.0f;
    if (j.jail_left <= 0.0f && release(j, period)) continue;
    jailed_[kept++] = j;
  }
  jailed_.resize(kept);
}

bool ModelII::release(const JailedAgent& j, std::uint32_t period) {
  core::Stream stream(seed_, core::Purpose::release, j.id, period);
  std::uint32_t site = kNoSite;
  if (groups_.release == ReleaseSite::last_site) {
    // Its last site if empty, else an empty site in view of it, else anywhere.
    const Position home = position_of(j.site);
    int x = home.x;
    int y = home.y;
    if (world_.occupant[j.site] == Occupant::empty ||
        empty_site_near(lattice_, citizen_view_, x, y, stream)) {
      site = world_.site_at(x, y);
    }
  }
  if (site == kNoSite) site = empty_site_anywhere(stream);
  if (site == kNoSite) return false;  // lattice full: stays jailed, tries again next period
  LatticeWorld& w = world_;
  w.occupant[site] = Occupant::quiet;
  w.id[site] = j.id;
  w.hardship[site] = j.hardship;
  w.risk_aversion[site] = j.risk_aversion;
  group_[site] = j.group;
  death_[site] = j.death;
  stamp_[site] = stamp_of(period - 1);  // acts this period
  occupy_bits(position_of(site));
  return true;
}

std::uint32_t ModelII::empty_site_anywhere(core::Stream& stream) const {
  return epstein::empty_site_anywhere(world_, stream);
}

void ModelII::adjust_cops(std::uint32_t period) {
  // As Model I's: withdrawals uniformly among the cops on duty (by id), deployments to
  // uniformly chosen empty sites, reusing the lowest withdrawn ids first.
  LatticeWorld& w = world_;
  const std::uint64_t target = count_for_density(params_.cop_density.at(period), w.site_count());
  if (cops_on_duty_ == target) return;
  core::Stream stream(seed_, core::Purpose::cop_schedule, 0, period);
  const auto on_duty = withdraw_cops(w, target, stream, [&](std::uint32_t id, std::uint32_t site) {
    vacate(position_of(site));
    --cops_on_duty_;
    withdrawn_cops_.push_back(id);
  });
  std::sort(withdrawn_cops_.begin(), withdrawn_cops_.end());
  std::size_t reused = 0;
  for (std::size_t n = on_duty.size(); n < target; ++n) {
    const std::uint32_t site = empty_site_anywhere(stream);
    if (site == kNoSite) break;
    const std::uint32_t id =
        reused < withdrawn_cops_.size() ? withdrawn_cops_[reused++] : world_.next_id++;
    place_cop(site, id);
    stamp_[site] = stamp_of(period - 1);
  }
  withdrawn_cops_.erase(withdrawn_cops_.begin(),
                        withdrawn_cops_.begin() + static_cast<std::ptrdiff_t>(reused));
}

// ---------------------------------------------------------------------------------------------
// One block: its free agents not yet activated, in random order, each activated once.

void ModelII::run_block(int block, int y0, int y1, int x0, int x1, std::uint32_t period,
                        BlockOutput& out) {
  LatticeWorld& w = world_;
  const std::uint8_t now = stamp_of(period);
  std::vector<std::uint32_t> order;
  for (int y = y0; y < y1; ++y) {
    for (int x = x0; x < x1; ++x) {
      const std::uint32_t s = w.site_at(x, y);
      if (is_free(w.occupant[s]) && stamp_[s] != now) order.push_back(s);
    }
  }
  core::Stream stream(seed_, core::Purpose::activation_order, static_cast<std::uint32_t>(block) + 1,
                      period);
  for (auto k = static_cast<std::uint32_t>(order.size()); k > 1; --k) {
    std::swap(order[k - 1], order[stream.below(k)]);
  }
  for (const std::uint32_t s : order) {
    // Skip a site whose agent was killed or arrested, or now holds one that has acted.
    if (!is_free(w.occupant[s]) || stamp_[s] == now) continue;
    activate(position_of(s), period, out);
    ++out.activated;
  }
}

void ModelII::activate(Position at, std::uint32_t period, BlockOutput& out) {
  stamp_[at.site] = stamp_of(period);
  const bool cop = world_.occupant[at.site] == Occupant::cop;
  const bool moves = cop ? params_.cops_move : params_.citizens_move;
  if (moves && params_.order == ActivationOrder::move_then_act) at = move(at, period);
  if (cop) {
    act_cop(at, period, out);
  } else {
    act_citizen(at, period, out);
  }
  if (moves && params_.order == ActivationOrder::act_then_move) at = move(at, period);
  if (!cop) reproduce(at, period, out);
}

ModelII::Position ModelII::move(Position from, std::uint32_t period) {
  const bool cop = world_.occupant[from.site] == Occupant::cop;
  core::Stream stream(seed_, core::Purpose::movement, world_.id[from.site], period);
  Position to = from;
  if (!empty_site_near(lattice_, cop ? cop_view_ : citizen_view_, to.x, to.y, stream)) return from;
  to.site = world_.site_at(to.x, to.y);
  copy_site(from.site, to.site);
  vacate(from);
  occupy_bits(to);
  return to;
}

void ModelII::act_citizen(Position at, std::uint32_t period, BlockOutput& out) {
  LatticeWorld& w = world_;
  const double g = grievance(w.hardship[at.site], legitimacy_);
  const bool was_active = w.occupant[at.site] == Occupant::active;
  bool active = false;
  if (can_ever_be_active(g, params_.threshold)) {
    int cops = 0;
    int others = 0;
    count_in_view(lattice_, citizen_view_, at.x, at.y, cops, others);
    active = true;  // no cop in view: P = 0, and G > T
    if (cops > 0) {
      if (was_active && params_.self_count == ActiveSelfCount::once) --others;
      const double p = probability_.at(cops, 1 + others);
      active = decides_active(g, w.risk_aversion[at.site], p, params_.threshold);
    }
  }
  if (active) {
    // Going active is killing: one member of the other group in view, removed at once.
    const core::Plane other = group_[at.site] == Group::blue ? kGreen : kBlue;
    core::Stream stream(seed_, core::Purpose::killing, w.id[at.site], period);
    int x = at.x;
    int y = at.y;
    if (member_near(lattice_, citizen_view_, other, x, y, stream)) {
      vacate(position_of(w.site_at(x, y)));
      ++out.kills;
    } else if (!groups_.idle_killer_active) {
      active = false;
    }
  }
  if (active == was_active) return;
  set_action(w, lattice_, at, active);
}

void ModelII::act_cop(Position at, std::uint32_t period, BlockOutput& out) {
  // Evenhanded: a uniformly chosen active agent in view, whatever its group.
  LatticeWorld& w = world_;
  const std::uint32_t cop_id = w.id[at.site];
  core::Stream stream(seed_, core::Purpose::arrest, cop_id, period);
  int x = at.x;
  int y = at.y;
  if (!active_near(lattice_, cop_view_, x, y, stream)) return;
  const std::uint32_t a = w.site_at(x, y);
  core::Stream term_stream(seed_, core::Purpose::jail_term, cop_id, period);
  const double term = draw_jail_term(params_.jail_term, params_.max_jail_term, term_stream);
  out.jailed.push_back({w.id[a], a, w.hardship[a], w.risk_aversion[a], static_cast<float>(term),
                        death_[a], group_[a]});
  vacate(position_of(a));
}

void ModelII::reproduce(Position at, std::uint32_t period, BlockOutput& out) {
  LatticeWorld& w = world_;
  const std::uint32_t parent = w.id[at.site];
  core::Stream stream(seed_, core::Purpose::birth, parent, period);
  if (stream.uniform() >= groups_.reproduction) return;
  int x = at.x;
  int y = at.y;
  if (!empty_site_near(lattice_, birth_view_, x, y, stream)) return;
  const std::uint32_t s = w.site_at(x, y);
  const float risk = groups_.offspring_risk == OffspringRisk::fresh
                         ? static_cast<float>(stream.uniform())
                         : w.risk_aversion[at.site];
  const double lifespan = stream.uniform() * groups_.max_age;
  w.occupant[s] = Occupant::quiet;
  w.id[s] = kPendingId | parent;
  w.hardship[s] = w.hardship[at.site];  // grievance is inherited
  w.risk_aversion[s] = risk;
  group_[s] = group_[at.site];
  death_[s] = death_period(period, lifespan);
  stamp_[s] = stamp_of(period);  // not activated in its birth period
  occupy_bits(position_of(s));
  out.births.push_back({kPendingId | parent, s});
}

}  // namespace unrest::epstein
