#include "models/epstein/model1.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <utility>
#include <vector>

#include "models/epstein/rules.hpp"

namespace unrest::epstein {
namespace {

constexpr int kNearbyTries = 16;    // rejection draws before enumerating a neighbourhood
constexpr int kAnywhereTries = 64;  // rejection draws before counting the whole lattice

std::uint64_t count_for_density(double density, std::uint32_t sites) {
  return static_cast<std::uint64_t>(std::llround(density * static_cast<double>(sites)));
}

bool is_free(Status s) {
  return s == Status::quiet || s == Status::active;
}

}  // namespace

ModelI::ModelI(const ModelIParams& params, std::uint64_t seed)
    : params_(params),
      seed_(seed),
      citizen_vision_(params.citizen_vision, params.vision_shape),
      cop_vision_(params.cop_vision, params.vision_shape),
      citizen_masks_(citizen_vision_),
      cop_masks_(cop_vision_),
      legitimacy_(params.legitimacy.at(0)) {
  world_.width = params.width;
  world_.height = params.height;
  world_.lattice = core::SiteBitmap(params.width, params.height, kPlanes);
  place_initial_agents();
}

std::uint32_t ModelI::add_agent(AgentKind kind) {
  const std::uint32_t slot = world_.slot_count();
  const std::uint32_t id = slot;  // ids are issued in order; slots are only permuted later
  float h = 0.0f;
  float r = 0.0f;
  if (kind == AgentKind::citizen) {
    core::Stream s(seed_, core::Purpose::attributes, id, 0);
    h = static_cast<float>(s.uniform());
    r = static_cast<float>(s.uniform());
  }
  world_.id.push_back(id);
  world_.kind.push_back(kind);
  world_.status.push_back(Status::quiet);
  world_.site.push_back(kNoSite);
  world_.hardship.push_back(h);
  world_.risk_aversion.push_back(r);
  world_.jail_left.push_back(0.0f);
  return slot;
}

void ModelI::place_initial_agents() {
  const std::uint32_t sites = world_.site_count();
  const double cop_density = params_.cop_density.at(0);
  if (params_.placement == Placement::per_site) {
    // Mesa: each site independently holds a cop, a citizen or nothing.
    for (std::uint32_t s = 0; s < sites; ++s) {
      const double u = core::Stream(seed_, core::Purpose::placement, s, 0).uniform();
      if (u < cop_density) {
        occupy(add_agent(AgentKind::cop), position_of(s));
      } else if (u < cop_density + params_.citizen_density) {
        occupy(add_agent(AgentKind::citizen), position_of(s));
      }
    }
    return;
  }
  // Exact counts on distinct random sites, cops first: a partial Fisher–Yates over sites.
  const std::uint64_t cops = count_for_density(cop_density, sites);
  const std::uint64_t citizens = count_for_density(params_.citizen_density, sites);
  const std::uint64_t total = std::min<std::uint64_t>(cops + citizens, sites);
  core::LargeVector<std::uint32_t> order(sites);
  for (std::uint32_t s = 0; s < sites; ++s) order[s] = s;
  core::Stream stream(seed_, core::Purpose::placement, 0, 0);
  for (std::uint64_t i = 0; i < total; ++i) {
    const auto j = i + stream.below(static_cast<std::uint32_t>(sites - i));
    std::swap(order[i], order[j]);
    occupy(add_agent(i < cops ? AgentKind::cop : AgentKind::citizen), position_of(order[i]));
  }
}

void ModelI::occupy(std::uint32_t slot, Position at) {
  world_.site[slot] = at.site;
  world_.lattice.set(kBlocked, at.x, at.y);
  if (world_.kind[slot] == AgentKind::cop) world_.lattice.set(kCops, at.x, at.y);
  if (world_.status[slot] == Status::active) {
    world_.lattice.set(kActives, at.x, at.y);
    world_.active_slot.insert_or_assign(at.site, slot);
  }
}

void ModelI::vacate(std::uint32_t slot, Position at) {
  world_.lattice.clear(kBlocked, at.x, at.y);
  if (world_.kind[slot] == AgentKind::cop) world_.lattice.clear(kCops, at.x, at.y);
  if (world_.status[slot] == Status::active) {
    world_.lattice.clear(kActives, at.x, at.y);
    world_.active_slot.erase(at.site);
  }
}

void ModelI::set_active(std::uint32_t slot, bool active, Position at) {
  world_.status[slot] = active ? Status::active : Status::quiet;
  if (active) {
    world_.lattice.set(kActives, at.x, at.y);
    world_.active_slot.insert_or_assign(at.site, slot);
  } else {
    world_.lattice.clear(kActives, at.x, at.y);
    world_.active_slot.erase(at.site);
  }
}

void ModelI::resync() {
  world_.lattice = core::SiteBitmap(world_.width, world_.height, kPlanes);
  world_.active_slot.clear();
  for (std::uint32_t slot = 0; slot < world_.slot_count(); ++slot) {
    const Status s = world_.status[slot];
    if (is_free(s)) {
      occupy(slot, position_of(world_.site[slot]));
    } else if (s == Status::jailed && params_.jail_mode == JailMode::stay_blocking) {
      world_.lattice.set(kBlocked, world_.site[slot]);
    }
  }
}

void ModelI::reorder(const core::ShufflePlan& plan) {
  // The plan orders the free agents; jailed citizens and withdrawn cops keep their relative
  // order behind them, so the shuffle moves only those that will be activated.
  if (plan.size() != shuffle_count()) {
    throw std::invalid_argument(
        "ModelI::reorder: the plan must order exactly shuffle_count() slots");
  }
  World& w = world_;
  w.active_slot.clear();
  moved_actives_.clear();
  dormant_scratch_.clear();
  std::uint32_t next = 0;
  const auto pack = [&w](std::uint32_t i) {
    return PackedAgent{w.id[i],   w.site[i],  w.hardship[i], w.risk_aversion[i],
                       w.kind[i], w.status[i]};
  };
  const auto unpack = [&w](std::size_t k, const PackedAgent& a) {
    w.id[k] = a.id;
    w.site[k] = a.site;
    w.hardship[k] = a.hardship;
    w.risk_aversion[k] = a.risk_aversion;
    w.kind[k] = a.kind;
    w.status[k] = a.status;
  };
  plan.permute(
      reorder_scratch_,
      [&](std::size_t) {
        while (!is_free(w.status[next])) {
          dormant_scratch_.push_back({pack(next), w.jail_left[next]});
          ++next;
        }
        return pack(next++);
      },
      [&](std::size_t k, const PackedAgent& a) {
        unpack(k, a);
        if (a.status == Status::active) {
          moved_actives_.push_back({a.site, static_cast<std::uint32_t>(k)});
        }
      });
  for (; next < w.slot_count(); ++next) dormant_scratch_.push_back({pack(next), w.jail_left[next]});
  std::size_t k = plan.size();
  for (const DormantAgent& d : dormant_scratch_) {
    unpack(k, d.agent);
    w.jail_left[k++] = d.jail_left;
  }
  // Rebuild the map of active sites with its random probes prefetched a few entries ahead.
  constexpr std::size_t kAhead = 8;
  const std::size_t n = moved_actives_.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i + kAhead < n) w.active_slot.prefetch(moved_actives_[i + kAhead].first);
    w.active_slot.insert_or_assign(moved_actives_[i].first, moved_actives_[i].second);
  }
  moved_actives_.clear();
}

