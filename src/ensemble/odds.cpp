#include "ensemble/odds.hpp"

#include <functional>
#include <stdexcept>

namespace unrest::ensemble {
namespace {

Spread spread_of(const std::vector<country::RunOutcome>& runs,
                 const std::function<double(const country::RunOutcome&)>& value) {
  std::vector<double> xs;
  xs.reserve(runs.size());
  for (const country::RunOutcome& o : runs) xs.push_back(value(o));
  return {core::quantile(xs, 0.5), core::quantile(xs, 0.25), core::quantile(xs, 0.75)};
}

}  // namespace

ScenarioOdds summarize_odds(const std::string& scenario,
                            const std::vector<country::RunOutcome>& runs) {
  if (runs.empty()) throw std::invalid_argument("summarize_odds: no runs of " + scenario);
  ScenarioOdds odds;
  odds.scenario = scenario;
  odds.runs = runs.size();
  for (const country::RunOutcome& o : runs) {
    odds.stands += o.regime == country::Regime::stands ? 1 : 0;
    odds.contested += o.regime == country::Regime::contested ? 1 : 0;
    odds.falls += o.regime == country::Regime::falls ? 1 : 0;
  }
  odds.stands_interval = core::wilson_interval(odds.stands, odds.runs);
  odds.citizens_killed = spread_of(runs, [](const auto& o) { return o.citizens_killed; });
  odds.security_killed =
      spread_of(runs, [](const auto& o) { return o.police_killed + o.troops_killed; });
  odds.detained = spread_of(runs, [](const auto& o) { return o.detained; });
  odds.duration_hours = spread_of(runs, [](const auto& o) { return o.duration_hours; });
  odds.regions_joined =
      spread_of(runs, [](const auto& o) { return static_cast<double>(o.regions_joined); });
  odds.attitude = spread_of(runs, [](const auto& o) { return o.attitude; });
  return odds;
}

}  // namespace unrest::ensemble
