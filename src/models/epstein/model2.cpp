// Epstein's Model II: construction, the agent record's moves, counts and enclaves.
// The period's work is in model2_period.cpp.
#include "models/epstein/model2.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <utility>

#include "models/epstein/placement.hpp"

namespace unrest::epstein {

std::uint32_t death_period(std::uint32_t born, double lifespan) {
  const double steps = std::max(1.0, std::ceil(lifespan));
  return born + static_cast<std::uint32_t>(std::min(steps, 4.0e9 - born));
}

ModelII::ModelII(const ModelIParams& params, const ModelIIParams& groups, std::uint64_t seed,
                 bool whole_lattice)
    : params_(params),
      groups_(groups),
      seed_(seed),
      citizen_view_(core::Neighbourhood(params.citizen_vision, params.vision_shape)),
      cop_view_(core::Neighbourhood(params.cop_vision, params.vision_shape)),
      birth_view_(core::Neighbourhood(1.0, core::VisionShape::square)),
      probability_(params.arrest_ratio, params.arrest_constant,
                   static_cast<int>(citizen_view_.neighbourhood.size()) + 1),
      legitimacy_(params.legitimacy.at(0)) {
  LatticeWorld& w = world_;
  w.make_empty(params.width, params.height);
  const std::size_t sites = w.site_count();
  group_.assign(sites, Group::blue);
  death_.assign(sites, UINT32_MAX);
  stamp_.assign(sites, stamp_of(0));
  lattice_ = core::SiteBitmap(w.width, w.height, kModelIIPlanes);
  // An activation reaches two visions (move, then kill or arrest) and a birth one site beyond
  // the mover: blocks as ParallelModelI's, with a reach of at least one site.
  const int reach =
      std::max({citizen_view_.neighbourhood.reach(), cop_view_.neighbourhood.reach(), 1});
  BlockBands bands = block_bands(w.width, w.height, reach, whole_lattice);
  row_bands_ = std::move(bands.rows);
  column_bands_ = std::move(bands.columns);
  place_initial_agents(params, seed, w.site_count(), [this](std::uint32_t site, AgentKind kind) {
    if (kind == AgentKind::cop) {
      put_cop(site);
      return;
    }
    const std::uint32_t id = world_.next_id;
    const CitizenAttributes a = citizen_attributes(seed_, id);
    core::Stream lineage(seed_, core::Purpose::lineage, id, 0);
    const Group g = lineage.uniform() < groups_.blue_share ? Group::blue : Group::green;
    const double lifespan = lineage.uniform() * groups_.max_age;
    put_citizen(site, g, a.hardship, a.risk_aversion, death_period(0, lifespan));
  });
}

std::uint32_t ModelII::put_citizen(std::uint32_t site, Group g, float hardship, float risk_aversion,
                                   std::uint32_t death) {
  LatticeWorld& w = world_;
  const std::uint32_t id = w.next_id++;
  w.occupant[site] = Occupant::quiet;
  w.id[site] = id;
  w.hardship[site] = hardship;
  w.risk_aversion[site] = risk_aversion;
  group_[site] = g;
  death_[site] = death;
  occupy_bits(position_of(site));
  return id;
}

std::uint32_t ModelII::put_cop(std::uint32_t site) {
  const std::uint32_t id = world_.next_id++;
  place_cop(site, id);
  return id;
}

void ModelII::place_cop(std::uint32_t site, std::uint32_t id) {
  LatticeWorld& w = world_;
  w.occupant[site] = Occupant::cop;
  w.id[site] = id;
  w.hardship[site] = 0.0f;
  w.risk_aversion[site] = 0.0f;
  death_[site] = UINT32_MAX;  // peacekeepers do not age
  occupy_bits(position_of(site));
  ++cops_on_duty_;
}

void ModelII::clear() {
  for (std::uint32_t s = 0; s < world_.site_count(); ++s) {
    if (world_.occupant[s] != Occupant::empty) vacate(position_of(s));
  }
  jailed_.clear();
  withdrawn_cops_.clear();
  cops_on_duty_ = 0;
}

void ModelII::copy_site(std::uint32_t from, std::uint32_t to) {
  LatticeWorld& w = world_;
  w.occupant[to] = w.occupant[from];
  w.id[to] = w.id[from];
  w.hardship[to] = w.hardship[from];
  w.risk_aversion[to] = w.risk_aversion[from];
  group_[to] = group_[from];
  death_[to] = death_[from];
  stamp_[to] = stamp_[from];
}

void ModelII::occupy_bits(Position at) {
  const Occupant o = world_.occupant[at.site];
  lattice_.set(kBlocked, at.x, at.y);
  if (o == Occupant::cop) {
    lattice_.set(kCops, at.x, at.y);
    return;
  }
  if (o == Occupant::active) lattice_.set(kActives, at.x, at.y);
  lattice_.set(group_[at.site] == Group::blue ? kBlue : kGreen, at.x, at.y);
}

void ModelII::vacate(Position at) {
  world_.occupant[at.site] = Occupant::empty;
  for (const core::Plane p : {kBlocked, kCops, kActives, kBlue, kGreen}) {
    lattice_.clear(p, at.x, at.y);
  }
}

Census ModelII::census() const {
  const LatticeWorld& w = world_;
  Census c;
  c.legitimacy = legitimacy_;
  double sum_h = 0.0;
  double sum_r = 0.0;
  for (std::uint32_t s = 0; s < w.site_count(); ++s) {
    const Occupant o = w.occupant[s];
    c.cops += o == Occupant::cop;
    if (!is_free_citizen(o)) continue;
    ++(o == Occupant::active ? c.active : c.quiet);
    sum_h += w.hardship[s];
    sum_r += w.risk_aversion[s];
  }
  c.jailed = jailed_.size();
  c.tension = tension(grievance(sum_h, legitimacy_), sum_r, c.quiet, c.active);
  return c;
}

GroupCensus ModelII::group_census() const {
  GroupCensus g = events_;
  g.blue = g.green = g.blue_jailed = g.green_jailed = 0;
  for (std::uint32_t s = 0; s < world_.site_count(); ++s) {
    if (!is_free_citizen(world_.occupant[s])) continue;
    ++(group_[s] == Group::blue ? g.blue : g.green);
  }
  for (const JailedAgent& j : jailed_) ++(j.group == Group::blue ? g.blue_jailed : g.green_jailed);
  return g;
}

std::uint64_t ModelII::mixed_enclaves() const {
  const LatticeWorld& w = world_;
  const std::uint32_t n = w.site_count();
  std::vector<std::uint32_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0u);
  const auto root = [&](std::uint32_t s) {
    while (parent[s] != s) s = parent[s] = parent[parent[s]];
    return s;
  };
  const auto join = [&](std::uint32_t a, std::uint32_t b) {
    if (is_free_citizen(w.occupant[a]) && is_free_citizen(w.occupant[b])) {
      parent[root(a)] = root(b);
    }
  };
  for (int y = 0; y < w.height; ++y) {
    for (int x = 0; x < w.width; ++x) {
      const std::uint32_t s = w.site_at(x, y);
      join(s, w.site_at((x + 1) % w.width, y));
      join(s, w.site_at(x, (y + 1) % w.height));
    }
  }
  // Bit 1: a Blue member, bit 2: a Green one, per cluster root.
  std::vector<std::uint8_t> seen(n, 0);
  for (std::uint32_t s = 0; s < n; ++s) {
    if (!is_free_citizen(w.occupant[s])) continue;
    std::uint8_t& flags = seen[root(s)];
    flags = static_cast<std::uint8_t>(flags | (group_[s] == Group::blue ? 1 : 2));
  }
  return static_cast<std::uint64_t>(std::count(seen.begin(), seen.end(), std::uint8_t{3}));
}

std::uint64_t estimate_model2_memory_bytes(const ModelIParams& params) {
  const double sites = static_cast<double>(params.width) * static_cast<double>(params.height);
  const double density = std::min(1.0, params.citizen_density + params.cop_density.maximum());
  // Per site: the record (occupant, id, H, R, group, death, stamp), five bitmap planes, and
  // placement's shuffled index; every agent jailed at once is the bound for the jail list.
  constexpr double kPerSite = 1 + 4 + 4 + 4 + 1 + 4 + 1 + 5.0 / 8.0 + 4;
  return static_cast<std::uint64_t>(sites * kPerSite + sites * density * sizeof(JailedAgent));
}

}  // namespace unrest::epstein