void ModelI::begin_period(std::uint32_t period) {
  legitimacy_ = params_.legitimacy.at(period);
  if (!params_.cop_density.segments().empty()) adjust_cops(period);
  // Jail terms count down once per period; served terms end in release.
  for (std::uint32_t slot = 0; slot < world_.slot_count(); ++slot) {
    if (world_.status[slot] != Status::jailed) continue;
    world_.jail_left[slot] -= 1.0f;
    if (world_.jail_left[slot] <= 0.0f) release(slot, period);
  }
}

std::uint32_t ModelI::shuffle_count() const {
  std::uint32_t n = 0;
  for (const Status s : world_.status) n += is_free(s);
  return n;
}

void ModelI::release(std::uint32_t slot, std::uint32_t period) {
  core::Stream stream(seed_, core::Purpose::release, world_.id[slot], period);
  Position site = kNowhere;
  switch (params_.jail_mode) {
    case JailMode::stay_blocking:
      world_.status[slot] = Status::quiet;  // it never left its site
      return;
    case JailMode::stay_invisible: {
      // NetLogo lets a freed agent share its patch; we keep one actor per site, so a freed
      // citizen whose site was taken goes to a random empty site in view (docs/models.md).
      const Position own = position_of(world_.site[slot]);
      site = !world_.lattice.test(kBlocked, own.x, own.y)
                 ? own
                 : empty_site_near(own, citizen_vision_, stream);
      if (site.site == kNoSite) site = empty_site_anywhere(stream);
      break;
    }
    case JailMode::off_lattice:
      site = empty_site_anywhere(stream);
      break;
  }
  if (site.site == kNoSite) return;  // lattice full: stays jailed and tries again next period
  world_.status[slot] = Status::quiet;
  occupy(slot, site);
}

