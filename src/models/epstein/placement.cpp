#include "models/epstein/placement.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "core/large_vector.hpp"
#include "core/rng.hpp"

namespace unrest::epstein {

std::uint64_t count_for_density(double density, std::uint32_t sites) {
  return static_cast<std::uint64_t>(std::llround(density * static_cast<double>(sites)));
}

CitizenAttributes citizen_attributes(std::uint64_t seed, std::uint32_t id) {
  core::Stream s(seed, core::Purpose::attributes, id, 0);
  CitizenAttributes a;
  a.hardship = static_cast<float>(s.uniform());
  a.risk_aversion = static_cast<float>(s.uniform());
  return a;
}

void place_initial_agents(const ModelIParams& params, std::uint64_t seed, std::uint32_t sites,
                          const std::function<void(std::uint32_t, AgentKind)>& place) {
  const double cop_density = params.cop_density.at(0);
  if (params.placement == Placement::per_site) {
    // Mesa: each site independently holds a cop, a citizen or nothing.
    for (std::uint32_t s = 0; s < sites; ++s) {
      const double u = core::Stream(seed, core::Purpose::placement, s, 0).uniform();
      if (u < cop_density) {
        place(s, AgentKind::cop);
      } else if (u < cop_density + params.citizen_density) {
        place(s, AgentKind::citizen);
      }
    }
    return;
  }
  // Exact counts on distinct random sites, cops first: a partial Fisher–Yates over sites.
  const std::uint64_t cops = count_for_density(cop_density, sites);
  const std::uint64_t citizens = count_for_density(params.citizen_density, sites);
  const std::uint64_t total = std::min<std::uint64_t>(cops + citizens, sites);
  core::LargeVector<std::uint32_t> order(sites);
  for (std::uint32_t s = 0; s < sites; ++s) order[s] = s;
  core::Stream stream(seed, core::Purpose::placement, 0, 0);
  for (std::uint64_t i = 0; i < total; ++i) {
    const auto j = i + stream.below(static_cast<std::uint32_t>(sites - i));
    std::swap(order[i], order[j]);
    place(order[i], i < cops ? AgentKind::cop : AgentKind::citizen);
  }
}

}  // namespace unrest::epstein
