// Small descriptive statistics used by measures and reports.
#pragma once

#include <cmath>
#include <cstddef>
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

}  // namespace unrest::core
