// Mechanism 8, strategic sites: each stands on a cell of its region's lattice drawn from the
// scenario's seed; its catchment is the square around it holding `catchment` of the
// lattice's sites, so that the crowd that can reach it is the same share of the region at
// any scale. A site is seized when the actives in its catchment outnumber its guards (police,
// or troops with mandate `guard`) by `seize_ratio`, and retaken when the security forces
// there (guards, police and troops in the catchment) reach `retake_ratio` per active.
#include <algorithm>
#include <cmath>

#include "core/rng.hpp"
#include "country/country_model.hpp"

namespace unrest::country {

void CountryModel::place_sites(std::uint64_t seed) {
  for (std::size_t s = 0; s < sites_.size(); ++s) {
    const int side = sizes_[params_.sites.sites[s].region].side;
    core::Stream stream(seed, core::Purpose::sites, static_cast<std::uint32_t>(s), 0);
    const auto at_x = static_cast<int>(stream.below(static_cast<std::uint32_t>(side)));
    const auto at_y = static_cast<int>(stream.below(static_cast<std::uint32_t>(side)));
    const int reach = std::clamp(
        static_cast<int>(std::lround(side * std::sqrt(params_.sites.catchment))), 1, side);
    sites_[s].side = reach;
    sites_[s].x = (at_x - reach / 2 + side) % side;
    sites_[s].y = (at_y - reach / 2 + side) % side;
  }
}

void CountryModel::update_sites(std::uint32_t period) {
  for (std::size_t s = 0; s < sites_.size(); ++s) {
    SiteState& site = sites_[s];
    const epstein::ParallelModelI& lattice = lattices_[params_.sites.sites[s].region];
    const epstein::ParallelModelI::Crowd crowd = lattice.crowd_in_square(site.x, site.y, site.side);
    const auto guards = static_cast<double>(site.guards + site.troop_guards);
    const auto actives = static_cast<double>(crowd.actives);
    if (!site.seized) {
      if (crowd.actives > 0 && actives > params_.sites.seize_ratio * guards) {
        site.seized = true;
        site.seized_since = period;
        ++site.times_seized;
        if (site.first_seized == 0) site.first_seized = period;
      }
    } else {
      const auto security = guards + static_cast<double>(crowd.police + crowd.troops);
      if (security >= params_.sites.retake_ratio * actives) site.seized = false;
    }
    if (site.seized) {
      ++site.held_periods;
      site.longest_hold = std::max(site.longest_hold, period - site.seized_since + 1);
    }
  }
}

bool CountryModel::airport_seized(std::size_t region) const {
  for (std::size_t s = 0; s < sites_.size(); ++s) {
    const Site& site = params_.sites.sites[s];
    if (site.region == region && site.kind == SiteKind::airport && sites_[s].seized) return true;
  }
  return false;
}

}  // namespace unrest::country
