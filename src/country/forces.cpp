// Mechanisms 6 and 9, forces on the move: the national reserve sent to the hottest region
// with a delay that grows with distance; foreign contingents arriving (by air they wait while
// their region's airport is seized) and acting by their mandate; and their withdrawal.
// Runs between periods, on one thread; lattices change only through add/remove_forces.
#include <algorithm>
#include <cmath>

#include "country/country_model.hpp"

namespace unrest::country {

void CountryModel::move_forces(std::uint32_t period) {
  if (params_.reserve.enabled) dispatch_reserve(period);
  for (Transit& t : transit_) {
    if (t.arrived || t.arrival == 0 || t.arrival > period) continue;
    if (t.by_air && airport_seized(t.region)) continue;  // waits for the airport
    arrive(t, period);
  }
}

void CountryModel::dispatch_reserve(std::uint32_t period) {
  if (reserve_left_ == 0) return;
  // The region with the most actives per officer among those past the trigger, one that no
  // tranche is already heading for.
  std::size_t hottest = states_.size();
  double worst = 0.0;
  for (std::size_t r = 0; r < states_.size(); ++r) {
    if (states_[r].active_share <= params_.reserve.trigger_share) continue;
    const bool awaited = std::any_of(transit_.begin(), transit_.end(), [&](const Transit& t) {
      return !t.troops && !t.arrived && t.region == r;
    });
    if (awaited) continue;
    const double actives = states_[r].active_share * static_cast<double>(sizes_[r].citizens);
    const double per_officer =
        actives / static_cast<double>(std::max<std::uint64_t>(1, lattices_[r].police_on_duty()));
    if (per_officer > worst) {
      worst = per_officer;
      hottest = r;
    }
  }
  if (hottest == states_.size()) return;
  const auto base = params_.geography.index_of(params_.reserve.base);
  const double km = base ? params_.geography.distance_km(*base, hottest) : 0.0;
  Transit t;
  t.region = hottest;
  t.agents = std::min(
      reserve_left_,
      std::max<std::uint64_t>(1, static_cast<std::uint64_t>(std::llround(
                                     params_.reserve.tranche / params_.people_per_agent))));
  t.arrival =
      period + periods_for_hours(params_.reserve.delay_hours + km / params_.reserve.speed_kmh);
  reserve_left_ -= t.agents;
  transit_.push_back(t);
}

void CountryModel::arrive(Transit& t, std::uint32_t period) {
  t.arrived = true;
  if (!t.troops) {
    police_strength_ += lattices_[t.region].add_forces(t.agents, period, false);
    return;
  }
  if (withdrawn_) return;
  RegionState& region = states_[t.region];
  region.troops += t.agents;
  switch (params_.intervention.mandate) {
    case Mandate::guard: {
      // Troops take over the guarding of the region's most important sites, as far as they
      // go; the police who guarded them go back to the streets.
      std::vector<std::size_t> order;
      for (std::size_t s = 0; s < sites_.size(); ++s) {
        if (params_.sites.sites[s].region == t.region && sites_[s].troop_guards == 0)
          order.push_back(s);
      }
      std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return params_.sites.sites[a].importance > params_.sites.sites[b].importance;
      });
      std::uint64_t free_troops = t.agents;
      for (const std::size_t s : order) {
        const std::uint64_t needed = std::max<std::uint64_t>(1, sites_[s].guards);
        if (free_troops < needed) break;
        free_troops -= needed;
        sites_[s].troop_guards = needed;
        region.troops_guarding += needed;
        lattices_[t.region].add_forces(sites_[s].guards, period, false);
        region.guards -= sites_[s].guards;
        sites_[s].guards = 0;  // on patrol now: the troops alone guard the site
      }
      break;
    }
    case Mandate::suppress:
      lattices_[t.region].add_forces(t.agents, period, true);
      break;
    case Mandate::none:
      break;
  }
}

void CountryModel::withdraw(std::uint32_t period) {
  if (withdrawn_) return;
  withdrawn_ = true;
  for (Transit& t : transit_) {
    if (t.troops) t.arrived = true;  // those still on their way turn back
  }
  // Police go back to the sites the troops guarded, as many as are still on the streets.
  for (std::size_t s = 0; s < sites_.size(); ++s) {
    if (sites_[s].troop_guards == 0) continue;
    const std::size_t r = params_.sites.sites[s].region;
    const std::uint64_t wanted = static_cast<std::uint64_t>(
        std::llround(params_.sites.sites[s].guards / params_.people_per_agent));
    sites_[s].guards = lattices_[r].remove_forces(wanted, period, false);
    states_[r].guards += sites_[s].guards;
    sites_[s].troop_guards = 0;
  }
  for (std::size_t r = 0; r < states_.size(); ++r) {
    lattices_[r].remove_forces(lattices_[r].troops_on_duty(), period, true);
    states_[r].troops = 0;
    states_[r].troops_guarding = 0;
  }
}

}  // namespace unrest::country
