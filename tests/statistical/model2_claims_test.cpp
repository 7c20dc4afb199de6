// Epstein (2002), Model II: claims 5-7 of shared/design/epstein.md ("What our implementation
// must reproduce"), over fixed seeds, and the parallel scheduler's faithfulness on run 7.
// Each tolerance is a test at a stated level: a correct model fails it with at most that
// probability over the choice of seeds, and the seeds are fixed, so the outcome is too.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iostream>
#include <string>
#include <vector>

#include "core/statistics.hpp"
#include "run/epstein_run.hpp"
#include "run/genocide_experiment.hpp"
#include "scenario/scenario.hpp"

namespace unrest {
namespace {

// Two-sided p-value of k successes in n Binomial(n, 1/2) trials.
double binomial_half_p_value(int k, int n) {
  const auto pmf = [n](int i) {
    return std::exp(std::lgamma(n + 1.0) - std::lgamma(i + 1.0) - std::lgamma(n - i + 1.0) -
                    n * std::log(2.0));
  };
  double tail = 0.0;
  const int far = std::min(k, n - k);
  for (int i = 0; i <= far; ++i) tail += pmf(i);
  return std::min(1.0, 2.0 * tail);
}

// Ranks with midranks for ties (1-based).
std::vector<double> ranks(const std::vector<double>& xs) {
  std::vector<std::size_t> order(xs.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return xs[a] < xs[b]; });
  std::vector<double> r(xs.size());
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j + 1 < order.size() && xs[order[j + 1]] == xs[order[i]]) ++j;
    for (std::size_t k = i; k <= j; ++k) r[order[k]] = static_cast<double>(i + j) / 2.0 + 1.0;
    i = j + 1;
  }
  return r;
}

// Spearman's rank correlation: Pearson's on the ranks.
double spearman(const std::vector<double>& x, const std::vector<double>& y) {
  const std::vector<double> rx = ranks(x);
  const std::vector<double> ry = ranks(y);
  const core::Moments mx = core::moments(rx);
  const core::Moments my = core::moments(ry);
  double cov = 0.0;
  for (std::size_t i = 0; i < rx.size(); ++i) cov += (rx[i] - mx.mean) * (ry[i] - my.mean);
  cov /= static_cast<double>(rx.size() - 1);
  return cov / (mx.sd * my.sd);
}

