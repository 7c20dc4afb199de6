// The analyst's table: per scenario of a comparison, the odds that the regime stands (with a
// 95 % Wilson interval) and the median and interquartile range of the costs. Pure: computed
// from the outcomes of the runs, whatever stored them.
#pragma once

#include <string>
#include <vector>

#include "core/statistics.hpp"
#include "country/record.hpp"

namespace unrest::ensemble {

struct Spread {
  double median = 0.0;
  double q1 = 0.0;  // 25th percentile
  double q3 = 0.0;  // 75th percentile
};

struct ScenarioOdds {
  std::string scenario;
  std::size_t runs = 0;
  std::size_t stands = 0;
  std::size_t contested = 0;
  std::size_t falls = 0;
  core::Interval stands_interval;  // 95 % Wilson interval of P(stands)
  Spread citizens_killed;
  Spread security_killed;  // police and foreign troops
  Spread detained;
  Spread duration_hours;
  Spread regions_joined;
  Spread attitude;  // towards the intervener, at the horizon
};

// Throws std::invalid_argument when `runs` is empty.
ScenarioOdds summarize_odds(const std::string& scenario,
                            const std::vector<country::RunOutcome>& runs);

}  // namespace unrest::ensemble
