// Mechanism 10, outcomes, and the feedback that follows each period: the census of every
// region becomes the information channel's input, the sites' crowds, legitimacy's and
// attitudes' feedback, and one row of the record (people = agents × scale). finish() adds
// the per-region summaries and the run's outcome, by the rules of docs/country-model.md.
#include <algorithm>
#include <cmath>

#include "country/country_model.hpp"

namespace unrest::country {
namespace {

void add(RegionPeriod& total, const RegionPeriod& r) {
  total.quiet += r.quiet;
  total.active += r.active;
  total.jailed += r.jailed;
  total.police += r.police;
  total.troops += r.troops;
  total.detained += r.detained;
  total.citizens_killed += r.citizens_killed;
  total.police_killed += r.police_killed;
  total.troops_killed += r.troops_killed;
  total.deserted += r.deserted;
  total.engagements += r.engagements;
  total.sites_held += r.sites_held;
}

}  // namespace

void CountryModel::observe(std::uint32_t period, core::RowBands& rows) {
  // Counts only: no record holds a region's tension.
  std::vector<epstein::Census> census;
  census.reserve(lattices_.size());
  for (const epstein::ParallelModelI& lattice : lattices_)
    census.push_back(lattice.census(rows, /*with_tension=*/false));
  const std::vector<Region>& regions = params_.geography.regions;
  const double population = static_cast<double>(params_.geography.population());
  const double days = period_hours() / 24.0;
  double killed = 0.0;
  double engagements = 0.0;
  double troops_killed = 0.0;
  std::vector<double> share(regions.size());
  std::vector<bool> shutdown(regions.size());
  for (std::size_t r = 0; r < regions.size(); ++r) {
    RegionState& s = states_[r];
    const epstein::PeriodTally& t = lattices_[r].last_tally();
    s.totals += t;
    const double per_100k = 1e5 / static_cast<double>(regions[r].population);
    s.killed_per_100k += people(static_cast<double>(t.citizens_killed)) * per_100k;
    const double engaged =
        people(static_cast<double>(t.troop_arrests + t.citizens_killed_by_troops));
    if (params_.intervention.enabled) {
      s.attitude -= params_.intervention.attitude_per_engagement_per_100k * engaged * per_100k;
      if (s.troops > 0) s.attitude -= params_.intervention.attitude_presence_per_day * days;
      s.attitude = std::clamp(s.attitude, 0.0, 1.0);
    }
    killed += people(static_cast<double>(t.citizens_killed));
    engagements += engaged;
    troops_killed += people(static_cast<double>(t.troops_killed));
    share[r] = static_cast<double>(census[r].active) /
               static_cast<double>(std::max<std::uint64_t>(1, sizes_[r].citizens));
    s.active_share = share[r];
    shutdown[r] = s.shutdown;
  }
  if (params_.information.enabled) {
    std::vector<double> perceived(regions.size());
    for (std::size_t r = 0; r < regions.size(); ++r) perceived[r] = states_[r].perceived;
    information_.update(perceived, share, shutdown);
    for (std::size_t r = 0; r < regions.size(); ++r) states_[r].perceived = perceived[r];
  }
  if (params_.sites.enabled) update_sites(period);
  std::uint32_t seized = 0;
  for (const SiteState& s : sites_) seized += s.seized;
  if (params_.legitimacy.enabled) {
    const LegitimacyParams& l = params_.legitimacy;
    legitimacy_ -= l.per_killed_per_100k * killed * 1e5 / population +
                   l.per_site_day * seized * days +
                   l.per_engagement_per_100k * engagements * 1e5 / population;
    legitimacy_ = std::clamp(legitimacy_, 0.0, 1.0);
  }
  if (params_.intervention.enabled) {
    home_support_ -= params_.intervention.home_support_per_casualty * troops_killed +
                     params_.intervention.home_support_per_engagement * engagements;
    home_support_ = std::clamp(home_support_, 0.0, 1.0);
  }
  // The record's row: regions, then their sum.
  std::vector<RegionPeriod> row(regions.size());
  RegionPeriod nation;
  double attitude = 0.0;
  for (std::size_t r = 0; r < regions.size(); ++r) {
    const RegionState& s = states_[r];
    RegionPeriod& p = row[r];
    p.quiet = people(static_cast<double>(census[r].quiet));
    p.active = people(static_cast<double>(census[r].active));
    p.jailed = people(static_cast<double>(census[r].jailed));
    p.police = people(static_cast<double>(lattices_[r].police_on_duty()));
    p.troops = people(static_cast<double>(s.troops));
    p.detained = people(static_cast<double>(s.totals.arrests));
    p.citizens_killed = people(static_cast<double>(s.totals.citizens_killed));
    p.police_killed = people(static_cast<double>(s.totals.police_killed));
    p.troops_killed = people(static_cast<double>(s.totals.troops_killed));
    p.deserted = people(static_cast<double>(s.totals.deserted));
    p.engagements =
        people(static_cast<double>(s.totals.troop_arrests + s.totals.citizens_killed_by_troops));
    for (std::size_t k = 0; k < sites_.size(); ++k) {
      p.sites_held += params_.sites.sites[k].region == r && sites_[k].seized;
    }
    p.legitimacy = census[r].legitimacy;
    p.perceived = s.perceived;
    p.attitude = s.attitude;
    add(nation, p);
    attitude += s.attitude * static_cast<double>(regions[r].population) / population;
  }
  nation.legitimacy = legitimacy_;
  nation.attitude = attitude;
  record_.time.push_back(clock_.start_of(period + 1));
  record_.regions.push_back(std::move(row));
  record_.national.push_back(nation);
}

CountryRecord CountryModel::finish() {
  const std::vector<Region>& regions = params_.geography.regions;
  const OutcomeParams& o = params_.outcomes;
  record_.region_summaries.assign(regions.size(), {});
  for (std::size_t r = 0; r < regions.size(); ++r) {
    RegionSummary& sum = record_.region_summaries[r];
    const double citizens = people(static_cast<double>(sizes_[r].citizens));
    for (std::size_t i = 0; i < record_.regions.size(); ++i) {
      const RegionPeriod& p = record_.regions[i][r];
      const auto period = static_cast<std::uint32_t>(i + 1);
      if (sum.joined == 0 && p.active > o.join_share * citizens) sum.joined = period;
      if (p.active > sum.peak_active) {
        sum.peak_active = p.active;
        sum.peak_period = period;
      }
    }
    if (!record_.regions.empty()) {
      const RegionPeriod& last = record_.regions.back()[r];
      sum.detained = last.detained;
      sum.citizens_killed = last.citizens_killed;
      sum.police_killed = last.police_killed;
      sum.troops_killed = last.troops_killed;
      sum.deserted = last.deserted;
    }
  }
  record_.sites.clear();
  for (std::size_t s = 0; s < sites_.size(); ++s) {
    const Site& site = params_.sites.sites[s];
    record_.sites.push_back({site.name, site.region, sites_[s].times_seized, sites_[s].first_seized,
                             sites_[s].held_periods * period_hours(), sites_[s].seized});
  }
  record_.outcome = outcome();
  return record_;
}

RunOutcome CountryModel::outcome() const {
  const OutcomeParams& o = params_.outcomes;
  const std::vector<Region>& regions = params_.geography.regions;
  RunOutcome out;
  double citizens = 0.0;
  for (const RegionLattice& s : sizes_) citizens += people(static_cast<double>(s.citizens));
  for (std::size_t i = 0; i < record_.national.size(); ++i) {
    const RegionPeriod& n = record_.national[i];
    const auto period = static_cast<std::uint32_t>(i + 1);
    if (n.active > out.peak_active) {
      out.peak_active = n.active;
      out.peak_period = period;
    }
    if (n.active > o.join_share * citizens) {
      if (out.first_active_period == 0) out.first_active_period = period;
      out.last_active_period = period;
    }
  }
  if (out.first_active_period > 0) {
    out.duration_hours = (out.last_active_period - out.first_active_period + 1) * period_hours();
  }
  for (const RegionSummary& r : record_.region_summaries) out.regions_joined += r.joined > 0;
  if (!record_.national.empty()) {
    const RegionPeriod& last = record_.national.back();
    out.detained = last.detained;
    out.citizens_killed = last.citizens_killed;
    out.police_killed = last.police_killed;
    out.troops_killed = last.troops_killed;
    out.deserted = last.deserted;
    out.attitude = last.attitude;
  }
  out.home_support = home_support_;
  out.legitimacy = legitimacy_;
  // The regime: falls, contested or stands, in that order of precedence.
  std::size_t capital = 0;
  if (const auto c = params_.geography.index_of(o.capital)) {
    capital = *c;
  } else {
    for (std::size_t r = 0; r < regions.size(); ++r) {
      if (regions[r].population > regions[capital].population) capital = r;
    }
  }
  double capital_hold = 0.0;
  bool administration_held = false;
  for (std::size_t s = 0; s < sites_.size(); ++s) {
    const Site& site = params_.sites.sites[s];
    if (site.kind != SiteKind::administration) continue;
    administration_held = administration_held || sites_[s].seized;
    if (site.region == capital)
      capital_hold = std::max(capital_hold, sites_[s].longest_hold * period_hours());
  }
  const double police = people(static_cast<double>(police_strength_));
  const double desertion = police > 0 ? out.deserted / police : 0.0;
  const double active_end =
      record_.national.empty() ? 0.0 : record_.national.back().active / citizens;
  if (capital_hold >= o.capital_hold_hours) {
    out.regime = Regime::falls;
    out.reason = "the capital's administration was held for " +
                 std::to_string(std::lround(capital_hold)) + " h";
  } else if (desertion > o.desertion_falls) {
    out.regime = Regime::falls;
    out.reason =
        "desertion reached " + std::to_string(std::lround(desertion * 100)) + " % of the police";
  } else if (administration_held) {
    out.regime = Regime::contested;
    out.reason = "a regional administration is held by protesters at the horizon";
  } else if (active_end > o.contested_active_share) {
    out.regime = Regime::contested;
    out.reason = "protest continues at the horizon";
  } else {
    out.regime = Regime::stands;
    out.reason = "no administration held at the horizon and protest below the contested level";
  }
  return out;
}

}  // namespace unrest::country
