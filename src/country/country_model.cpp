// The country model: construction and the order of a period (country_model.hpp).
#include "country/country_model.hpp"

#include <algorithm>
#include <cmath>

#include "core/rng.hpp"
#include "country/exposure.hpp"

namespace unrest::country {

std::uint64_t CountryModel::region_seed(std::uint64_t seed, std::size_t r) {
  core::Stream stream(seed, core::Purpose::region_seed, static_cast<std::uint32_t>(r), 0);
  const std::uint64_t hi = stream.next_u32();
  return hi << 32 | stream.next_u32();
}

epstein::ModelIParams CountryModel::region_rules(const CountryParams& params,
                                                 const RegionLattice& size) {
  epstein::ModelIParams p = params.rules;
  p.width = size.side;
  p.height = size.side;
  p.citizen_density = size.citizen_density;
  p.cop_density = core::Schedule(size.cop_density);
  return p;
}

CountryModel::CountryModel(const CountryParams& params, std::uint64_t seed)
    : params_(params),
      clock_(params.start, params.period_minutes),
      information_(params_.geography, params.information, params.period_minutes) {
  // A lattice must be at least 2 * floor(vision) + 1 wide for the vision to fit.
  const double vision = std::max(params.rules.citizen_vision, params.rules.cop_vision);
  const int min_side = 2 * static_cast<int>(std::floor(vision)) + 1;
  const std::vector<Region>& regions = params_.geography.regions;
  states_.resize(regions.size());
  // Site guards are police taken off the streets: they stand at their sites, off the lattice.
  if (params.sites.enabled) {
    for (const Site& s : params.sites.sites) {
      SiteState state;
      state.guards = static_cast<std::uint64_t>(std::llround(s.guards / params.people_per_agent));
      states_[s.region].guards += state.guards;
      sites_.push_back(state);
    }
  }
  sizes_.reserve(regions.size());
  lattices_.reserve(regions.size());
  for (std::size_t r = 0; r < regions.size(); ++r) {
    RegionLattice size = size_region(regions[r].population, params.people_per_agent, params.density,
                                     params.police.per_100k, min_side);
    police_strength_ += size.police;
    size.police -= std::min(size.police, states_[r].guards);
    size.cop_density =
        static_cast<double>(size.police) / (static_cast<double>(size.side) * size.side);
    sizes_.push_back(size);
    lattices_.emplace_back(region_rules(params_, size), region_seed(seed, r),
                           params.whole_lattice_blocks);
    const double mean = params.hardship.exposure.empty()
                            ? (regions[r].oil_gas ? params.hardship.exposure_oil_gas
                                                  : params.hardship.exposure_other)
                            : params.hardship.exposure[r];
    exposure_.push_back(exposure_quantiles(mean, params.hardship.concentration));
    states_[r].attitude = params.intervention.attitude_initial;
  }
  place_sites(seed);
  by_size_.resize(regions.size());
  for (std::size_t r = 0; r < regions.size(); ++r) by_size_[r] = r;
  const auto agents_of = [&](std::size_t r) { return sizes_[r].citizens + sizes_[r].police; };
  std::stable_sort(by_size_.begin(), by_size_.end(),
                   [&](std::size_t a, std::size_t b) { return agents_of(a) > agents_of(b); });
  if (!by_size_.empty() && agents() > 0) {
    largest_region_share_ =
        static_cast<double>(agents_of(by_size_.front())) / static_cast<double>(agents());
  }
  legitimacy_ = params.legitimacy.national;
  home_support_ = params.intervention.home_support_initial;
  if (params.reserve.enabled) {
    reserve_left_ =
        static_cast<std::uint64_t>(std::llround(params.reserve.troops / params.people_per_agent));
  }
  if (params.intervention.enabled) {
    for (const Contingent& c : params.intervention.contingents) {
      Transit t;
      t.region = c.region;
      t.agents = static_cast<std::uint64_t>(std::llround(c.troops / params.people_per_agent));
      t.troops = true;
      t.by_air = c.by_air;
      t.arrival = c.arrival ? std::max<std::uint32_t>(1, clock_.period_of(*c.arrival)) : 0;
      t.after_request_hours = c.after_request_hours;
      transit_.push_back(t);
    }
  }
}

std::uint32_t CountryModel::periods_for_hours(double hours) const {
  return static_cast<std::uint32_t>(std::ceil(hours * 60.0 / params_.period_minutes - 1e-9));
}

std::uint64_t CountryModel::agents() const {
  std::uint64_t n = 0;
  for (const RegionLattice& s : sizes_) n += s.citizens + s.police;
  return n;
}

std::uint64_t CountryModel::step(std::uint32_t period, core::RowBands& rows) {
  const std::vector<Event>& events = params_.events;
  while (next_event_ < events.size() && clock_.period_of(events[next_event_].at) <= period) {
    apply_event(events[next_event_++], period);
  }
  move_forces(period);
  set_conditions(period);
  // A region's step gives the same result however its blocks are run, so regions can go side
  // by side, one thread each, largest first (when that balances the threads); otherwise in
  // turn, each on every thread, its blocks being the parallel work.
  std::vector<std::uint64_t> updates(lattices_.size(), 0);
  if (regions_side_by_side(rows.pool().threads())) {
    core::ThreadPool inline_pool(1);  // runs each region's blocks on the thread that has it
    core::RowBands serial(inline_pool);
    rows.pool().run(by_size_.size(), [&](std::size_t i) {
      const std::size_t r = by_size_[i];
      updates[r] = lattices_[r].step(period, serial);
    });
  } else {
    for (std::size_t r = 0; r < lattices_.size(); ++r) updates[r] = lattices_[r].step(period, rows);
  }
  observe(period, rows);
  std::uint64_t total = 0;
  for (const std::uint64_t u : updates) total += u;
  return total;
}

bool CountryModel::regions_side_by_side(unsigned threads) const {
  // Side by side, the largest region bounds a period's time; when it holds at most half a
  // thread's share of the agents, the threads stay busy. Measured: two threads at the default
  // scale of kazakhstan-2022 (largest 11 %) 5.5 s in turn (docs/performance.md).
  return threads > 1 && lattices_.size() > 1 && threads * largest_region_share_ <= 0.5;
}

std::vector<epstein::Census> CountryModel::census(core::RowBands& rows) const {
  std::vector<epstein::Census> c;
  c.reserve(lattices_.size());
  for (const epstein::ParallelModelI& lattice : lattices_) c.push_back(lattice.census(rows));
  return c;
}

epstein::Census CountryModel::national(const std::vector<epstein::Census>& regions) {
  epstein::Census n;
  double weighted_tension = 0.0;
  double weighted_legitimacy = 0.0;
  for (const epstein::Census& c : regions) {
    n.quiet += c.quiet;
    n.active += c.active;
    n.jailed += c.jailed;
    n.cops += c.cops;
    weighted_tension += c.tension * static_cast<double>(c.quiet + c.active);
    weighted_legitimacy += c.legitimacy * static_cast<double>(c.quiet + c.active);
  }
  const auto free_citizens = static_cast<double>(n.quiet + n.active);
  if (free_citizens > 0) {
    n.tension = weighted_tension / free_citizens;
    n.legitimacy = weighted_legitimacy / free_citizens;
  }
  return n;
}

}  // namespace unrest::country
