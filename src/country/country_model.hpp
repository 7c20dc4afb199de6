// The country model: one Model I lattice per region (mechanism 1, geography and scale), each
// sized by country::size_region and seeded from the scenario's seed and the region's index,
// stepped by the parallel scheduler. The other mechanisms (docs/country-model.md) will act
// through per-region modifiers; with none of them, a region is exactly Model I on its lattice.
#pragma once

#include <cstdint>
#include <vector>

#include "core/row_bands.hpp"
#include "country/geography.hpp"
#include "country/scale.hpp"
#include "models/epstein/parallel_model1.hpp"

namespace unrest::country {

struct CountryParams {
  Geography geography;
  double people_per_agent = 100.0;  // scale: 1 = every person an agent
  double density = 0.7;             // citizens per site
  double police_per_100k = 445.0;   // officers per 100,000 inhabitants
  // The Model I rules every region follows; its lattice size and densities are set per region.
  epstein::ModelIParams rules;
};

class CountryModel {
 public:
  CountryModel(const CountryParams& params, std::uint64_t seed);

  // One period in every region. Returns the agent-updates performed.
  std::uint64_t step(std::uint32_t period, core::RowBands& rows);

  std::size_t regions() const { return lattices_.size(); }
  const epstein::ParallelModelI& region(std::size_t r) const { return lattices_[r]; }
  const RegionLattice& size_of(std::size_t r) const { return sizes_[r]; }
  std::vector<epstein::Census> census(core::RowBands& rows) const;
  // The sum over regions; tension is the regions' tension weighted by their free citizens.
  static epstein::Census national(const std::vector<epstein::Census>& regions);

  // The seed of region r's lattice: independent streams per region, the same for any threads.
  static std::uint64_t region_seed(std::uint64_t seed, std::size_t r);
  // The Model I parameters of region r's lattice.
  static epstein::ModelIParams region_rules(const CountryParams& params, const RegionLattice& size);

 private:
  std::vector<RegionLattice> sizes_;
  std::vector<epstein::ParallelModelI> lattices_;
};

}  // namespace unrest::country