void ModelI::adjust_cops(std::uint32_t period) {
  const std::uint64_t target =
      count_for_density(params_.cop_density.at(period), world_.site_count());
  // (id, slot) of cops on duty and of withdrawn cops, by id: choices must not depend on slots.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> on_duty;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> withdrawn;
  for (std::uint32_t slot = 0; slot < world_.slot_count(); ++slot) {
    if (world_.kind[slot] != AgentKind::cop) continue;
    (world_.status[slot] == Status::withdrawn ? withdrawn : on_duty)
        .emplace_back(world_.id[slot], slot);
  }
  if (on_duty.size() == target) return;
  std::sort(on_duty.begin(), on_duty.end());
  std::sort(withdrawn.begin(), withdrawn.end());
  core::Stream stream(seed_, core::Purpose::cop_schedule, 0, period);
  for (std::size_t left = on_duty.size(); left > target; --left) {
    const std::uint32_t pick = stream.below(static_cast<std::uint32_t>(left));
    const std::uint32_t slot = on_duty[pick].second;
    on_duty.erase(on_duty.begin() + pick);
    vacate(slot, position_of(world_.site[slot]));
    world_.status[slot] = Status::withdrawn;
  }
  // New cops go to uniformly chosen empty sites, reusing the lowest withdrawn ids first.
  std::size_t reused = 0;
  for (std::size_t n = on_duty.size(); n < target; ++n) {
    const Position site = empty_site_anywhere(stream);
    if (site.site == kNoSite) break;
    std::uint32_t slot = 0;
    if (reused < withdrawn.size()) {
      slot = withdrawn[reused++].second;
      world_.status[slot] = Status::quiet;
    } else {
      slot = add_agent(AgentKind::cop);
    }
    occupy(slot, site);
  }
}

bool ModelI::activate(std::uint32_t slot, std::uint32_t period) {
  if (!is_free(world_.status[slot])) return false;
  const bool cop = world_.kind[slot] == AgentKind::cop;
  const bool moves = cop ? params_.cops_move : params_.citizens_move;
  Position at = position_of(world_.site[slot]);
  if (moves && params_.order == ActivationOrder::move_then_act) at = move(slot, period, at);
  if (cop) {
    act_cop(slot, period, at);
  } else {
    act_citizen(slot, at);
  }
  if (moves && params_.order == ActivationOrder::act_then_move) move(slot, period, at);
  return true;
}

