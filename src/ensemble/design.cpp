#include "ensemble/design.hpp"

#include <fmt/format.h>

#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include "core/rng.hpp"

namespace unrest::ensemble {
namespace {

double parse_number(const std::string& spec, const std::string& text) {
  double value = 0.0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
    throw std::invalid_argument(fmt::format(
        "--vary {}: '{}' is not a number; expected key=a:b:n or key=v1,v2,...", spec, text));
  }
  return value;
}

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::size_t from = 0;
  for (;;) {
    const std::size_t at = text.find(separator, from);
    parts.push_back(text.substr(from, at - from));
    if (at == std::string::npos) return parts;
    from = at + 1;
  }
}

std::string format_value(double x) {
  return fmt::format("{:.10g}", x);
}

// The value of `factor` at unit coordinate u in [0, 1).
std::string value_at(const Factor& factor, double u) {
  if (factor.is_range) return format_value(factor.low + u * (factor.high - factor.low));
  const auto k =
      static_cast<std::size_t>(std::floor(u * static_cast<double>(factor.values.size())));
  return factor.values[std::min(k, factor.values.size() - 1)];
}

// Joe and Kuo (2008), new-joe-kuo-6.21201, dimensions 2 to 10: degree s, coefficients a, and
// the initial direction numbers m_1 .. m_s.
struct Primitive {
  unsigned s;
  unsigned a;
  std::array<unsigned, 5> m;
};
constexpr std::array<Primitive, kSobolMaxDims - 1> kJoeKuo{{
    {1, 0, {1, 0, 0, 0, 0}},
    {2, 1, {1, 3, 0, 0, 0}},
    {3, 1, {1, 3, 1, 0, 0}},
    {3, 2, {1, 1, 1, 0, 0}},
    {4, 1, {1, 1, 3, 3, 0}},
    {4, 4, {1, 3, 5, 13, 0}},
    {5, 2, {1, 1, 5, 5, 17}},
    {5, 4, {1, 1, 5, 5, 5}},
    {5, 7, {1, 1, 7, 11, 19}},
}};

constexpr unsigned kBits = 32;

std::array<std::uint32_t, kBits + 1> direction_numbers(std::uint32_t dim) {
  std::array<std::uint32_t, kBits + 1> v{};  // v[1..32]
  if (dim == 0) {
    for (unsigned k = 1; k <= kBits; ++k) v[k] = std::uint32_t{1} << (kBits - k);
    return v;
  }
  const Primitive& p = kJoeKuo[dim - 1];
  for (unsigned k = 1; k <= p.s; ++k) v[k] = p.m[k - 1] << (kBits - k);
  for (unsigned k = p.s + 1; k <= kBits; ++k) {
    v[k] = v[k - p.s] ^ (v[k - p.s] >> p.s);
    for (unsigned i = 1; i < p.s; ++i) {
      if (((p.a >> (p.s - 1 - i)) & 1u) != 0) v[k] ^= v[k - i];
    }
  }
  return v;
}

}  // namespace

Factor parse_factor(const std::string& spec) {
  const std::size_t eq = spec.find('=');
  if (eq == std::string::npos || eq == 0) {
    throw std::invalid_argument(
        fmt::format("--vary {}: expected key=a:b:n (a range) or key=v1,v2,... (a list)", spec));
  }
  Factor f;
  f.key = spec.substr(0, eq);
  const std::string rest = spec.substr(eq + 1);
  if (rest.empty())
    throw std::invalid_argument(fmt::format("--vary {}: empty list of values", spec));
  if (rest.find(':') != std::string::npos) {
    const std::vector<std::string> parts = split(rest, ':');
    if (parts.size() != 3) {
      throw std::invalid_argument(fmt::format("--vary {}: a range is a:b:n, three numbers", spec));
    }
    f.is_range = true;
    f.low = parse_number(spec, parts[0]);
    f.high = parse_number(spec, parts[1]);
    const double n = parse_number(spec, parts[2]);
    if (n < 1 || n != std::floor(n) || n > 1e6) {
      throw std::invalid_argument(fmt::format(
          "--vary {}: empty range: n = {} levels, expected a whole number from 1 to 1000000", spec,
          parts[2]));
    }
    if (f.low > f.high) {
      throw std::invalid_argument(
          fmt::format("--vary {}: empty range: a = {} exceeds b = {}", spec, parts[0], parts[1]));
    }
    f.levels = static_cast<std::uint32_t>(n);
    return f;
  }
  f.values = split(rest, ',');
  for (const std::string& v : f.values) {
    if (v.empty())
      throw std::invalid_argument(fmt::format("--vary {}: an empty value in the list", spec));
  }
  return f;
}

