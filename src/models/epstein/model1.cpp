#include "models/epstein/model1.hpp"

#include <algorithm>
#include <bit>
#include <cmath>

#include "models/epstein/rules.hpp"

namespace unrest::epstein {
namespace {

constexpr int kNearbyTries = 16;    // rejection draws before enumerating a neighbourhood
constexpr int kAnywhereTries = 64;  // rejection draws before counting the whole lattice

std::uint64_t count_for_density(double density, std::uint32_t sites) {
  return static_cast<std::uint64_t>(std::llround(density * static_cast<double>(sites)));
}

}  // namespace

ModelI::ModelI(const ModelIParams& params, std::uint64_t seed)
    : params_(params),
      seed_(seed),
      citizen_vision_(params.citizen_vision, params.vision_shape),
      cop_vision_(params.cop_vision, params.vision_shape),
      legitimacy_(params.legitimacy.at(0)) {
  world_.width = params.width;
  world_.height = params.height;
  const std::uint32_t sites = world_.site_count();
  world_.occupant.assign(sites, kNoAgent);
  world_.blocked = core::SiteBitmap(params.width, params.height);
  world_.cops = core::SiteBitmap(params.width, params.height);
  world_.actives = core::SiteBitmap(params.width, params.height);
  place_initial_agents();
}

std::uint32_t ModelI::add_agent(AgentKind kind) {
  const std::uint32_t id = world_.agent_count();
  world_.kind.push_back(kind);
  world_.status.push_back(Status::quiet);
  world_.site.push_back(kNoAgent);
  float h = 0.0f;
  float r = 0.0f;
  if (kind == AgentKind::citizen) {
    core::Stream s(seed_, core::Purpose::attributes, id, 0);
    h = static_cast<float>(s.uniform());
    r = static_cast<float>(s.uniform());
  }
  world_.hardship.push_back(h);
  world_.risk_aversion.push_back(r);
  return id;
}

void ModelI::place_initial_agents() {
  const std::uint32_t sites = world_.site_count();
  const double cop_density = params_.cop_density.at(0);
  if (params_.placement == Placement::per_site) {
    // Mesa: each site independently holds a cop, a citizen or nothing.
    for (std::uint32_t s = 0; s < sites; ++s) {
      const double u = core::Stream(seed_, core::Purpose::placement, s, 0).uniform();
      if (u < cop_density) {
        occupy(add_agent(AgentKind::cop), s);
      } else if (u < cop_density + params_.citizen_density) {
        occupy(add_agent(AgentKind::citizen), s);
      }
    }
    return;
  }
  // Exact counts on distinct random sites, cops first: a partial Fisher–Yates over sites.
  const std::uint64_t cops = count_for_density(cop_density, sites);
  const std::uint64_t citizens = count_for_density(params_.citizen_density, sites);
  std::vector<std::uint32_t> order(sites);
  for (std::uint32_t s = 0; s < sites; ++s) order[s] = s;
  core::Stream stream(seed_, core::Purpose::placement, 0, 0);
  const std::uint64_t total = std::min<std::uint64_t>(cops + citizens, sites);
  world_.kind.reserve(total);
  for (std::uint64_t i = 0; i < total; ++i) {
    const auto j = i + stream.below(static_cast<std::uint32_t>(sites - i));
    std::swap(order[i], order[j]);
    occupy(add_agent(i < cops ? AgentKind::cop : AgentKind::citizen), order[i]);
  }
}

void ModelI::occupy(std::uint32_t id, std::uint32_t site) {
  world_.site[id] = site;
  world_.occupant[site] = id;
  world_.blocked.set(site);
  if (world_.kind[id] == AgentKind::cop) world_.cops.set(site);
  if (world_.status[id] == Status::active) world_.actives.set(site);
}

void ModelI::vacate(std::uint32_t id) {
  const std::uint32_t site = world_.site[id];
  world_.occupant[site] = kNoAgent;
  world_.blocked.clear(site);
  world_.cops.clear(site);
  world_.actives.clear(site);
}

void ModelI::set_active(std::uint32_t id, bool active) {
  world_.status[id] = active ? Status::active : Status::quiet;
  if (active) {
    world_.actives.set(world_.site[id]);
  } else {
    world_.actives.clear(world_.site[id]);
  }
}

void ModelI::begin_period(std::uint32_t period) {
  legitimacy_ = params_.legitimacy.at(period);
  if (!params_.cop_density.segments().empty()) adjust_cops(period);

  // Jail terms count down once per period; those served are released in arrest order.
  std::size_t kept = 0;
  for (std::size_t i = 0; i < world_.jailed.size(); ++i) {
    JailedCitizen j = world_.jailed[i];
    j.remaining -= 1.0;
    if (j.remaining <= 0.0) {
      release(j.id, period);
      if (world_.status[j.id] == Status::jailed) world_.jailed[kept++] = {j.id, 0.0};
    } else {
      world_.jailed[kept++] = j;
    }
  }
  world_.jailed.resize(kept);
}

void ModelI::release(std::uint32_t citizen, std::uint32_t period) {
  core::Stream stream(seed_, core::Purpose::release, citizen, period);
  std::uint32_t site = kNoAgent;
  switch (params_.jail_mode) {
    case JailMode::stay_blocking:
      world_.status[citizen] = Status::quiet;  // it never left its site
      return;
    case JailMode::stay_invisible: {
      // NetLogo lets a freed agent share its patch; we keep one actor per site, so a freed
      // citizen whose site was taken steps to the nearest free choice (docs/models.md).
      const std::uint32_t own = world_.site[citizen];
      site = !world_.blocked.test(own) ? own : empty_site_near(own, citizen_vision_, stream);
      if (site == kNoAgent) site = empty_site_anywhere(stream);
      break;
    }
    case JailMode::off_lattice:
      site = empty_site_anywhere(stream);
      break;
  }
  if (site == kNoAgent) return;  // lattice full: stays jailed one more period
  world_.status[citizen] = Status::quiet;
  occupy(citizen, site);
}

void ModelI::adjust_cops(std::uint32_t period) {
  const std::uint64_t target = count_for_density(params_.cop_density.at(period), world_.site_count());
  std::vector<std::uint32_t> on_duty;
  for (std::uint32_t id = 0; id < world_.agent_count(); ++id) {
    if (world_.kind[id] == AgentKind::cop && world_.status[id] != Status::withdrawn) on_duty.push_back(id);
  }
  core::Stream stream(seed_, core::Purpose::cop_schedule, 0, period);
  // Withdraw uniformly chosen cops.
  for (std::size_t left = on_duty.size(); left > target; --left) {
    const std::uint32_t pick = stream.below(static_cast<std::uint32_t>(left));
    const std::uint32_t id = on_duty[pick];
    on_duty[pick] = on_duty[left - 1];
    vacate(id);
    world_.status[id] = Status::withdrawn;
    world_.withdrawn_cops.push_back(id);
  }
  // Deploy new cops on uniformly chosen empty sites, reusing withdrawn ids first.
  for (std::size_t n = on_duty.size(); n < target; ++n) {
    const std::uint32_t site = empty_site_anywhere(stream);
    if (site == kNoAgent) break;
    std::uint32_t id = 0;
    if (!world_.withdrawn_cops.empty()) {
      id = world_.withdrawn_cops.front();
      world_.withdrawn_cops.erase(world_.withdrawn_cops.begin());
      world_.status[id] = Status::quiet;
    } else {
      id = add_agent(AgentKind::cop);
    }
    occupy(id, site);
  }
}

void ModelI::collect_actors(std::vector<std::uint32_t>& out) const {
  out.clear();
  const std::uint32_t n = world_.agent_count();
  for (std::uint32_t id = 0; id < n; ++id) {
    const Status s = world_.status[id];
    if (s == Status::quiet || s == Status::active) out.push_back(id);
  }
}

void ModelI::prefetch_agent(std::uint32_t id) const {
  __builtin_prefetch(&world_.status[id]);
  __builtin_prefetch(&world_.kind[id]);
  __builtin_prefetch(&world_.site[id]);
  __builtin_prefetch(&world_.hardship[id]);
  __builtin_prefetch(&world_.risk_aversion[id]);
}

void ModelI::prefetch_site(std::uint32_t id) const {
  __builtin_prefetch(&world_.occupant[world_.site[id]], 1);
}

void ModelI::activate(std::uint32_t id, std::uint32_t period) {
  const Status s = world_.status[id];
  if (s != Status::quiet && s != Status::active) return;
  const bool cop = world_.kind[id] == AgentKind::cop;
  const bool moves = cop ? params_.cops_move : params_.citizens_move;
  if (moves && params_.order == ActivationOrder::move_then_act) move(id, period);
  if (cop) {
    act_cop(id, period);
  } else {
    act_citizen(id);
  }
  if (moves && params_.order == ActivationOrder::act_then_move) move(id, period);
}

std::uint32_t ModelI::offset_site(std::uint32_t site, core::Offset o) const {
  int x = world_.x_of(site) + o.dx;
  int y = world_.y_of(site) + o.dy;
  if (x < 0) x += world_.width;
  if (x >= world_.width) x -= world_.width;
  if (y < 0) y += world_.height;
  if (y >= world_.height) y -= world_.height;
  return world_.site_at(x, y);
}

std::uint32_t ModelI::empty_site_near(std::uint32_t site, const core::Neighbourhood& n,
                                      core::Stream& stream) const {
  const auto& offsets = n.offsets();
  if (offsets.empty()) return kNoAgent;
  const auto size = static_cast<std::uint32_t>(offsets.size());
  // Rejection sampling is uniform over the empty sites; after a few misses, enumerate.
  for (int t = 0; t < kNearbyTries; ++t) {
    const std::uint32_t target = offset_site(site, offsets[stream.below(size)]);
    if (!world_.blocked.test(target)) return target;
  }
  std::uint32_t empty = 0;
  for (const core::Offset o : offsets) empty += !world_.blocked.test(offset_site(site, o));
  if (empty == 0) return kNoAgent;
  std::uint32_t k = stream.below(empty);
  for (const core::Offset o : offsets) {
    const std::uint32_t target = offset_site(site, o);
    if (!world_.blocked.test(target) && k-- == 0) return target;
  }
  return kNoAgent;
}

std::uint32_t ModelI::empty_site_anywhere(core::Stream& stream) const {
  const std::uint32_t sites = world_.site_count();
  for (int t = 0; t < kAnywhereTries; ++t) {
    const std::uint32_t target = stream.below(sites);
    if (!world_.blocked.test(target)) return target;
  }
  const std::uint64_t empty = sites - world_.blocked.count_all();
  if (empty == 0) return kNoAgent;
  std::uint64_t k = stream.below(static_cast<std::uint32_t>(empty));
  for (std::uint32_t s = 0; s < sites; ++s) {
    if (!world_.blocked.test(s) && k-- == 0) return s;
  }
  return kNoAgent;
}

void ModelI::move(std::uint32_t id, std::uint32_t period) {
  const core::Neighbourhood& n =
      world_.kind[id] == AgentKind::cop ? cop_vision_ : citizen_vision_;
  core::Stream stream(seed_, core::Purpose::movement, id, period);
  const std::uint32_t target = empty_site_near(world_.site[id], n, stream);
  if (target == kNoAgent) return;
  vacate(id);
  occupy(id, target);
}

void ModelI::act_citizen(std::uint32_t id) {
  const double g = grievance(world_.hardship[id], legitimacy_);
  if (!can_ever_be_active(g, params_.threshold)) {
    if (world_.status[id] == Status::active) set_active(id, false);
    return;
  }
  const std::uint32_t site = world_.site[id];
  const int x = world_.x_of(site);
  const int y = world_.y_of(site);
  const int cops = world_.cops.count(citizen_vision_, x, y);
  bool active = true;  // no cop in view: P = 0 under every ratio rule, and G > T
  if (cops > 0) {
    int others = world_.actives.count(citizen_vision_, x, y);
    const bool self_active = world_.status[id] == Status::active;
    if (self_active && params_.self_count == ActiveSelfCount::once) --others;
    const double p = arrest_probability(params_.arrest_ratio, params_.arrest_constant, cops, 1 + others);
    active = decides_active(g, world_.risk_aversion[id], p, params_.threshold);
  }
  if (active != (world_.status[id] == Status::active)) set_active(id, active);
}

void ModelI::act_cop(std::uint32_t id, std::uint32_t period) {
  const std::uint32_t site = world_.site[id];
  const int x = world_.x_of(site);
  const int y = world_.y_of(site);
  const int in_view = world_.actives.count(cop_vision_, x, y);
  if (in_view == 0) return;
  core::Stream stream(seed_, core::Purpose::arrest, id, period);
  const auto k = static_cast<int>(stream.below(static_cast<std::uint32_t>(in_view)));
  arrest(world_.occupant[world_.actives.nth_set(cop_vision_, x, y, k)], period);
}

void ModelI::arrest(std::uint32_t citizen, std::uint32_t period) {
  core::Stream stream(seed_, core::Purpose::jail_term, citizen, period);
  const double term = draw_jail_term(params_.jail_term, params_.max_jail_term, stream);
  world_.actives.clear(world_.site[citizen]);
  world_.status[citizen] = Status::jailed;
  if (params_.jail_mode != JailMode::stay_blocking) {
    const std::uint32_t site = world_.site[citizen];
    world_.occupant[site] = kNoAgent;
    world_.blocked.clear(site);
  }
  world_.jailed.push_back({citizen, term});
}

Census ModelI::census() const {
  Census c;
  c.legitimacy = legitimacy_;
  double sum_g = 0.0;
  double sum_r = 0.0;
  const std::uint32_t n = world_.agent_count();
  for (std::uint32_t id = 0; id < n; ++id) {
    const Status s = world_.status[id];
    if (world_.kind[id] == AgentKind::cop) {
      c.cops += s != Status::withdrawn;
      continue;
    }
    if (s == Status::jailed) {
      ++c.jailed;
      continue;
    }
    s == Status::active ? ++c.active : ++c.quiet;
    sum_g += grievance(world_.hardship[id], legitimacy_);
    sum_r += world_.risk_aversion[id];
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