void ModelI::prefetch(std::uint32_t slot) const {
  if (!is_free(world_.status[slot])) return;
  const Position at = position_of(world_.site[slot]);
  const int reach = std::max(citizen_vision_.reach(), cop_vision_.reach());
  world_.lattice.prefetch(at.x, at.y, reach);
  // An active citizen that moves or turns quiet changes its entry in the map.
  if (world_.status[slot] == Status::active) world_.active_slot.prefetch(at.site);
}

ModelI::Position ModelI::position_of(std::uint32_t site) const {
  return {site, world_.x_of(site), world_.y_of(site)};
}

ModelI::Position ModelI::offset_site(Position at, core::Offset o) const {
  int x = at.x + o.dx;
  int y = at.y + o.dy;
  if (x < 0) x += world_.width;
  if (x >= world_.width) x -= world_.width;
  if (y < 0) y += world_.height;
  if (y >= world_.height) y -= world_.height;
  return {world_.site_at(x, y), x, y};
}

ModelI::Position ModelI::empty_site_near(Position at, const core::Neighbourhood& n,
                                         core::Stream& stream) const {
  const auto& offsets = n.offsets();
  if (offsets.empty()) return kNowhere;
  const core::SiteBitmap& lattice = world_.lattice;
  const core::TileMasks& masks = &n == &cop_vision_ ? cop_masks_ : citizen_masks_;
  if (lattice.interior(masks, at.x, at.y)) {
    // Away from the seam: count the empty sites with the tile masks, then take a uniform one.
    int x = at.x;
    int y = at.y;
    if (lattice.pick_clear_interior(masks, kBlocked, x, y, stream) == 0) return kNowhere;
    return {world_.site_at(x, y), x, y};
  }
  const auto size = static_cast<std::uint32_t>(offsets.size());
  // Rejection sampling is uniform over the empty sites; after a few misses, enumerate.
  for (int t = 0; t < kNearbyTries; ++t) {
    const Position target = offset_site(at, offsets[stream.below(size)]);
    if (!lattice.test(kBlocked, target.x, target.y)) return target;
  }
  std::uint32_t empty = 0;
  for (const core::Offset o : offsets) {
    const Position target = offset_site(at, o);
    empty += !lattice.test(kBlocked, target.x, target.y);
  }
  if (empty == 0) return kNowhere;
  std::uint32_t k = stream.below(empty);
  for (const core::Offset o : offsets) {
    const Position target = offset_site(at, o);
    if (!lattice.test(kBlocked, target.x, target.y) && k-- == 0) return target;
  }
  return kNowhere;
}

ModelI::Position ModelI::empty_site_anywhere(core::Stream& stream) const {
  const std::uint32_t sites = world_.site_count();
  for (int t = 0; t < kAnywhereTries; ++t) {
    const Position target = position_of(stream.below(sites));
    if (!world_.lattice.test(kBlocked, target.x, target.y)) return target;
  }
  const std::uint64_t empty = sites - world_.lattice.count_all(kBlocked);
  if (empty == 0) return kNowhere;
  std::uint64_t k = stream.below(static_cast<std::uint32_t>(empty));
  for (std::uint32_t s = 0; s < sites; ++s) {
    if (!world_.lattice.test(kBlocked, s) && k-- == 0) return position_of(s);
  }
  return kNowhere;
}

ModelI::Position ModelI::move(std::uint32_t slot, std::uint32_t period, Position from) {
  const core::Neighbourhood& n =
      world_.kind[slot] == AgentKind::cop ? cop_vision_ : citizen_vision_;
  core::Stream stream(seed_, core::Purpose::movement, world_.id[slot], period);
  const Position target = empty_site_near(from, n, stream);
  if (target.site == kNoSite) return from;
  vacate(slot, from);
  occupy(slot, target);
  return target;
}

