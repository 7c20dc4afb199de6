// Mechanism 1, scale: how a region's people become a lattice. At `people_per_agent` = 1 every
// person is an agent; at 100, each agent stands for a hundred. A region's citizens fill its
// square torus at the scenario's density; its police, from a per-capita rate, stand among
// them. Pure arithmetic, shared by the loader (which validates) and the model.
#pragma once

#include <cstdint>

namespace unrest::country {

struct RegionLattice {
  int side = 0;                  // the torus is side × side
  std::uint64_t citizens = 0;    // round(population / people_per_agent)
  std::uint64_t police = 0;      // round(population × police_per_100k / 1e5 / people_per_agent)
  double citizen_density = 0.0;  // citizens / sites, which places exactly `citizens`
  double cop_density = 0.0;      // police / sites, which places exactly `police`
};

// The smallest square lattice holding the citizens at `density` (at least `min_side` wide, so
// that a vision fits), with its police. Arguments must be positive; density at most 1.
RegionLattice size_region(std::uint64_t population, double people_per_agent, double density,
                          double police_per_100k, int min_side);

}  // namespace unrest::country