// ---------------------------------------------------------------------------------------------
// Claim 5: run 6 (L = 0.9) has exactly zero kills: G = H (1 - L) <= 0.1 = T for every agent,
// so nobody ever goes active. Exact, on both schedulers.
TEST(Model2Claims, Run6HasZeroKillsExactly) {
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    for (const char* scheduler : {"reference", "parallel"}) {
      const run::RunResult r = run::run_epstein(
          scenario::load_scenario("epstein-run6", {{"scenario.seed", std::to_string(seed)},
                                                   {"scenario.periods", "300"},
                                                   {"engine.scheduler", scheduler}}));
      std::uint64_t kills = 0;
      std::uint64_t births = 0;
      for (const epstein::GroupCensus& g : r.groups) {
        kills += g.kills;
        births += g.births;
      }
      EXPECT_EQ(kills, 0u) << "seed " << seed << " " << scheduler;
      EXPECT_EQ(r.statistics.peak_active, 0u) << "seed " << seed;
      EXPECT_GT(births, 0u) << "the population does turn over";
      ASSERT_TRUE(r.model2.has_value());
      EXPECT_FALSE(r.model2->time_to_genocide.has_value()) << "seed " << seed;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Claim 6: run 7 (L = 0.8, no cops) ends in genocide in every seed, and the victor is random.
// 40 seeds, each capped at 3000 periods (genocide comes within a few hundred). The number of
// Blue victors is tested against Binomial(40, 1/2), two-sided, at alpha = 0.01 (a fair coin
// fails with probability below 0.01: 12 or fewer, or 28 or more, Blue victors).
TEST(Model2Claims, Run7EndsInGenocideWithARandomVictor) {
  const scenario::Scenario s = scenario::load_scenario("epstein-run7");
  constexpr int kSeeds = 40;
  int blue = 0;
  for (int seed = 1; seed <= kSeeds; ++seed) {
    const run::GenocideOutcome o =
        run::run_to_genocide(s, 0.0, static_cast<std::uint64_t>(seed), 3000);
    ASSERT_TRUE(o.time_to_genocide.has_value()) << "no genocide in seed " << seed;
    ASSERT_TRUE(o.survivor.has_value()) << "both groups died out together, seed " << seed;
    blue += *o.survivor == epstein::Group::blue;
  }
  EXPECT_GT(binomial_half_p_value(blue, kSeeds), 0.01) << blue << " Blue victors of " << kSeeds;
  std::cout << "run 7: genocide in all " << kSeeds << " seeds; Blue won " << blue
            << " (two-sided binomial p = " << binomial_half_p_value(blue, kSeeds) << ")\n";
}

// ---------------------------------------------------------------------------------------------
// Claim 7: peacekeeping delays genocide: time to genocide rises with cop density. On the
// --quick curve (6 densities 0..0.1, 12 runs each), Spearman's rho between density and time
// over the 72 runs exceeds 2.33 / sqrt(71) = 0.277, its one-sided 1 % critical value under no
// association (normal approximation, s.d. 1 / sqrt(n - 1)); and the mean rises from the first
// density to the last.
TEST(Model2Claims, TimeToGenocideRisesWithCopDensity) {
  run::GenocideCurveOptions o = run::quick_genocide_curve();
  o.threads = 2;
  const std::vector<run::GenocideCurvePoint> curve =
      run::genocide_curve(scenario::load_scenario("epstein-run7"), o);
  std::vector<double> density;
  std::vector<double> time;
  for (const run::GenocideCurvePoint& p : curve) {
    for (const double t : p.times) {
      density.push_back(p.density);
      time.push_back(t);
    }
  }
  const double rho = spearman(density, time);
  EXPECT_GT(rho, 2.33 / std::sqrt(static_cast<double>(time.size() - 1))) << "rho " << rho;
  EXPECT_GT(curve.back().mean, curve.front().mean);
  std::cout << "quick curve: Spearman rho " << rho
            << "; mean time at density 0: " << curve.front().mean
            << ", at 0.1: " << curve.back().mean << "\n";
}

// ---------------------------------------------------------------------------------------------
// The parallel scheduler's blocks against the reference's whole-lattice order, on run 7 at
// 64 x 64 (2 x 2 blocks; at 40 x 40 there is one block and the two coincide exactly): the
// distributions of time to genocide (capped at 3000 periods, a capped run counting as 3000)
// over 24 seeds each do not differ (Mann-Whitney and Kolmogorov-Smirnov, two-sided, each at
// alpha = 0.001).
TEST(Model2Claims, ParallelBlocksKeepRun7sTimeToGenocide) {
  const scenario::Scenario s =
      scenario::load_scenario("epstein-run7", {{"lattice.width", "64"}, {"lattice.height", "64"}});
  std::vector<double> reference;
  std::vector<double> blocked;
  for (std::uint64_t seed = 1; seed <= 24; ++seed) {
    constexpr std::uint32_t kCap = 3000;
    const run::GenocideOutcome a = run::run_to_genocide(s, 0.0, seed, kCap, false);
    const run::GenocideOutcome b = run::run_to_genocide(s, 0.0, seed + 1000, kCap, true);
    reference.push_back(a.time_to_genocide.value_or(kCap));
    blocked.push_back(b.time_to_genocide.value_or(kCap));
  }
  const core::Moments ma = core::moments(reference);
  const core::Moments mb = core::moments(blocked);
  EXPECT_GT(core::mann_whitney_u(reference, blocked).p_value, 0.001)
      << "reference " << ma.mean << " +- " << ma.sd << ", blocks " << mb.mean << " +- " << mb.sd;
  EXPECT_GT(core::kolmogorov_smirnov(reference, blocked).p_value, 0.001);
  std::cout << "time to genocide, 64 x 64, 24 seeds: reference " << ma.mean << " +- " << ma.sd
            << ", parallel blocks " << mb.mean << " +- " << mb.sd << "\n";
}

}  // namespace
}  // namespace unrest
