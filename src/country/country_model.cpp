#include "country/country_model.hpp"

#include <cmath>

#include "core/rng.hpp"

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

CountryModel::CountryModel(const CountryParams& params, std::uint64_t seed) {
  // A lattice must be at least 2 * floor(vision) + 1 wide for the vision to fit.
  const double vision = std::max(params.rules.citizen_vision, params.rules.cop_vision);
  const int min_side = 2 * static_cast<int>(std::floor(vision)) + 1;
  const std::vector<Region>& regions = params.geography.regions;
  sizes_.reserve(regions.size());
  lattices_.reserve(regions.size());
  for (std::size_t r = 0; r < regions.size(); ++r) {
    sizes_.push_back(size_region(regions[r].population, params.people_per_agent, params.density,
                                 params.police_per_100k, min_side));
    lattices_.emplace_back(region_rules(params, sizes_.back()), region_seed(seed, r));
  }
}

std::uint64_t CountryModel::step(std::uint32_t period, core::RowBands& rows) {
  // Regions in turn, each on every thread: a region's blocks are plenty of parallel work.
  std::uint64_t updates = 0;
  for (epstein::ParallelModelI& lattice : lattices_) updates += lattice.step(period, rows);
  return updates;
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
  for (const epstein::Census& c : regions) {
    n.quiet += c.quiet;
    n.active += c.active;
    n.jailed += c.jailed;
    n.cops += c.cops;
    weighted_tension += c.tension * static_cast<double>(c.quiet + c.active);
    n.legitimacy = c.legitimacy;  // national legitimacy: the same in every region for now
  }
  const auto free_citizens = static_cast<double>(n.quiet + n.active);
  if (free_citizens > 0) n.tension = weighted_tension / free_citizens;
  return n;
}

}  // namespace unrest::country
