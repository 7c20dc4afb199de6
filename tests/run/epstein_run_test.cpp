#include "run/epstein_run.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "scenario/scenario.hpp"

namespace unrest::run {
namespace {

scenario::Scenario small_scenario(std::uint64_t seed, std::uint32_t periods = 60) {
  return scenario::load_scenario_text("t.toml", "[citizens]\nlegitimacy = 0.75\n",
                                      {{"scenario.seed", std::to_string(seed)},
                                       {"scenario.periods", std::to_string(periods)},
                                       {"measures.outburst_threshold", "20"}});
}

bool same_series(const RunResult& a, const RunResult& b) {
  if (a.series.size() != b.series.size()) return false;
  for (std::size_t i = 0; i < a.series.size(); ++i) {
    const auto& x = a.series[i];
    const auto& y = b.series[i];
    if (x.period != y.period || x.census.quiet != y.census.quiet ||
        x.census.active != y.census.active || x.census.jailed != y.census.jailed ||
        x.census.cops != y.census.cops || x.census.tension != y.census.tension ||
        x.census.legitimacy != y.census.legitimacy) {
      return false;
    }
  }
  return true;
}

TEST(RunEpstein, SameSeedIdenticalSeriesOtherSeedDifferent) {
  const RunResult a = run_epstein(small_scenario(7));
  const RunResult b = run_epstein(small_scenario(7));
  const RunResult c = run_epstein(small_scenario(8));
  ASSERT_EQ(a.series.size(), 60u);
  EXPECT_TRUE(same_series(a, b));
  EXPECT_EQ(a.agent_updates, b.agent_updates);
  EXPECT_EQ(a.outbursts.size(), b.outbursts.size());
  EXPECT_FALSE(same_series(a, c));
}

TEST(RunEpstein, RecordsEveryPeriodAndReportsProgress) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> calls;
  const RunResult r = run_epstein(
      small_scenario(3, 25), [&](std::uint32_t t, std::uint32_t n) { calls.emplace_back(t, n); });
  ASSERT_EQ(r.series.size(), 25u);
  ASSERT_EQ(calls.size(), 25u);
  for (std::uint32_t t = 1; t <= 25; ++t) {
    EXPECT_EQ(r.series[t - 1].period, t);
    EXPECT_EQ(calls[t - 1], std::make_pair(t, 25u));
    const auto& c = r.series[t - 1].census;
    EXPECT_EQ(c.quiet + c.active + c.jailed, 1120u);
    EXPECT_EQ(c.cops, 64u);
    EXPECT_DOUBLE_EQ(c.legitimacy, 0.75);
  }
  // Every free actor is activated once per period: at least those still free at its end.
  std::uint64_t free_at_end = 0;
  for (const PeriodRecord& p : r.series)
    free_at_end += p.census.quiet + p.census.active + p.census.cops;
  EXPECT_GE(r.agent_updates, free_at_end);
  EXPECT_LE(r.agent_updates, 25u * (1120u + 64u));
  EXPECT_GE(r.wall_seconds, 0.0);
}

TEST(RunEpstein, OutburstsAndStatisticsAgreeWithTheSeries) {
  const scenario::Scenario s = small_scenario(5, 80);
  const RunResult r = run_epstein(s);
  epstein::OutburstDetector d(s.outburst_threshold);
  for (const PeriodRecord& p : r.series) d.observe(p.period, p.census.active);
  d.finish();
  ASSERT_EQ(r.outbursts.size(), d.outbursts().size());
  for (std::size_t i = 0; i < r.outbursts.size(); ++i) {
    EXPECT_EQ(r.outbursts[i].start, d.outbursts()[i].start);
    EXPECT_EQ(r.outbursts[i].total_activation, d.outbursts()[i].total_activation);
  }
  const RunStatistics again = summarize(r.series, r.outbursts);
  EXPECT_EQ(r.statistics.mean_active, again.mean_active);
  EXPECT_EQ(r.statistics.peak_active, again.peak_active);
  EXPECT_EQ(r.statistics.outbursts, again.outbursts);
  EXPECT_GT(r.statistics.peak_active, 0u);
}

std::vector<PeriodRecord> series_of(const std::vector<std::uint64_t>& actives,
                                    const std::vector<std::uint64_t>& jailed) {
  std::vector<PeriodRecord> out;
  for (std::size_t i = 0; i < actives.size(); ++i) {
    PeriodRecord r;
    r.period = static_cast<std::uint32_t>(i + 1);
    r.census.active = actives[i];
    r.census.jailed = jailed[i];
    out.push_back(r);
  }
  return out;
}

TEST(Summarize, HandMadeSeries) {
  //            t: 1   2   3   4  5   6  7   8
  const std::vector<std::uint64_t> actives = {0, 60, 70, 10, 0, 55, 0, 80};
  const std::vector<std::uint64_t> jailed = {0, 1, 2, 3, 4, 5, 6, 7};
  const auto series = series_of(actives, jailed);
  epstein::OutburstDetector d(50);
  for (const auto& p : series) d.observe(p.period, p.census.active);
  d.finish();
  const auto& outbursts = d.outbursts();
  ASSERT_EQ(outbursts.size(), 3u);  // 2-3, 6, 8 (incomplete)
  const RunStatistics s = summarize(series, outbursts);
  EXPECT_DOUBLE_EQ(s.mean_active, 275.0 / 8);
  EXPECT_EQ(s.peak_active, 80u);
  EXPECT_DOUBLE_EQ(s.mean_jailed, 28.0 / 8);
  EXPECT_EQ(s.outbursts, 3u);
  EXPECT_DOUBLE_EQ(s.outbursts_per_1000_periods, 375.0);
  EXPECT_DOUBLE_EQ(s.share_periods_in_outburst, 4.0 / 8);
  // Waits exclude the first (censored) one: periods 4-5 (2) and 7 (1).
  EXPECT_EQ(s.waiting_time.count, 2u);
  EXPECT_DOUBLE_EQ(s.waiting_time.mean, 1.5);
  EXPECT_NEAR(s.waiting_time.sd, 0.70710678118654757, 1e-12);
  // Activation, peak and duration: complete outbursts only (130 and 55).
  EXPECT_EQ(s.total_activation.count, 2u);
  EXPECT_DOUBLE_EQ(s.total_activation.mean, 92.5);
  EXPECT_NEAR(s.total_activation.sd, 53.033008588991066, 1e-9);
  EXPECT_DOUBLE_EQ(s.peak.mean, 62.5);
  EXPECT_DOUBLE_EQ(s.duration.mean, 1.5);
}

TEST(Summarize, EmptyAndQuietSeries) {
  const RunStatistics none = summarize({}, {});
  EXPECT_EQ(none.mean_active, 0.0);
  EXPECT_EQ(none.outbursts, 0u);
  const auto series = series_of({1, 2, 3}, {0, 0, 0});
  const RunStatistics quiet = summarize(series, {});
  EXPECT_DOUBLE_EQ(quiet.mean_active, 2.0);
  EXPECT_EQ(quiet.peak_active, 3u);
  EXPECT_EQ(quiet.share_periods_in_outburst, 0.0);
  EXPECT_EQ(quiet.waiting_time.count, 0u);
  EXPECT_EQ(quiet.waiting_time.sd, 0.0);
}

}  // namespace
}  // namespace unrest::run
