// The rules of Model I as pure functions of their inputs: grievance, estimated arrest
// probability, the activation decision (rule A) and the jail term. No state, no I/O.
#pragma once

#include <cstdint>
#include <vector>

#include "core/rng.hpp"
#include "models/epstein/params.hpp"

namespace unrest::epstein {

// G = H (1 - L).
inline double grievance(double hardship, double legitimacy) {
  return hardship * (1.0 - legitimacy);
}

// The cop-to-active ratio as each rule reads C / A (A >= 1 always, it counts the citizen).
double arrest_ratio(ArrestRatio rule, int cops, int actives);

// P = 1 - exp(-k * ratio(C, A)).
double arrest_probability(ArrestRatio rule, double k, int cops, int actives);

// arrest_probability() for every count a vision of `sites` sites can hold (C <= sites,
// 1 <= A <= sites + 1), computed once: the same values, without an exp per decision.
class ArrestProbabilityTable {
 public:
  ArrestProbabilityTable(ArrestRatio rule, double k, int sites);
  double at(int cops, int actives) const {
    return table_[static_cast<std::size_t>(cops * stride_ + actives)];
  }

 private:
  int stride_ = 0;
  std::vector<double> table_;
};

// Rule A: active if G - R*P > T, strictly.
inline bool decides_active(double grievance_value, double risk_aversion, double probability,
                           double threshold) {
  return grievance_value - risk_aversion * probability > threshold;
}

// The spec's tension: mean G of the free citizens × their quiet share / their mean R; 0 when
// there is no free citizen or no risk aversion.
inline double tension(double sum_grievance, double sum_risk_aversion, std::uint64_t quiet,
                      std::uint64_t active) {
  const auto free_citizens = static_cast<double>(quiet + active);
  if (!(free_citizens > 0 && sum_risk_aversion > 0)) return 0.0;
  return (sum_grievance / free_citizens) * (static_cast<double>(quiet) / free_citizens) /
         (sum_risk_aversion / free_citizens);
}

// A citizen whose grievance cannot exceed T is quiet whatever it sees (P >= 0): the model
// skips counting its neighbourhood. Exact, not an approximation.
inline bool can_ever_be_active(double grievance_value, double threshold) {
  return grievance_value > threshold;
}

// Jail term drawn by the chosen rule; an infinite J_max gives an infinite term.
double draw_jail_term(JailTerm rule, double max_term, core::Stream& stream);

}  // namespace unrest::epstein
