// Parameter designs for `unrest sweep`: the factors given by --vary, and the design points of a
// full grid, a Latin hypercube or a Sobol sequence. Pure; each point is a list of key = value
// overrides that the scenario loader then validates like any --set.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace unrest::ensemble {

// One --vary: `key=a:b:n` (a range from a to b; n levels on a grid) or `key=v1,v2,...` (a list).
struct Factor {
  std::string key;
  bool is_range = false;
  double low = 0.0;
  double high = 0.0;
  std::uint32_t levels = 0;         // a range's levels on a grid
  std::vector<std::string> values;  // a list's values, as given
};

// Parses one --vary. Throws std::invalid_argument with a message naming the spec and what is
// expected (an empty range or list, a > b, n < 1, a malformed number).
Factor parse_factor(const std::string& spec);

enum class DesignKind { grid, lhs, sobol };
DesignKind parse_design_kind(const std::string& name);

using DesignPoint = std::vector<std::pair<std::string, std::string>>;  // key, value

// The design's points. grid: every combination (the first factor varies slowest); `points` must
// be 0. lhs and sobol: `points` points, each factor's range mapped from [0, 1) (a list takes
// level floor(u * size)); lhs draws from (seed, design).
std::vector<DesignPoint> make_design(const std::vector<Factor>& factors, DesignKind kind,
                                     std::uint32_t points, std::uint64_t seed);

// Unit-cube designs, exposed for tests. A Latin hypercube: in every dimension each of the
// `points` strata [k/points, (k+1)/points) holds exactly one point.
std::vector<std::vector<double>> latin_hypercube(std::uint32_t points, std::uint32_t dims,
                                                 std::uint64_t seed);
// The first `points` points of the Sobol sequence (Joe and Kuo's direction numbers, Gray-code
// order, starting with the origin, unscrambled: the points scipy.stats.qmc.Sobol(scramble=False)
// gives). Up to kSobolMaxDims dimensions.
inline constexpr std::uint32_t kSobolMaxDims = 10;
std::vector<std::vector<double>> sobol_points(std::uint32_t points, std::uint32_t dims);

}  // namespace unrest::ensemble
