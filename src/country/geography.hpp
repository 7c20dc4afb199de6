// Mechanism 1 of the country model (geography and scale): the regions of a country, each with
// its population, area, centroid and land neighbours. Plain data, loaded and validated by the
// scenario layer (scenario/regions_csv); the model reads it, never a file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace unrest::country {

struct Region {
  std::string id;    // key used by scenarios and events, e.g. "mangystau"
  std::string name;  // for people
  std::string type;  // e.g. "oblast", "city_of_national_significance"
  std::string capital;
  std::uint64_t population = 0;
  double area_km2 = 0.0;
  double latitude = 0.0;  // centroid, degrees
  double longitude = 0.0;
  std::vector<std::size_t> neighbours;  // indexes into Geography::regions, ascending
  bool oil_gas = false;                 // an oil- or gas-producing region
};

struct Geography {
  std::vector<Region> regions;  // in file order

  std::optional<std::size_t> index_of(const std::string& id) const;
  std::uint64_t population() const;
  // Great-circle distance between two regions' centroids, in km.
  double distance_km(std::size_t a, std::size_t b) const;
};

}  // namespace unrest::country
