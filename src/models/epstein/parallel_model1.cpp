#include "models/epstein/parallel_model1.hpp"

#include <algorithm>
#include <mutex>

#include "core/shuffle.hpp"
#include "models/epstein/rules.hpp"

namespace unrest::epstein {
namespace {

constexpr int kAnywhereTries = 64;  // rejection draws before counting the whole lattice

std::uint8_t stamp_of(std::uint32_t period) {
  return static_cast<std::uint8_t>(period & 0xFFu);
}

bool is_free(Occupant o) {
  return o == Occupant::quiet || o == Occupant::active || o == Occupant::cop;
}

}  // namespace

ParallelModelI::ParallelModelI(const ModelIParams& params, std::uint64_t seed)
    : params_(params),
      seed_(seed),
      citizen_view_(core::Neighbourhood(params.citizen_vision, params.vision_shape)),
      cop_view_(core::Neighbourhood(params.cop_vision, params.vision_shape)),
      legitimacy_(params.legitimacy.at(0)) {
  LatticeWorld& w = world_;
  w.width = params.width;
  w.height = params.height;
  const std::size_t sites = w.site_count();
  w.occupant.assign(sites, Occupant::empty);
  w.id.assign(sites, 0);
  w.hardship.assign(sites, 0.0f);
  w.risk_aversion.assign(sites, 0.0f);
  stamp_.assign(sites, 0);
  lattice_ = core::SiteBitmap(w.width, w.height, kPlanes);
  // An activation reaches two visions (move, then look); bands two tile rows more than twice
  // that keep concurrent bands apart even where the last band is short (docs/engine.md).
  const int reach = std::max(citizen_view_.neighbourhood.reach(), cop_view_.neighbourhood.reach());
  bands_ = core::RowBands::bands(w.height, 4 * reach + 16, 8);

  place_initial_agents(params, seed, w.site_count(), [this](std::uint32_t site, AgentKind kind) {
    const std::uint32_t id = world_.next_id++;
    place(site, kind, id,
          kind == AgentKind::citizen ? citizen_attributes(seed_, id) : CitizenAttributes{});
    cops_on_duty_ += kind == AgentKind::cop;
  });
}

void ParallelModelI::place(std::uint32_t site, AgentKind kind, std::uint32_t id,
                           CitizenAttributes a) {
  LatticeWorld& w = world_;
  w.occupant[site] = kind == AgentKind::cop ? Occupant::cop : Occupant::quiet;
  w.id[site] = id;
  w.hardship[site] = a.hardship;
  w.risk_aversion[site] = a.risk_aversion;
  occupy_bits(site);
}

void ParallelModelI::occupy_bits(std::uint32_t site) {
  const Occupant o = world_.occupant[site];
  lattice_.set(kBlocked, site);
  if (o == Occupant::cop) lattice_.set(kCops, site);
  if (o == Occupant::active) lattice_.set(kActives, site);
}

void ParallelModelI::vacate_bits(std::uint32_t site) {
  lattice_.clear(kBlocked, site);
  lattice_.clear(kCops, site);
  lattice_.clear(kActives, site);
}

void ParallelModelI::resync() {
  lattice_ = core::SiteBitmap(world_.width, world_.height, kPlanes);
  for (std::uint32_t s = 0; s < world_.site_count(); ++s) {
    if (is_free(world_.occupant[s])) occupy_bits(s);
    if (world_.occupant[s] == Occupant::jailed) lattice_.set(kBlocked, s);
  }
}

std::uint64_t ParallelModelI::step(std::uint32_t period, core::RowBands& rows) {
  begin_period(period);
  const std::uint64_t updates = world_.next_id - world_.dormant.size();
  const int first_wave = static_cast<int>(
      core::Stream(seed_, core::Purpose::activation_order, 0, period).next_u32() & 1u);
  std::mutex merge;
  std::vector<DormantAgent> jailed;
  rows.each_in_waves(bands_, first_wave, [&](int band, int y0, int y1) {
    std::vector<DormantAgent> local;
    run_band(band, y0, y1, period, local);
    const std::lock_guard lock(merge);
    jailed.insert(jailed.end(), local.begin(), local.end());
  });
  // Bands finish in any order: sort so that the dormant list is the same for any thread count.
  std::sort(jailed.begin(), jailed.end(),
            [](const DormantAgent& a, const DormantAgent& b) { return a.id < b.id; });
  world_.dormant.insert(world_.dormant.end(), jailed.begin(), jailed.end());
  return updates;
}

// ---------------------------------------------------------------------------------------------
// One band: the reference's schedule on the band's agents.

void ParallelModelI::run_band(int band, int y0, int y1, std::uint32_t period,
                              std::vector<DormantAgent>& jailed) {
  const std::uint8_t now = stamp_of(period);
  std::vector<std::uint32_t> order;
  const std::uint32_t first = world_.site_at(0, y0);
  const std::uint32_t last = world_.site_at(0, y1);
  for (std::uint32_t s = first; s < last; ++s) {
    if (is_free(world_.occupant[s]) && stamp_[s] != now) order.push_back(s);
  }
  core::shuffle_uniform(order, core::Stream(seed_, core::Purpose::activation_order,
                                            static_cast<std::uint32_t>(band) + 1, period));
  for (const std::uint32_t s : order) {
    // Skip a site whose agent was arrested, or now holds an agent that has acted already.
    if (!is_free(world_.occupant[s]) || stamp_[s] == now) continue;
    activate(s, period, jailed);
  }
}

void ParallelModelI::activate(std::uint32_t site, std::uint32_t period,
                              std::vector<DormantAgent>& jailed) {
  stamp_[site] = stamp_of(period);
  const bool cop = world_.occupant[site] == Occupant::cop;
  const bool moves = cop ? params_.cops_move : params_.citizens_move;
  if (moves && params_.order == ActivationOrder::move_then_act) site = move(site, period);
  if (cop) {
    act_cop(site, period, jailed);
  } else {
    act_citizen(site);
  }
  if (moves && params_.order == ActivationOrder::act_then_move) move(site, period);
}

std::uint32_t ParallelModelI::move(std::uint32_t site, std::uint32_t period) {
  LatticeWorld& w = world_;
  const View& view = w.occupant[site] == Occupant::cop ? cop_view_ : citizen_view_;
  core::Stream stream(seed_, core::Purpose::movement, w.id[site], period);
  int x = x_of(site);
  int y = y_of(site);
  if (!empty_site_near(lattice_, view, x, y, stream)) return site;
  const std::uint32_t target = w.site_at(x, y);
  vacate_bits(site);
  w.occupant[target] = w.occupant[site];
  w.id[target] = w.id[site];
  w.hardship[target] = w.hardship[site];
  w.risk_aversion[target] = w.risk_aversion[site];
  stamp_[target] = stamp_[site];
  w.occupant[site] = Occupant::empty;
  occupy_bits(target);
  return target;
}

void ParallelModelI::act_citizen(std::uint32_t site) {
  LatticeWorld& w = world_;
  const double g = grievance(w.hardship[site], legitimacy_);
  const bool was_active = w.occupant[site] == Occupant::active;
  bool active = false;
  if (can_ever_be_active(g, params_.threshold)) {
    int cops = 0;
    int others = 0;
    count_in_view(lattice_, citizen_view_, x_of(site), y_of(site), cops, others);
    active = true;  // no cop in view: P = 0 under every ratio rule, and G > T
    if (cops > 0) {
      if (was_active && params_.self_count == ActiveSelfCount::once) --others;
      const double p =
          arrest_probability(params_.arrest_ratio, params_.arrest_constant, cops, 1 + others);
      active = decides_active(g, w.risk_aversion[site], p, params_.threshold);
    }
  }
  if (active == was_active) return;
  w.occupant[site] = active ? Occupant::active : Occupant::quiet;
  if (active) {
    lattice_.set(kActives, site);
  } else {
    lattice_.clear(kActives, site);
  }
}

void ParallelModelI::act_cop(std::uint32_t site, std::uint32_t period,
                             std::vector<DormantAgent>& jailed) {
  LatticeWorld& w = world_;
  core::Stream stream(seed_, core::Purpose::arrest, w.id[site], period);
  int x = x_of(site);
  int y = y_of(site);
  if (!active_near(lattice_, cop_view_, x, y, stream)) return;
  const std::uint32_t a = w.site_at(x, y);
  core::Stream term_stream(seed_, core::Purpose::jail_term, w.id[a], period);
  const double term = draw_jail_term(params_.jail_term, params_.max_jail_term, term_stream);
  jailed.push_back({w.id[a], a, w.hardship[a], w.risk_aversion[a], static_cast<float>(term),
                    AgentKind::citizen});
  lattice_.clear(kActives, a);
  if (params_.jail_mode == JailMode::stay_blocking) {
    w.occupant[a] = Occupant::jailed;
  } else {
    w.occupant[a] = Occupant::empty;
    lattice_.clear(kBlocked, a);
  }
}

// ---------------------------------------------------------------------------------------------
// Once per period, sequential: schedules, jail countdown and releases, in dormant-list order.

void ParallelModelI::begin_period(std::uint32_t period) {
  legitimacy_ = params_.legitimacy.at(period);
  if (!params_.cop_density.segments().empty()) adjust_cops(period);
  std::vector<DormantAgent>& dormant = world_.dormant;
  std::size_t kept = 0;
  for (std::size_t i = 0; i < dormant.size(); ++i) {
    DormantAgent d = dormant[i];
    if (d.kind == AgentKind::citizen) {
      d.jail_left -= 1.0f;
      if (d.jail_left <= 0.0f && release(d, period)) continue;
    }
    dormant[kept++] = d;
  }
  dormant.resize(kept);
}

bool ParallelModelI::release(const DormantAgent& d, std::uint32_t period) {
  core::Stream stream(seed_, core::Purpose::release, d.id, period);
  std::uint32_t site = kNoSite;
  switch (params_.jail_mode) {
    case JailMode::stay_blocking:
      world_.occupant[d.site] = Occupant::quiet;  // it never left its site
      stamp_[d.site] = stamp_of(period - 1);
      return true;
    case JailMode::stay_invisible: {
      // Back to its own site if free, else near it (docs/models.md), else anywhere.
      int x = x_of(d.site);
      int y = y_of(d.site);
      if (!lattice_.test(kBlocked, x, y) ||
          empty_site_near(lattice_, citizen_view_, x, y, stream)) {
        site = world_.site_at(x, y);
      } else {
        site = empty_site_anywhere(stream);
      }
      break;
    }
    case JailMode::off_lattice:
      site = empty_site_anywhere(stream);
      break;
  }
  if (site == kNoSite) return false;  // lattice full: stays jailed and tries again next period
  place(site, AgentKind::citizen, d.id, {d.hardship, d.risk_aversion});
  stamp_[site] = stamp_of(period - 1);
  return true;
}

std::uint32_t ParallelModelI::empty_site_anywhere(core::Stream& stream) const {
  const std::uint32_t sites = world_.site_count();
  for (int t = 0; t < kAnywhereTries; ++t) {
    const std::uint32_t s = stream.below(sites);
    if (world_.occupant[s] == Occupant::empty) return s;
  }
  const auto empty = static_cast<std::uint32_t>(
      std::count(world_.occupant.begin(), world_.occupant.end(), Occupant::empty));
  if (empty == 0) return kNoSite;
  std::uint32_t k = stream.below(empty);
  for (std::uint32_t s = 0; s < sites; ++s) {
    if (world_.occupant[s] == Occupant::empty && k-- == 0) return s;
  }
  return kNoSite;
}

void ParallelModelI::adjust_cops(std::uint32_t period) {
  LatticeWorld& w = world_;
  const std::uint64_t target = count_for_density(params_.cop_density.at(period), w.site_count());
  if (cops_on_duty_ == target) return;
  // (id, site) of cops on duty, by id: choices must not depend on where agents are stored.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> on_duty;
  for (std::uint32_t s = 0; s < w.site_count(); ++s) {
    if (w.occupant[s] == Occupant::cop) on_duty.emplace_back(w.id[s], s);
  }
  std::sort(on_duty.begin(), on_duty.end());
  core::Stream stream(seed_, core::Purpose::cop_schedule, 0, period);
  for (std::size_t left = on_duty.size(); left > target; --left) {
    const std::uint32_t pick = stream.below(static_cast<std::uint32_t>(left));
    const auto [id, site] = on_duty[pick];
    on_duty.erase(on_duty.begin() + pick);
    vacate_bits(site);
    w.occupant[site] = Occupant::empty;
    w.dormant.push_back({id, kNoSite, 0.0f, 0.0f, 0.0f, AgentKind::cop});
  }
  // New cops go to uniformly chosen empty sites, reusing the lowest withdrawn ids first.
  std::vector<std::uint32_t> withdrawn;
  for (const DormantAgent& d : w.dormant) {
    if (d.kind == AgentKind::cop) withdrawn.push_back(d.id);
  }
  std::sort(withdrawn.begin(), withdrawn.end());
  std::size_t reused = 0;
  for (std::size_t n = on_duty.size(); n < target; ++n) {
    const std::uint32_t site = empty_site_anywhere(stream);
    if (site == kNoSite) break;
    const std::uint32_t id = reused < withdrawn.size() ? withdrawn[reused++] : w.next_id++;
    place(site, AgentKind::cop, id, {});
    stamp_[site] = stamp_of(period - 1);
    on_duty.emplace_back(id, site);
  }
  const auto first_kept = withdrawn.begin() + static_cast<std::ptrdiff_t>(reused);
  std::erase_if(w.dormant, [&](const DormantAgent& d) {
    return d.kind == AgentKind::cop && std::binary_search(withdrawn.begin(), first_kept, d.id);
  });
  cops_on_duty_ = on_duty.size();
}

// ---------------------------------------------------------------------------------------------
// Census: per-row tallies summed in row order, so floating-point sums do not depend on threads.

Census ParallelModelI::census(core::RowBands& rows) const {
  struct Tally {
    std::uint64_t quiet = 0;
    std::uint64_t active = 0;
    std::uint64_t cops = 0;
    double grievance = 0.0;
    double risk_aversion = 0.0;
  };
  const LatticeWorld& w = world_;
  std::vector<Tally> tallies(static_cast<std::size_t>(w.height));
  rows.each(w.height, [&](int y0, int y1) {
    for (int y = y0; y < y1; ++y) {
      Tally& t = tallies[static_cast<std::size_t>(y)];
      for (int x = 0; x < w.width; ++x) {
        const std::uint32_t s = w.site_at(x, y);
        const Occupant o = w.occupant[s];
        if (o == Occupant::cop) ++t.cops;
        if (!is_free_citizen(o)) continue;
        o == Occupant::active ? ++t.active : ++t.quiet;
        t.grievance += grievance(w.hardship[s], legitimacy_);
        t.risk_aversion += w.risk_aversion[s];
      }
    }
  });
  Census c;
  c.legitimacy = legitimacy_;
  double sum_g = 0.0;
  double sum_r = 0.0;
  for (const Tally& t : tallies) {
    c.quiet += t.quiet;
    c.active += t.active;
    c.cops += t.cops;
    sum_g += t.grievance;
    sum_r += t.risk_aversion;
  }
  for (const DormantAgent& d : w.dormant) c.jailed += d.kind == AgentKind::citizen;
  const auto free_citizens = static_cast<double>(c.quiet + c.active);
  if (free_citizens > 0 && sum_r > 0) {
    c.tension = (sum_g / free_citizens) * (static_cast<double>(c.quiet) / free_citizens) /
                (sum_r / free_citizens);
  }
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