void ModelI::act_citizen(std::uint32_t slot, Position at) {
  const double g = grievance(world_.hardship[slot], legitimacy_);
  const bool was_active = world_.status[slot] == Status::active;
  if (!can_ever_be_active(g, params_.threshold)) {
    if (was_active) set_active(slot, false, at);
    return;
  }
  // Cops and actives in view, in one pass where the tiles allow.
  const core::SiteBitmap& lattice = world_.lattice;
  int cops = 0;
  int others = 0;
  if (lattice.interior(citizen_masks_, at.x, at.y)) {
    lattice.count_interior(citizen_masks_, kCops, kActives, at.x, at.y, cops, others);
  } else {
    cops = lattice.count(citizen_masks_, kCops, at.x, at.y);
    if (cops > 0) others = lattice.count(citizen_masks_, kActives, at.x, at.y);
  }
  bool active = true;  // no cop in view: P = 0 under every ratio rule, and G > T
  if (cops > 0) {
    if (was_active && params_.self_count == ActiveSelfCount::once) --others;
    const double p =
        arrest_probability(params_.arrest_ratio, params_.arrest_constant, cops, 1 + others);
    active = decides_active(g, world_.risk_aversion[slot], p, params_.threshold);
  }
  if (active != was_active) set_active(slot, active, at);
}

void ModelI::act_cop(std::uint32_t slot, std::uint32_t period, Position at) {
  const core::SiteBitmap& lattice = world_.lattice;
  core::Stream stream(seed_, core::Purpose::arrest, world_.id[slot], period);
  std::uint32_t site = kNoSite;
  if (lattice.interior(cop_masks_, at.x, at.y)) {
    int x = at.x;
    int y = at.y;
    if (lattice.pick_set_interior(cop_masks_, kActives, x, y, stream) == 0) return;
    site = world_.site_at(x, y);
  } else {
    const int in_view = lattice.count(cop_vision_, kActives, at.x, at.y);
    if (in_view == 0) return;
    const auto k = static_cast<int>(stream.below(static_cast<std::uint32_t>(in_view)));
    site = lattice.nth_set(cop_vision_, kActives, at.x, at.y, k);
  }
  arrest(world_.active_slot.find(site), period);
}

void ModelI::arrest(std::uint32_t slot, std::uint32_t period) {
  core::Stream stream(seed_, core::Purpose::jail_term, world_.id[slot], period);
  const double term = draw_jail_term(params_.jail_term, params_.max_jail_term, stream);
  const Position at = position_of(world_.site[slot]);
  set_active(slot, false, at);
  world_.status[slot] = Status::jailed;
  world_.jail_left[slot] = static_cast<float>(term);
  if (params_.jail_mode != JailMode::stay_blocking) world_.lattice.clear(kBlocked, at.x, at.y);
}

Census ModelI::census() const {
  Census c;
  c.legitimacy = legitimacy_;
  double sum_g = 0.0;
  double sum_r = 0.0;
  for (std::uint32_t slot = 0; slot < world_.slot_count(); ++slot) {
    const Status s = world_.status[slot];
    if (world_.kind[slot] == AgentKind::cop) {
      c.cops += s != Status::withdrawn;
      continue;
    }
    if (s == Status::jailed) {
      ++c.jailed;
      continue;
    }
    s == Status::active ? ++c.active : ++c.quiet;
    sum_g += grievance(world_.hardship[slot], legitimacy_);
    sum_r += world_.risk_aversion[slot];
  }
  const auto free_citizens = static_cast<double>(c.quiet + c.active);
  if (free_citizens > 0 && sum_r > 0) {
    c.tension = (sum_g / free_citizens) * (static_cast<double>(c.quiet) / free_citizens) /
                (sum_r / free_citizens);
  }
  return c;
}

std::uint64_t estimate_memory_bytes(const ModelIParams& params) {
  const double sites = static_cast<double>(params.width) * static_cast<double>(params.height);
  const double density = std::min(1.0, params.citizen_density + params.cop_density.maximum());
  const double agents = sites * density;
  // Exact-count placement shuffles a temporary array of every site index once.
  const double placement = sites * sizeof(std::uint32_t);
  return static_cast<std::uint64_t>(agents * kBytesPerAgent + sites * kBytesPerSite + placement);
}

}  // namespace unrest::epstein
