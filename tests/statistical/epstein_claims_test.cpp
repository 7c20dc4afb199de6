// Epstein (2002), Model I: the claims 1-4 and 8 of docs (shared/design/epstein.md, "What our
// implementation must reproduce"), checked statistically over fixed seeds.
//
// Every tolerance below comes either from a binomial/normal bound or from the spread measured
// over 100 seeds (seeds 1..100, 1000 periods for run 2, 300 for runs 3-5) with
// bench/validation/validate.py; docs/validation.md records those measurements. Bands on a
// mean over k seeds are centre +- 4 standard errors, the standard error being the per-seed
// standard deviation over the 100 seeds divided by sqrt(k): a correct model leaves such a band
// with probability below 1e-4 whatever the seeds, while a change of the dynamics moves it out.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/reference_scheduler.hpp"
#include "models/epstein/model1.hpp"
#include "run/epstein_run.hpp"
#include "scenario/scenario.hpp"

namespace unrest {
namespace {

using scenario::Override;

run::RunResult run_scenario(const std::string& name, std::uint64_t seed,
                            std::vector<Override> overrides = {}) {
  overrides.push_back({"scenario.seed", std::to_string(seed)});
  return run::run_epstein(scenario::load_scenario(name, overrides));
}

std::uint64_t peak_active(const run::RunResult& r) {
  std::uint64_t peak = 0;
  for (const run::PeriodRecord& p : r.series) peak = std::max(peak, p.census.active);
  return peak;
}

double mean_of(const std::vector<double>& xs) {
  double sum = 0.0;
  for (double x : xs) sum += x;
  return xs.empty() ? 0.0 : sum / static_cast<double>(xs.size());
}

// P(X >= k) for X ~ Binomial(n, 1/2): the one-sided p-value of a sign test.
double sign_test_p_value(int k, int n) {
  double p = 0.0;
  for (int i = k; i <= n; ++i) {
    p += std::exp(std::lgamma(n + 1.0) - std::lgamma(i + 1.0) - std::lgamma(n - i + 1.0) -
                  n * std::log(2.0));
  }
  return p;
}

constexpr std::uint64_t kOutburstThreshold = 50;

// ---------------------------------------------------------------------------------------------
// Claim 1: with the literal ratio C/A, run 2 has no outburst; actives stay far below 50.
// Over 100 seeds x 1000 periods, in each of two builds of the model with different random
// streams: no outburst at all; peak actives per seed mean 15.6 and 16.0, s.d. 4.1 and 4.9,
// largest 29 and 34. The claim's own bound (< 50) is 7 s.d. above the mean peak.
TEST(EpsteinClaim1, LiteralRatioRun2HasNoOutburst) {
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    const run::RunResult r = run_scenario("epstein-run2", seed, {{"arrest.ratio", "literal"}});
    ASSERT_EQ(r.series.size(), 1000u);
    EXPECT_TRUE(r.outbursts.empty());
    EXPECT_LT(peak_active(r), kOutburstThreshold);
    // Not vacuous: citizens do turn active now and then.
    EXPECT_GT(peak_active(r), 0u);
  }
}

// ---------------------------------------------------------------------------------------------
// Claim 2: with the floor ratio (paper preset), run 2 shows punctuated equilibrium.
//
// Per seed, over 100 seeds x 1000 periods (min-max, two builds of the model with different
// random streams, and at a3c898e): outbursts 31-44, share of periods with fewer than 10
// actives 0.56-0.72, share of periods in outburst 0.16-0.26. The spec's qualitative bounds (>= 15
// outbursts, > 50 % of periods below 10 actives, quiet most of the time) hold with a wide margin in
// every seed, so they are asserted per seed.
//
// Means over the 10 seeds of this test, centre +- 4 s.e. (larger per-seed s.d. of the two
// builds / sqrt(10)):
//   outbursts per 1000 periods   37.0, s.d. 2.73  -> [33.5, 40.5]
//   mean waiting time            21.8, s.d. 1.89  -> [19.4, 24.2]
//   mean total activation         803, s.d. 107   -> [668, 938]
//   waiting time s.d. / mean     0.35, s.d. 0.065 -> [0.27, 0.43]
// The last band documents a known difference from the paper (s.d./mean ~ 0.9, exponential-
// like waits with mean ~ 60): our waits are shorter and far more regular (docs/validation.md).
TEST(EpsteinClaim2, FloorRatioRun2IsPunctuatedEquilibrium) {
  constexpr int kSeeds = 10;
  std::vector<double> per_1000;
  std::vector<double> mean_wait;
  std::vector<double> mean_activation;
  std::vector<double> wait_cv;
  for (std::uint64_t seed = 1; seed <= kSeeds; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    const run::RunResult r = run_scenario("epstein-run2", seed);
    ASSERT_EQ(r.series.size(), 1000u);
    const run::RunStatistics& s = r.statistics;

    std::size_t below_10 = 0;
    for (const run::PeriodRecord& p : r.series) below_10 += p.census.active < 10;
    EXPECT_GT(static_cast<double>(below_10) / 1000.0, 0.5) << "most periods have < 10 actives";
    EXPECT_GE(s.outbursts, 15u) << "dozens of outbursts per 1000 periods";
    EXPECT_LT(s.share_periods_in_outburst, 0.5) << "quiet stretches dominate";
    EXPECT_GT(s.peak_active, kOutburstThreshold);

    ASSERT_GE(s.waiting_time.count, 10u);
    ASSERT_GE(s.total_activation.count, 10u);
    per_1000.push_back(s.outbursts_per_1000_periods);
    mean_wait.push_back(s.waiting_time.mean);
    mean_activation.push_back(s.total_activation.mean);
    wait_cv.push_back(s.waiting_time.sd / s.waiting_time.mean);
  }
  EXPECT_GE(mean_of(per_1000), 33.5);
  EXPECT_LE(mean_of(per_1000), 40.5);
  EXPECT_GE(mean_of(mean_wait), 19.4);
  EXPECT_LE(mean_of(mean_wait), 24.2);
  EXPECT_GE(mean_of(mean_activation), 668.0);
  EXPECT_LE(mean_of(mean_activation), 938.0);
  EXPECT_GE(mean_of(wait_cv), 0.27);
  EXPECT_LE(mean_of(wait_cv), 0.43);
}

// Outbursts are recorded consistently with the series they come from (the statistics above
// would be meaningless otherwise): each is a maximal stretch of periods above 50 actives.
TEST(EpsteinClaim2, OutburstsMatchTheSeries) {
  const run::RunResult r = run_scenario("epstein-run2", 3);
  std::vector<std::uint32_t> starts;
  bool inside = false;
  for (const run::PeriodRecord& p : r.series) {
    const bool above = p.census.active > kOutburstThreshold;
    if (above && !inside) starts.push_back(p.period);
    inside = above;
  }
  ASSERT_EQ(r.outbursts.size(), starts.size());
  for (std::size_t i = 0; i < starts.size(); ++i) {
    const epstein::Outburst& o = r.outbursts[i];
    EXPECT_EQ(o.start, starts[i]);
    std::uint64_t total = 0;
    for (std::uint32_t t = o.start; t <= o.end; ++t) {
      total += r.series[t - 1].census.active;
      EXPECT_GT(r.series[t - 1].census.active, kOutburstThreshold);
    }
    EXPECT_EQ(o.total_activation, total);
  }
}

// ---------------------------------------------------------------------------------------------
// Claim 3, first half: while L = 0.9, G = H (1 - L) <= 0.1 = T and nobody can be active
// (strict inequality), whatever the cops do. Exact, in every period and every seed.
TEST(EpsteinClaim3, NoActivesWhileLegitimacyIsPointNine) {
  for (const char* name : {"epstein-run3", "epstein-run4"}) {
    for (std::uint64_t seed = 1; seed <= 10; ++seed) {
      SCOPED_TRACE(std::string(name) + " seed " + std::to_string(seed));
      const run::RunResult r = run_scenario(name, seed);
      int periods_at_09 = 0;
      for (const run::PeriodRecord& p : r.series) {
        if (std::abs(p.census.legitimacy - 0.9) > 1e-12) continue;
        ++periods_at_09;
        EXPECT_EQ(p.census.active, 0u) << "period " << p.period;
        EXPECT_EQ(p.census.jailed, 0u) << "period " << p.period;
      }
      // Run 3 ramps down from period 50 (L is still 0.9 in period 50), run 4 jumps at 77.
      EXPECT_EQ(periods_at_09, std::string(name) == "epstein-run3" ? 50 : 76);
    }
  }
}

// Claim 3, second half: after the drop, the one-jump peak (run 4, from period 77 on) exceeds
// the salami peak (run 3, from period 50 on), seed by seed. Measured over 100 common seeds it
// does in 71-77 of them (four builds of the model with different random streams; ties count
// as failures): "most seeds", not all. The test is a one-sided sign test, H0 "the jump wins
// no more often than the salami", at the 5 % level: 100 common seeds and at least 59 wins,
// P(X >= 59 | n = 100, p = 1/2) = 0.044. With the measured win rate ~0.73 a fresh set of
// seeds passes with probability 0.999. Under ASan (10x slower): 60 seeds and at least 37 wins,
// P(X >= 37 | 60, 1/2) = 0.046, power 0.98 at p = 0.73.
TEST(EpsteinClaim3, OneJumpPeakExceedsSalamiPeak) {
#if defined(__SANITIZE_ADDRESS__)
  constexpr int kSeeds = 60;
  constexpr int kNeeded = 37;
#else
  constexpr int kSeeds = 100;
  constexpr int kNeeded = 59;
#endif
  ASSERT_LT(sign_test_p_value(kNeeded, kSeeds), 0.05);
  int wins = 0;
  for (int seed = 1; seed <= kSeeds; ++seed) {
    const run::RunResult salami = run_scenario("epstein-run3", static_cast<std::uint64_t>(seed));
    const run::RunResult jump = run_scenario("epstein-run4", static_cast<std::uint64_t>(seed));
    std::uint64_t salami_peak = 0;
    for (const run::PeriodRecord& p : salami.series) {
      if (p.period >= 50) salami_peak = std::max(salami_peak, p.census.active);
    }
    std::uint64_t jump_peak = 0;
    for (const run::PeriodRecord& p : jump.series) {
      if (p.period >= 77) jump_peak = std::max(jump_peak, p.census.active);
    }
    // The jump does bring citizens out at once: some are active in period 77 itself.
    EXPECT_GT(jump.series[76].census.active, 0u) << "seed " << seed;
    wins += jump_peak > salami_peak;
  }
  EXPECT_GE(wins, kNeeded) << "one-jump peak above salami peak in " << wins << " of " << kSeeds
                           << " seeds";
}

// ---------------------------------------------------------------------------------------------
// Claim 4: run 5 (L = 0.8, jail for life) with the cops withdrawn linearly from 118 at period
// 50 to none at period 250: society tips (more than 50 actives) in every seed, long before the
// cops are gone. Over 100 seeds, in each of four builds of the model with different random
// streams: more than 50 actives at some point in 100, 100, 99 and 100 of 100 (the exception, at
// commit f5a2f78, rebels in waves of at most 40 that the cops break up until every aggrieved
// citizen is jailed for life; see docs/validation.md). At a3c898e three of the 100 pass 50 only
// in one short outburst before the withdrawal starts (periods 2-20, all 118 cops on duty) and
// then rebel piecemeal in the same way, so 97 of 100 tip during the withdrawal. First period
// above 50 actives mean 113-117, with on average 78-80 cops (density 0.049-0.050) still on
// duty; the fewest on duty at a tip was 54. So the claim holds in about 97-99 % of seeds: these
// 10 fixed seeds all tip during the withdrawal (periods 92-143 at a3c898e, at least 63 cops),
// and a change of random streams has a 10-30 % chance of bringing a non-tipping seed into them,
// which would then need a look, not a wider bound. Asserted per seed: a tip before period 200,
// i.e. with at least a quarter of the cops (>= 30) still on duty, 50 periods before the last one
// leaves.
TEST(EpsteinClaim4, GradualCopWithdrawalTipsSocietyEarly) {
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    const run::RunResult r = run_scenario("epstein-run5", seed);
    ASSERT_EQ(r.series.size(), 300u);
    EXPECT_EQ(r.series.front().census.cops, 118u);
    EXPECT_EQ(r.series.back().census.cops, 0u);
    EXPECT_GT(peak_active(r), kOutburstThreshold);
    const auto tip = std::find_if(r.series.begin(), r.series.end(), [](const run::PeriodRecord& p) {
      return p.census.active > kOutburstThreshold;
    });
    ASSERT_NE(tip, r.series.end()) << "never tipped";
    EXPECT_LT(tip->period, 200u);
    EXPECT_GE(tip->census.cops, 30u);
  }
}

