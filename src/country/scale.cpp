#include "country/scale.hpp"

#include <algorithm>
#include <cmath>

namespace unrest::country {

RegionLattice size_region(std::uint64_t population, double people_per_agent, double density,
                          double police_per_100k, int min_side) {
  RegionLattice r;
  const double people = static_cast<double>(population);
  r.citizens = static_cast<std::uint64_t>(std::llround(people / people_per_agent));
  r.police =
      static_cast<std::uint64_t>(std::llround(people * police_per_100k / 1e5 / people_per_agent));
  const double sites_needed = std::ceil(static_cast<double>(r.citizens) / density);
  r.side = std::max(min_side, static_cast<int>(std::ceil(std::sqrt(sites_needed))));
  // ceil(sqrt) can fall one short of sites_needed in floating point: grow until it holds them.
  while (static_cast<double>(r.side) * r.side < sites_needed) ++r.side;
  const double sites = static_cast<double>(r.side) * static_cast<double>(r.side);
  r.citizen_density = static_cast<double>(r.citizens) / sites;
  r.cop_density = static_cast<double>(r.police) / sites;
  return r;
}

}  // namespace unrest::country
