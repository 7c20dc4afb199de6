#include "country/exposure.hpp"

#include <algorithm>
#include <cmath>

namespace unrest::country {

std::vector<float> exposure_quantiles(double mean, double concentration, std::size_t n) {
  if (mean <= 0.0 || mean >= 1.0) return std::vector<float>(n, static_cast<float>(mean));
  const double a = concentration * mean;
  const double b = concentration * (1.0 - mean);
  // The CDF on a fine grid. The density may be infinite at 0 or 1 (a or b below 1), so each
  // cell integrates the factor that may blow up exactly, times the other at the midpoint:
  // below 1/2, ∫ x^(a−1) dx = (x1^a − x0^a) / a; above, ∫ (1−x)^(b−1) dx likewise.
  constexpr std::size_t kGrid = 1 << 16;
  std::vector<double> cdf(kGrid + 1, 0.0);
  const double dx = 1.0 / kGrid;
  for (std::size_t i = 0; i < kGrid; ++i) {
    const double x0 = static_cast<double>(i) * dx;
    const double x1 = x0 + dx;
    const double mid = x0 + dx / 2;
    const double mass =
        mid < 0.5 ? (std::pow(x1, a) - std::pow(x0, a)) / a * std::pow(1 - mid, b - 1)
                  : (std::pow(1 - x0, b) - std::pow(1 - x1, b)) / b * std::pow(mid, a - 1);
    cdf[i + 1] = cdf[i] + mass;
  }
  const double total = cdf[kGrid];
  std::vector<float> q(n);
  std::size_t j = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double target = (static_cast<double>(i) + 0.5) / static_cast<double>(n) * total;
    while (j < kGrid && cdf[j + 1] < target) ++j;
    const double span = cdf[j + 1] - cdf[j];
    const double within = span > 0 ? (target - cdf[j]) / span : 0.0;
    q[i] = static_cast<float>(std::clamp((static_cast<double>(j) + within) * dx, 0.0, 1.0));
  }
  return q;
}

}  // namespace unrest::country
