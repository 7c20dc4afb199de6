// Mechanism 3, exposure to a price: each citizen's exposure e ∈ [0, 1] to the price of fuel is
// a draw from a Beta distribution with the region's mean μ and a concentration κ
// (Beta(κμ, κ(1−μ))). The model keeps it as a table of quantiles: a citizen's own stream
// picks one, so exposure costs no memory per agent and is the same all the citizen's life.
#pragma once

#include <vector>

namespace unrest::country {

inline constexpr std::size_t kExposureQuantiles = 1024;

// The quantiles at (i + 0.5) / n of Beta(κμ, κ(1−μ)), i = 0..n−1. μ in [0, 1], κ > 0;
// μ = 0 or 1 gives a constant.
std::vector<float> exposure_quantiles(double mean, double concentration,
                                      std::size_t n = kExposureQuantiles);

}  // namespace unrest::country
