#include "country/information.hpp"

#include <algorithm>
#include <cmath>

namespace unrest::country {

InformationChannel::InformationChannel(const Geography& geography, const InformationParams& params,
                                       int period_minutes)
    : geography_(&geography), params_(params) {
  std::uint64_t largest = 1;
  for (const Region& r : geography.regions) largest = std::max(largest, r.population);
  for (const Region& r : geography.regions) {
    prominence_.push_back(r.type == "city_of_national_significance"
                              ? 1.0
                              : static_cast<double>(r.population) / static_cast<double>(largest));
  }
  if (params.memory_hours > 0)
    follow_ = 1.0 - std::exp(-period_minutes / 60.0 / params.memory_hours);
}

std::vector<double> InformationChannel::instant(const std::vector<double>& active_share,
                                                const std::vector<bool>& shutdown) const {
  const std::vector<Region>& regions = geography_->regions;
  std::vector<double> a(regions.size(), 0.0);
  for (std::size_t r = 0; r < regions.size(); ++r) {
    double neighbours = 0.0;
    for (const std::size_t q : regions[r].neighbours) neighbours += active_share[q];
    if (!regions[r].neighbours.empty())
      neighbours /= static_cast<double>(regions[r].neighbours.size());
    double media = 0.0;
    double weight = 0.0;
    for (std::size_t q = 0; q < regions.size(); ++q) {
      if (q == r) continue;
      media += prominence_[q] * active_share[q];
      weight += prominence_[q];
    }
    if (weight > 0) media /= weight;
    const double reach = 1.0 - (shutdown[r] ? params_.shutdown_strength : 0.0);
    a[r] = params_.own_weight * active_share[r] + params_.neighbour_weight * neighbours +
           params_.media_weight * reach * media;
  }
  return a;
}

void InformationChannel::update(std::vector<double>& perceived,
                                const std::vector<double>& active_share,
                                const std::vector<bool>& shutdown) const {
  const std::vector<double> a = instant(active_share, shutdown);
  for (std::size_t r = 0; r < a.size(); ++r) perceived[r] += (a[r] - perceived[r]) * follow_;
}

}  // namespace unrest::country
