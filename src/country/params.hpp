// The parameters of the country model's ten mechanisms (docs/country-model.md), as the model
// sees them: plain values already validated by the scenario layer. Each mechanism has an
// `enabled` switch; off makes it the identity, so a region with every switch off is Model I.
// Counts of people (guards, troops, the reserve) are people, not agents: the model divides
// them by the scale. Durations are hours; the model turns them into periods.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "country/events.hpp"
#include "country/geography.hpp"
#include "country/time.hpp"
#include "models/epstein/params.hpp"

namespace unrest::country {

// 3. Hardship and price shocks.
struct HardshipParams {
  bool enabled = true;
  double tail = 1.0;              // H = 1 − (1 − U)^(1/tail): the rarity of the most deprived
  double baseline = 1.0;          // H = baseline × (tail-shaped U): poverty's ceiling
  double sensitivity = 0.5;       // s: H += exposure × s × (felt price / base − 1)
  double adjust_hours = 24.0;     // the felt price follows the price with this time constant
  double concentration = 4.0;     // κ of the Beta(κμ, κ(1−μ)) exposure distribution
  double exposure_oil_gas = 0.6;  // μ in oil- and gas-producing regions
  double exposure_other = 0.15;   // μ elsewhere
  std::vector<double> exposure;   // per region, overriding the two above when not empty
};

// 4. Legitimacy: L_r = clamp(L_nat + offset_r, 0, 1).
struct LegitimacyParams {
  bool enabled = true;
  double national = 0.8;             // L_nat at the start
  std::vector<double> offset;        // per region (empty = all 0)
  double government_resigns = 0.02;  // step up on the event
  double leader_removed = 0.02;
  double concession = 0.02;
  double per_killed_per_100k = 0.01;      // down per citizen killed per 100,000 inhabitants
  double per_site_day = 0.01;             // down per strategic site held by protesters per day
  double per_engagement_per_100k = 0.01;  // down per foreign engagement per 100,000 inhabitants
};

// 5. Information between regions.
struct InformationParams {
  bool enabled = true;
  double own_weight = 0.0;         // w_o, for the region's own activity: momentum
  double neighbour_weight = 0.5;   // w_n, for land neighbours
  double media_weight = 0.5;       // w_m, national media: every region, by its prominence
  double shutdown_strength = 0.8;  // an internet shutdown multiplies w_m by (1 − this)
  // News saturates: S = 1 − exp(−a_r / a_0) in [0, 1).
  double grievance_gain = 0.01;  // g_a: G += g_a · S, the most news can add
  double fear_loss = 0.5;        // f: P *= 1 − f · S
  double saturation = 0.002;     // a_0: the perceived share at which S = 63 %
  double memory_hours = 12.0;    // a_r follows activity with this time constant
};

// 6. Security forces.
struct PoliceParams {
  double per_100k = 445.0;  // officers per 100,000 inhabitants
  bool motivation_enabled = true;
  double motivation = 0.6;  // probability that an officer acts when activated
  bool desertion_enabled = true;
  double desertion_ratio = 5.0;         // actives per officer in view that outnumber an officer
  double desertion_hours = 3.0;         // for this long
  double desertion_probability = 0.05;  // per period, after that
};

struct ReserveParams {
  bool enabled = true;
  double troops = 10000.0;       // people in the national reserve
  double tranche = 1000.0;       // people sent at a time
  double trigger_share = 0.002;  // a region's active share that calls for a tranche
  std::string base;              // region id the reserve leaves from
  double delay_hours = 6.0;      // t_0
  double speed_kmh = 60.0;       // plus distance / speed
};

struct EmergencyParams {
  bool enabled = true;
  double arrest_factor = 1.5;  // κ_e: k is multiplied by this under a state of emergency
  int curfew_start = 23;       // hour; curfew runs [start, end) across midnight
  int curfew_end = 7;
  // Sweeps: each police officer, at each activation, with this probability looks at one site
  // in view and detains a quiet citizen there who has been active before. 0: no sweeps.
  double sweep = 0.0;
};

// 7. Violence and casualties.
struct ViolenceParams {
  bool enabled = true;
  double crowd_ratio = 3.0;            // R_0: actives per officer in view that make it violent
  double officer_killed = 0.002;       // p_k at R = R_0, growing as R / R_0
  double lethal_force = 0.01;          // p_c: the arrested citizen is killed instead
  double shoot_order_factor = 3.0;     // p_c is multiplied by this under the shoot order
  double grievance_per_killed = 0.05;  // δ_g: regional G up per citizen killed per 100,000
};

// 8. Strategic sites.
enum class SiteKind : std::uint8_t {
  administration,
  airport,
  broadcaster,
  power_plant,
  security_service,
  residence,
  other
};
struct Site {
  std::string name;
  std::size_t region = 0;
  SiteKind kind = SiteKind::administration;
  double guards = 50.0;  // police guarding it, people
  int importance = 1;    // higher first when troops take over guarding
};
struct SitesParams {
  bool enabled = true;
  double seize_ratio = 3.0;   // actives in the catchment per guard that seize a site
  double retake_ratio = 1.0;  // security forces per active in the catchment that retake it
  double catchment = 0.05;    // the share of the region's lattice around a site that can reach it
  std::vector<Site> sites;
};

// 9. Foreign intervention.
enum class Mandate : std::uint8_t { guard, suppress, none };
struct Contingent {
  std::string country;
  double troops = 0.0;                // people
  std::size_t region = 0;             // where it lands
  std::optional<DateTime> arrival;    // a fixed arrival, or
  double after_request_hours = 12.0;  // hours after the request event
  bool by_air = true;                 // a seized airport in its region delays it
};
struct InterventionParams {
  bool enabled = true;
  Mandate mandate = Mandate::guard;
  double motivation = 0.9;                         // probability a troop acts (suppress)
  double lethal_force = 0.02;                      // p_c of troops (suppress)
  double attitude_initial = 0.5;                   // share favourable to the intervener
  double attitude_per_engagement_per_100k = 0.05;  // down per engagement per 100,000 people
  double attitude_presence_per_day = 0.002;        // down per day of presence
  double home_support_initial = 0.33;           // at home: a third support (twice as many oppose)
  double home_support_per_casualty = 0.01;      // down per own soldier killed
  double home_support_per_engagement = 0.0001;  // down per engagement (people)
  std::vector<Contingent> contingents;
};

// 10. Outcomes.
struct OutcomeParams {
  double join_share = 0.001;             // a region joins when its active share first exceeds this
  std::string capital;                   // region id whose administration decides the regime
  double capital_hold_hours = 24.0;      // held this long: the regime falls
  double desertion_falls = 0.3;          // national desertion share: the regime falls
  double contested_active_share = 0.01;  // actives at the horizon above this: contested
};

struct CountryParams {
  Geography geography;
  double people_per_agent = 100.0;  // scale: 1 = every person an agent
  double density = 0.7;             // citizens per site
  DateTime start;
  int period_minutes = 60;
  std::uint32_t periods = 480;
  // The Model I rules every region follows; lattice size and densities are set per region,
  // legitimacy by mechanism 4.
  epstein::ModelIParams rules;
  bool whole_lattice_blocks = false;  // the reference scheduler: one block per region
  // The engine's rest (docs/engine.md): a region's citizens are not activated in a period
  // when none is active and none could turn active.
  bool rest_when_calm = true;

  HardshipParams hardship;
  LegitimacyParams legitimacy;
  InformationParams information;
  PoliceParams police;
  ReserveParams reserve;
  EmergencyParams emergency;
  ViolenceParams violence;
  SitesParams sites;
  InterventionParams intervention;
  OutcomeParams outcomes;
  std::vector<Event> events;  // in time order
};

// Every mechanism's switch off (3 to 9), and the rest: each region is then Model I on its
// lattice.
inline void switch_off_mechanisms(CountryParams& p) {
  p.rest_when_calm = false;  // not a mechanism, but Model I activates every agent every period
  p.hardship.enabled = false;
  p.legitimacy.enabled = false;
  p.information.enabled = false;
  p.police.motivation_enabled = false;
  p.police.desertion_enabled = false;
  p.reserve.enabled = false;
  p.emergency.enabled = false;
  p.violence.enabled = false;
  p.sites.enabled = false;
  p.intervention.enabled = false;
}

}  // namespace unrest::country
