#include "country/geography.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace unrest::country {

std::optional<std::size_t> Geography::index_of(const std::string& id) const {
  for (std::size_t i = 0; i < regions.size(); ++i) {
    if (regions[i].id == id) return i;
  }
  return std::nullopt;
}

std::uint64_t Geography::population() const {
  std::uint64_t total = 0;
  for (const Region& r : regions) total += r.population;
  return total;
}

double Geography::distance_km(std::size_t a, std::size_t b) const {
  // Haversine on a sphere of the Earth's mean radius: travel delays need kilometres, not metres.
  constexpr double kEarthRadiusKm = 6371.0;
  constexpr double kRadians = std::numbers::pi / 180.0;
  const Region& p = regions[a];
  const Region& q = regions[b];
  const double dlat = (q.latitude - p.latitude) * kRadians;
  const double dlon = (q.longitude - p.longitude) * kRadians;
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(p.latitude * kRadians) * std::cos(q.latitude * kRadians) *
                       std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2.0 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

}  // namespace unrest::country
