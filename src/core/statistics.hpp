// Small descriptive statistics used by measures and reports.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <stdexcept>
#include <utility>
#include <vector>

namespace unrest::core {

struct Moments {
  std::size_t count = 0;
  double mean = 0.0;
  double sd = 0.0;  // sample standard deviation (n - 1); 0 when count < 2
};

inline Moments moments(const std::vector<double>& xs) {
  Moments m;
  m.count = xs.size();
  if (xs.empty()) return m;
  double sum = 0.0;
  for (double x : xs) sum += x;
  m.mean = sum / static_cast<double>(xs.size());
  if (xs.size() > 1) {
    double ss = 0.0;
    for (double x : xs) ss += (x - m.mean) * (x - m.mean);
    m.sd = std::sqrt(ss / static_cast<double>(xs.size() - 1));
  }
  return m;
}

struct TwoSampleTest {
  double statistic = 0.0;  // U (Mann–Whitney: U of the first sample) or D (Kolmogorov–Smirnov)
  double p_value = 1.0;    // two-sided
};

// Mann–Whitney U (Wilcoxon rank-sum), two-sided; midranks for ties. The normal approximation (with
// tie and continuity corrections) is accurate once both samples have about 20 values or more,
// which is what replicate comparisons use; it is not exact for tiny samples.
inline TwoSampleTest mann_whitney_u(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.empty() || b.empty()) throw std::invalid_argument("mann_whitney_u: empty sample");
  std::vector<std::pair<double, bool>> all;  // (value, belongs to a)
  all.reserve(a.size() + b.size());
  for (double x : a) all.emplace_back(x, true);
  for (double x : b) all.emplace_back(x, false);
  std::sort(all.begin(), all.end());
  double rank_sum_a = 0.0;
  double tie_sum = 0.0;  // sum of t^3 - t over groups of t tied values
  for (std::size_t i = 0; i < all.size();) {
    std::size_t k = i;
    while (k < all.size() && all[k].first == all[i].first) ++k;
    const double midrank = static_cast<double>(i + 1 + k) / 2.0;  // mean of ranks i+1 .. k
    for (std::size_t m = i; m < k; ++m)
      if (all[m].second) rank_sum_a += midrank;
    const auto t = static_cast<double>(k - i);
    tie_sum += t * t * t - t;
    i = k;
  }
  const auto na = static_cast<double>(a.size());
  const auto nb = static_cast<double>(b.size());
  const double n = na + nb;
  TwoSampleTest r;
  r.statistic = rank_sum_a - na * (na + 1.0) / 2.0;
  const double var = na * nb / 12.0 * ((n + 1.0) - tie_sum / (n * (n - 1.0)));
  if (var <= 0.0) return r;  // every value equal: no evidence of a difference
  const double z = std::max(0.0, std::abs(r.statistic - na * nb / 2.0) - 0.5) / std::sqrt(var);
  r.p_value = std::erfc(z / std::sqrt(2.0));  // 2 * (1 - Phi(z))
  return r;
}

// Two-sample Kolmogorov–Smirnov, two-sided: D = sup |F_a - F_b|, p from the asymptotic
// Kolmogorov distribution with Stephens' small-sample correction on n = na*nb/(na+nb).
inline TwoSampleTest kolmogorov_smirnov(const std::vector<double>& a,
                                        const std::vector<double>& b) {
  if (a.empty() || b.empty()) throw std::invalid_argument("kolmogorov_smirnov: empty sample");
  std::vector<double> sa = a;
  std::vector<double> sb = b;
  std::sort(sa.begin(), sa.end());
  std::sort(sb.begin(), sb.end());
  const auto na = static_cast<double>(sa.size());
  const auto nb = static_cast<double>(sb.size());
  TwoSampleTest r;
  std::size_t i = 0;
  std::size_t j = 0;
  // Once either sample is used up the gap can only shrink, so stopping there is enough.
  while (i < sa.size() && j < sb.size()) {
    const double x = std::min(sa[i], sb[j]);
    while (i < sa.size() && sa[i] == x) ++i;  // step over equal values together
    while (j < sb.size() && sb[j] == x) ++j;
    r.statistic =
        std::max(r.statistic, std::abs(static_cast<double>(i) / na - static_cast<double>(j) / nb));
  }
  const double sqrt_n = std::sqrt(na * nb / (na + nb));
  const double lambda = (sqrt_n + 0.12 + 0.11 / sqrt_n) * r.statistic;
  // Below 0.1 the series converges too slowly to sum, and 1 - p is under 1e-50 anyway.
  if (lambda < 0.1) return r;
  double sum = 0.0;
  for (int k = 1; k <= 100; ++k) {  // with lambda >= 0.1 the 100th term is below exp(-200)
    const double term = std::exp(-2.0 * static_cast<double>(k * k) * lambda * lambda);
    sum += (k % 2 == 1) ? term : -term;
  }
  r.p_value = std::clamp(2.0 * sum, 0.0, 1.0);
  return r;
}

struct Interval {
  double low = 0.0;
  double high = 0.0;
};

// The Wilson score interval for a proportion of `successes` in `trials`, at the normal quantile
// z (1.96 for 95 %). Unlike the normal approximation it stays inside [0, 1] and is sensible at
// 0 or n successes, which ensembles of a few dozen runs often give.
inline Interval wilson_interval(std::size_t successes, std::size_t trials,
                                double z = 1.959963984540054) {
  if (trials == 0 || successes > trials)
    throw std::invalid_argument("wilson_interval: need 0 <= k <= n, n > 0");
  const auto n = static_cast<double>(trials);
  const double p = static_cast<double>(successes) / n;
  const double z2 = z * z;
  const double denominator = 1.0 + z2 / n;
  const double centre = (p + z2 / (2.0 * n)) / denominator;
  const double half = z * std::sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n)) / denominator;
  return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

// The q-quantile (0 <= q <= 1) by linear interpolation between order statistics (Hyndman and
// Fan's type 7, R's and NumPy's default), so medians and quartiles match what users compute.
inline double quantile(std::vector<double> xs, double q) {
  if (xs.empty() || !(q >= 0.0 && q <= 1.0))
    throw std::invalid_argument("quantile: empty or q outside [0, 1]");
  std::sort(xs.begin(), xs.end());
  const double h = q * static_cast<double>(xs.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, xs.size() - 1);
  return xs[lo] + (h - static_cast<double>(lo)) * (xs[hi] - xs[lo]);
}

}  // namespace unrest::core
