// What the country model changes in a region's Model I lattice for one period, and what the
// lattice reports back. Every field's default is the identity: a lattice stepped with default
// conditions takes exactly Model I's decisions with exactly its draws. docs/country-model.md
// gives each field's mechanism and equation.
#pragma once

#include <cstdint>
#include <vector>

namespace unrest::epstein {

// Foreign troops are cops whose id has this bit: they see and are seen as cops, and act with
// their own motivation and force; their arrests and killings are engagements.
inline constexpr std::uint32_t kTroopIdBit = 0x8000'0000u;
inline bool is_troop_id(std::uint32_t id) {
  return (id & kTroopIdBit) != 0;
}

struct RegionConditions {
  bool set_legitimacy = false;  // mechanism 4: use `legitimacy` instead of the schedule
  double legitimacy = 0.0;
  // Mechanism 3: H' = clamp(baseline × H + exposure × price_shock, 0, 1); exposure is a
  // quantile of the region's exposure distribution, picked by the citizen's own stream.
  double hardship_baseline = 1.0;
  // H is first reshaped to 1 − (1 − H)^(1/tail): tail 1 keeps U(0, 1); larger tails make the
  // most deprived rarer (P(H > 1 − ε) = ε^tail), so a shock just past the threshold moves few.
  double hardship_tail = 1.0;
  double price_shock = 0.0;
  const std::vector<float>* exposure_quantiles = nullptr;
  double grievance_boost = 0.0;  // mechanisms 5 and 7: added to G
  double risk_factor = 1.0;      // mechanism 5 (fear loss): multiplies P
  double arrest_factor = 1.0;    // mechanism 6 (state of emergency): multiplies k
  bool movement = true;          // mechanism 6 (curfew): false = nobody moves
  // The engine's rest (docs/engine.md): set by the country model only when none of the
  // region's citizens is active. If also no citizen could turn active this period (the
  // highest grievance any of them could have is at most T), citizens are not activated:
  // they neither move nor act. Officers still are.
  bool rest_if_calm = false;
  // Mechanism 6 (sweeps under a state of emergency): each police officer, at each activation,
  // with this probability looks at one random site in view and detains the citizen there if
  // it is quiet and has been active before in the run.
  double sweep = 0.0;
  // Mechanism 6: an officer acts with this probability; troops with their own.
  double cop_motivation = 1.0;
  double troop_motivation = 1.0;
  // Mechanism 6: desertion of officers outnumbered by more than `desertion_ratio` actives
  // per officer in view for `desertion_periods` activations in a row.
  bool desertion = false;
  double desertion_ratio = 0.0;
  int desertion_periods = 0;
  double desertion_probability = 0.0;
  // Mechanism 7: an arrest where actives in the officer's view are at least `crowd_ratio`
  // per officer is violent: the officer is killed with probability officer_killed × R / R_0,
  // else the citizen is killed with probability lethal_force (troops: troop_lethal_force).
  bool violence = false;
  double crowd_ratio = 0.0;
  double officer_killed = 0.0;
  double lethal_force = 0.0;
  double troop_lethal_force = 0.0;
};

// What happened in one period (agents, not people).
struct PeriodTally {
  std::uint64_t arrests = 0;
  std::uint64_t troop_arrests = 0;
  std::uint64_t citizens_killed = 0;
  std::uint64_t citizens_killed_by_troops = 0;
  std::uint64_t police_killed = 0;
  std::uint64_t troops_killed = 0;
  std::uint64_t deserted = 0;

  PeriodTally& operator+=(const PeriodTally& o) {
    arrests += o.arrests;
    troop_arrests += o.troop_arrests;
    citizens_killed += o.citizens_killed;
    citizens_killed_by_troops += o.citizens_killed_by_troops;
    police_killed += o.police_killed;
    troops_killed += o.troops_killed;
    deserted += o.deserted;
    return *this;
  }
};

}  // namespace unrest::epstein