// ---------------------------------------------------------------------------------------------
// Claim 8: with no cops P = 0, so a citizen is active exactly when G = H (1 - L) > T, i.e.
// H > T / (1 - L): a fraction 1 - T / (1 - L) of citizens, from the first period on (each has
// then decided once) and for ever (nobody is arrested, G does not change).

// Exactly: the actives are the citizens whose drawn H gives G > T, in every period.
TEST(EpsteinClaim8, WithoutCopsActivesAreExactlyThoseWithGAboveT) {
  for (const char* legitimacy : {"0.82", "0.8"}) {
    SCOPED_TRACE(std::string("L = ") + legitimacy);
    const scenario::Scenario s = scenario::load_scenario(
        "epstein-run2", {{"cops.density", "0"}, {"citizens.legitimacy", legitimacy}});
    epstein::ModelI model(s.model, s.seed);
    engine::ReferenceScheduler scheduler(s.seed);
    const epstein::World& w = model.world();
    std::uint64_t expected = 0;
    std::uint64_t citizens = 0;
    for (std::uint32_t slot = 0; slot < w.slot_count(); ++slot) {
      if (w.kind[slot] != epstein::AgentKind::citizen) continue;
      ++citizens;
      expected += w.hardship[slot] * (1.0 - s.model.legitimacy.at(1)) > s.model.threshold;
    }
    ASSERT_EQ(citizens, 1120u);
    for (std::uint32_t t = 1; t <= 5; ++t) {
      scheduler.step(model, t);
      const epstein::Census c = model.census();
      EXPECT_EQ(c.active, expected) << "period " << t;
      EXPECT_EQ(c.jailed, 0u);
      EXPECT_EQ(c.cops, 0u);
    }
  }
}

