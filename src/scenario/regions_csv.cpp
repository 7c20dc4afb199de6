#include "scenario/regions_csv.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "scenario/csv.hpp"

namespace unrest::scenario {
namespace {

std::vector<std::string> split_ids(const std::string& list) {
  std::vector<std::string> ids;
  std::stringstream in(list);
  std::string id;
  while (std::getline(in, id, ';')) {
    if (!id.empty()) ids.push_back(id);
  }
  return ids;
}

}  // namespace

country::Geography load_regions_csv(const std::string& path) {
  std::ifstream in;
  if (std::filesystem::is_regular_file(path)) in.open(path, std::ios::binary);
  if (!in.is_open() || !in) throw InputError(fmt::format("{}: no such regions file", path));
  std::ostringstream text;
  text << in.rdbuf();
  return read_regions_csv(path, text.str());
}

country::Geography read_regions_csv(const std::string& path, const std::string& text) {
  country::Geography g;
  std::vector<unsigned> line_of;                     // file line of each region
  std::vector<std::vector<std::string>> neighbours;  // by id, resolved below
  try {
    CsvReader<10> in(path, text.data(), text.data() + text.size());
    in.read_header(io::ignore_extra_column, "id", "name", "type", "capital", "population",
                   "area_km2", "centroid_lat", "centroid_lon", "neighbours", "oil_gas_region");
    country::Region r;
    std::string neighbour_list;
    std::string oil_gas;
    long long population = 0;
    while (in.read_row(r.id, r.name, r.type, r.capital, population, r.area_km2, r.latitude,
                       r.longitude, neighbour_list, oil_gas)) {
      const unsigned line = in.get_file_line();
      if (r.id.empty()) csv_fail(path, line, "id", "expected a region id, got an empty field");
      if (g.index_of(r.id)) csv_fail(path, line, "id", fmt::format("'{}' is listed twice", r.id));
      if (population <= 0) {
        csv_fail(path, line, "population",
                 fmt::format("expected a positive number of people, got {}", population));
      }
      if (!(r.area_km2 > 0.0)) {
        csv_fail(path, line, "area_km2",
                 fmt::format("expected a positive area, got {}", r.area_km2));
      }
      if (!(std::abs(r.latitude) <= 90.0)) {
        csv_fail(path, line, "centroid_lat", fmt::format("expected [-90, 90], got {}", r.latitude));
      }
      if (!(std::abs(r.longitude) <= 180.0)) {
        csv_fail(path, line, "centroid_lon",
                 fmt::format("expected [-180, 180], got {}", r.longitude));
      }
      if (oil_gas != "yes" && oil_gas != "no") {
        csv_fail(path, line, "oil_gas_region",
                 fmt::format("expected yes or no, got '{}'", oil_gas));
      }
      r.population = static_cast<std::uint64_t>(population);
      r.oil_gas = oil_gas == "yes";
      g.regions.push_back(r);
      line_of.push_back(line);
      neighbours.push_back(split_ids(neighbour_list));
    }
  } catch (const io::error::missing_column_in_header& e) {
    csv_missing_column(path, e.column_name);
  } catch (const io::error::base& e) {
    // The library's message names the file, the line and the column.
    throw InputError(e.what());
  }
  if (g.regions.empty()) throw InputError(fmt::format("{}: expected at least one region", path));
  for (std::size_t i = 0; i < g.regions.size(); ++i) {
    for (const std::string& id : neighbours[i]) {
      const auto j = g.index_of(id);
      if (!j) csv_fail(path, line_of[i], "neighbours", fmt::format("unknown region '{}'", id));
      if (*j == i) csv_fail(path, line_of[i], "neighbours", "a region cannot neighbour itself");
      g.regions[i].neighbours.push_back(*j);
    }
    std::sort(g.regions[i].neighbours.begin(), g.regions[i].neighbours.end());
  }
  for (std::size_t i = 0; i < g.regions.size(); ++i) {
    for (const std::size_t j : g.regions[i].neighbours) {
      const auto& back = g.regions[j].neighbours;
      if (!std::binary_search(back.begin(), back.end(), i)) {
        csv_fail(path, line_of[j], "neighbours",
                 fmt::format("'{}' lists '{}' as a neighbour but '{}' does not list '{}'",
                             g.regions[i].id, g.regions[j].id, g.regions[j].id, g.regions[i].id));
      }
    }
  }
  return g;
}

}  // namespace unrest::scenario
