#include "ensemble/odds.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace unrest::ensemble {
namespace {

country::RunOutcome outcome(country::Regime regime, double citizens_killed, double police_killed,
                            double troops_killed) {
  country::RunOutcome o;
  o.regime = regime;
  o.citizens_killed = citizens_killed;
  o.police_killed = police_killed;
  o.troops_killed = troops_killed;
  return o;
}

TEST(SummarizeOdds, CountsRegimesAndTakesQuartilesOfEachCost) {
  using country::Regime;
  const std::vector<country::RunOutcome> runs{
      outcome(Regime::stands, 10, 1, 0), outcome(Regime::stands, 30, 2, 1),
      outcome(Regime::contested, 20, 0, 0), outcome(Regime::falls, 40, 5, 2)};
  const ScenarioOdds odds = summarize_odds("base", runs);
  EXPECT_EQ(odds.runs, 4u);
  EXPECT_EQ(odds.stands, 2u);
  EXPECT_EQ(odds.contested, 1u);
  EXPECT_EQ(odds.falls, 1u);
  EXPECT_NEAR(odds.stands_interval.low, core::wilson_interval(2, 4).low, 1e-15);
  EXPECT_DOUBLE_EQ(odds.citizens_killed.median, 25.0);
  EXPECT_DOUBLE_EQ(odds.citizens_killed.q1, 17.5);
  EXPECT_DOUBLE_EQ(odds.citizens_killed.q3, 32.5);
  // Security forces: police and foreign troops together, per run: 1, 3, 0, 7.
  EXPECT_DOUBLE_EQ(odds.security_killed.median, 2.0);
  EXPECT_THROW(summarize_odds("empty", {}), std::invalid_argument);
}

}  // namespace
}  // namespace unrest::ensemble