// Statistically: the active fraction is Binomial(n, p)/n with p = 1 - T/(1 - L), s.d.
// sqrt(p (1 - p) / n); asserted within 4 s.d. per seed (two-sided 6e-5 per check) and within
// 4 s.d. of the mean over the seeds. n = 1120 on the paper's 40 x 40 lattice (s.d. 0.0148 at
// L = 0.82, 0.0149 at L = 0.8) and 28,000 on 200 x 200 (s.d. 0.0030) for a tighter check.
TEST(EpsteinClaim8, WithoutCopsActiveFractionIsOneMinusTOverOneMinusL) {
  struct Case {
    int side;
    double legitimacy;
    int seeds;
  };
  for (const Case c :
       {Case{40, 0.82, 10}, Case{40, 0.8, 10}, Case{200, 0.82, 3}, Case{200, 0.8, 3}}) {
    const double p = 1.0 - 0.1 / (1.0 - c.legitimacy);
    std::vector<double> fractions;
    double n = 0.0;
    for (int seed = 1; seed <= c.seeds; ++seed) {
      SCOPED_TRACE("lattice " + std::to_string(c.side) + " L " + std::to_string(c.legitimacy) +
                   " seed " + std::to_string(seed));
      const run::RunResult r = run_scenario("epstein-run2", static_cast<std::uint64_t>(seed),
                                            {{"cops.density", "0"},
                                             {"citizens.legitimacy", std::to_string(c.legitimacy)},
                                             {"lattice.width", std::to_string(c.side)},
                                             {"lattice.height", std::to_string(c.side)},
                                             {"scenario.periods", "3"}});
      const epstein::Census& first = r.series.front().census;
      n = static_cast<double>(first.active + first.quiet + first.jailed);
      ASSERT_EQ(n, std::round(0.7 * c.side * c.side));
      const double sd = std::sqrt(p * (1.0 - p) / n);
      const double fraction = static_cast<double>(first.active) / n;
      EXPECT_NEAR(fraction, p, 4.0 * sd);
      for (const run::PeriodRecord& rec : r.series) EXPECT_EQ(rec.census.active, first.active);
      fractions.push_back(fraction);
    }
    const double sd_mean = std::sqrt(p * (1.0 - p) / n / static_cast<double>(c.seeds));
    EXPECT_NEAR(mean_of(fractions), p, 4.0 * sd_mean)
        << "lattice " << c.side << " L " << c.legitimacy;
  }
  // The expected values of the spec.
  EXPECT_NEAR(1.0 - 0.1 / (1.0 - 0.82), 0.444, 5e-4);
  EXPECT_NEAR(1.0 - 0.1 / (1.0 - 0.8), 0.5, 1e-12);
}

}  // namespace
}  // namespace unrest
