// Mechanism 10, outcomes: what one run of the country model records. Per period, per region
// and nationally: the census and the running totals, in people (agents × scale), so that
// output stays bounded whatever the scale. Per region: when it joined, its peak, its losses
// and its sites. Per run: the regime outcome by the documented rules, totals, duration and
// attitudes. Plain data, filled by the model, written by io/.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "country/time.hpp"

namespace unrest::country {

// One region (or the nation) at the end of one period. Counts are people; cumulative ones say so.
struct RegionPeriod {
  double quiet = 0;
  double active = 0;
  double jailed = 0;             // in jail now
  double police = 0;             // on the streets (not guarding a site)
  double troops = 0;             // foreign troops present (guarding or patrolling)
  double detained = 0;           // cumulative arrests
  double citizens_killed = 0;    // cumulative
  double police_killed = 0;      // cumulative
  double troops_killed = 0;      // cumulative
  double deserted = 0;           // cumulative
  double engagements = 0;        // cumulative arrests and killings by foreign troops
  std::uint32_t sites_held = 0;  // held by protesters now
  double legitimacy = 0;
  double perceived = 0;  // a_r: activity perceived elsewhere (0 for the nation)
  double attitude = 0;   // share favourable to the intervener
};

struct SiteRecord {
  std::string name;
  std::size_t region = 0;
  std::uint32_t times_seized = 0;
  std::uint32_t first_seized = 0;  // period; 0 = never
  double hours_held = 0;           // by protesters, in total
  bool held_at_end = false;
};

struct RegionSummary {
  std::uint32_t joined = 0;  // first period above the join share; 0 = never
  double peak_active = 0;
  std::uint32_t peak_period = 0;
  double detained = 0;
  double citizens_killed = 0;
  double police_killed = 0;
  double troops_killed = 0;
  double deserted = 0;
};

enum class Regime : std::uint8_t { stands, contested, falls };
inline const char* name_of(Regime r) {
  return r == Regime::stands ? "stands" : r == Regime::contested ? "contested" : "falls";
}

struct RunOutcome {
  Regime regime = Regime::stands;
  std::string reason;  // which rule decided it
  double peak_active = 0;
  std::uint32_t peak_period = 0;
  std::uint32_t regions_joined = 0;
  std::uint32_t first_active_period = 0;  // first and last period above the join share
  std::uint32_t last_active_period = 0;
  double duration_hours = 0;
  double detained = 0;
  double citizens_killed = 0;
  double police_killed = 0;
  double troops_killed = 0;
  double deserted = 0;
  double attitude = 0;      // national, population-weighted, at the end
  double home_support = 0;  // support at home for the intervention, at the end
  double legitimacy = 0;    // national at the end
};

struct CountryRecord {
  std::vector<DateTime> time;                      // the end of each period
  std::vector<std::vector<RegionPeriod>> regions;  // [period][region]
  std::vector<RegionPeriod> national;              // [period]
  std::vector<RegionSummary> region_summaries;     // [region]
  std::vector<SiteRecord> sites;                   // as declared
  RunOutcome outcome;
};

}  // namespace unrest::country