DesignKind parse_design_kind(const std::string& name) {
  if (name == "grid") return DesignKind::grid;
  if (name == "lhs") return DesignKind::lhs;
  if (name == "sobol") return DesignKind::sobol;
  throw std::invalid_argument(fmt::format("--design {}: expected grid, lhs or sobol", name));
}

std::vector<std::vector<double>> latin_hypercube(std::uint32_t points, std::uint32_t dims,
                                                 std::uint64_t seed) {
  std::vector<std::vector<double>> x(points, std::vector<double>(dims));
  for (std::uint32_t d = 0; d < dims; ++d) {
    core::Stream stream(seed, core::Purpose::design, d, 0);
    std::vector<std::uint32_t> strata(points);
    std::iota(strata.begin(), strata.end(), 0u);
    for (std::uint32_t i = points; i > 1; --i) std::swap(strata[i - 1], strata[stream.below(i)]);
    for (std::uint32_t i = 0; i < points; ++i) {
      x[i][d] = (static_cast<double>(strata[i]) + stream.uniform()) / static_cast<double>(points);
    }
  }
  return x;
}

std::vector<std::vector<double>> sobol_points(std::uint32_t points, std::uint32_t dims) {
  if (dims > kSobolMaxDims) {
    throw std::invalid_argument(fmt::format(
        "--design sobol: {} factors; this Sobol sequence has {} dimensions: use --design lhs", dims,
        kSobolMaxDims));
  }
  std::vector<std::vector<double>> x(points, std::vector<double>(dims));
  for (std::uint32_t d = 0; d < dims; ++d) {
    const auto v = direction_numbers(d);
    std::uint32_t state = 0;
    for (std::uint32_t i = 0; i < points; ++i) {
      x[i][d] = static_cast<double>(state) * 0x1.0p-32;
      // Gray-code order: flip the direction number of the lowest zero bit of i.
      const auto c = static_cast<unsigned>(std::countr_one(i)) + 1;
      if (c <= kBits) state ^= v[c];
    }
  }
  return x;
}

std::vector<DesignPoint> make_design(const std::vector<Factor>& factors, DesignKind kind,
                                     std::uint32_t points, std::uint64_t seed) {
  if (factors.empty()) throw std::invalid_argument("sweep: give at least one --vary");
  std::vector<DesignPoint> design;
  if (kind == DesignKind::grid) {
    if (points != 0)
      throw std::invalid_argument(
          "--points applies to --design lhs and sobol; a grid has every combination");
    std::vector<std::vector<std::string>> levels;
    std::uint64_t total = 1;
    for (const Factor& f : factors) {
      std::vector<std::string> values = f.values;
      if (f.is_range) {
        for (std::uint32_t i = 0; i < f.levels; ++i) {
          const double u = f.levels == 1 ? 0.0 : static_cast<double>(i) / (f.levels - 1);
          values.push_back(format_value(f.low + u * (f.high - f.low)));
        }
      }
      total *= values.size();
      if (total > 100'000)
        throw std::invalid_argument(fmt::format("sweep: the grid has more than 100000 points"));
      levels.push_back(std::move(values));
    }
    for (std::uint64_t index = 0; index < total; ++index) {
      DesignPoint point(factors.size());
      std::uint64_t rest = index;
      for (std::size_t f = factors.size(); f-- > 0;) {
        point[f] = {factors[f].key, levels[f][rest % levels[f].size()]};
        rest /= levels[f].size();
      }
      design.push_back(std::move(point));
    }
    return design;
  }
  if (points == 0 || points > 100'000) {
    throw std::invalid_argument(
        "--points: give the number of design points, 1 to 100000, for --design lhs or sobol");
  }
  const auto dims = static_cast<std::uint32_t>(factors.size());
  const auto unit =
      kind == DesignKind::lhs ? latin_hypercube(points, dims, seed) : sobol_points(points, dims);
  for (const std::vector<double>& u : unit) {
    DesignPoint point;
    for (std::size_t f = 0; f < factors.size(); ++f)
      point.emplace_back(factors[f].key, value_at(factors[f], u[f]));
    design.push_back(std::move(point));
  }
  return design;
}

}  // namespace unrest::ensemble
