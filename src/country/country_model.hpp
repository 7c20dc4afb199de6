// The country model (docs/country-model.md): one Model I lattice per region (mechanism 1),
// sized by country::size_region and seeded from the scenario's seed and the region's index,
// and the nine mechanisms around them. A period is: the events that fall in it take effect
// (timeline.cpp); forces arrive and leave (forces.cpp); each region's conditions are set from
// the country's state (conditions.cpp); every lattice is stepped; then the census feeds the
// information channel, the sites, legitimacy and attitudes, and the record (outcomes.cpp).
// With every mechanism off, a region is exactly Model I on its lattice.
#pragma once

#include <cstdint>
#include <vector>

#include "core/row_bands.hpp"
#include "country/information.hpp"
#include "country/params.hpp"
#include "country/record.hpp"
#include "country/scale.hpp"
#include "models/epstein/parallel_model1.hpp"

namespace unrest::country {

// What the country knows of a region between periods. Counts are agents.
struct RegionState {
  double price = 1.0;       // relative to the base
  double felt_price = 1.0;  // what citizens have met at the pump so far
  bool emergency = false;
  bool shutdown = false;
  double perceived = 0.0;     // a_r, smoothed
  double active_share = 0.0;  // last period's actives / citizens
  std::uint64_t guards = 0;   // police guarding its sites (off the lattice)
  std::uint64_t troops = 0;   // foreign troops present (guarding or on the lattice)
  std::uint64_t troops_guarding = 0;
  epstein::PeriodTally totals;  // cumulative
  double attitude = 0.0;
  double killed_per_100k = 0.0;  // citizens killed, cumulative, per 100,000 inhabitants
};

struct SiteState {
  int x = 0;  // the catchment: a square of `side` sites from (x, y)
  int y = 0;
  int side = 1;
  std::uint64_t guards = 0;        // police agents guarding it
  std::uint64_t troop_guards = 0;  // troops guarding it instead (mandate `guard`)
  bool seized = false;
  std::uint32_t seized_since = 0;
  std::uint32_t held_periods = 0;  // in total
  std::uint32_t longest_hold = 0;  // periods, the longest unbroken hold
  std::uint32_t times_seized = 0;
  std::uint32_t first_seized = 0;
};

// Forces on their way: the reserve's tranches and the foreign contingents.
struct Transit {
  std::size_t region = 0;
  std::uint64_t agents = 0;
  std::uint32_t arrival = 0;  // period; 0 = waiting for the request
  bool troops = false;
  bool by_air = false;
  bool arrived = false;
  double after_request_hours = 0.0;
};

class CountryModel {
 public:
  CountryModel(const CountryParams& params, std::uint64_t seed);

  // One period (period >= 1) in every region. Returns the agent-updates performed.
  std::uint64_t step(std::uint32_t period, core::RowBands& rows);
  // The record so far; finish() adds the per-run outcome.
  const CountryRecord& record() const { return record_; }
  CountryRecord finish();

  std::size_t regions() const { return lattices_.size(); }
  const epstein::ParallelModelI& region(std::size_t r) const { return lattices_[r]; }
  const RegionLattice& size_of(std::size_t r) const { return sizes_[r]; }
  const RegionState& state_of(std::size_t r) const { return states_[r]; }
  const SiteState& site(std::size_t s) const { return sites_[s]; }
  double national_legitimacy() const { return legitimacy_; }
  std::uint64_t agents() const;
  std::vector<epstein::Census> census(core::RowBands& rows) const;
  // The sum over regions; tension is the regions' tension weighted by their free citizens.
  static epstein::Census national(const std::vector<epstein::Census>& regions);

  // The seed of region r's lattice: independent streams per region, the same for any threads.
  static std::uint64_t region_seed(std::uint64_t seed, std::size_t r);
  // The Model I parameters of region r's lattice.
  static epstein::ModelIParams region_rules(const CountryParams& params, const RegionLattice& size);

 private:
  // timeline.cpp
  void apply_event(const Event& e, std::uint32_t period);
  // forces.cpp
  void move_forces(std::uint32_t period);
  void dispatch_reserve(std::uint32_t period);
  void arrive(Transit& t, std::uint32_t period);
  void withdraw(std::uint32_t period);
  // conditions.cpp
  void set_conditions(std::uint32_t period);
  double legitimacy_of(std::size_t r) const;
  // sites.cpp
  void place_sites(std::uint64_t seed);
  void update_sites(std::uint32_t period);
  bool airport_seized(std::size_t region) const;
  // outcomes.cpp
  void observe(std::uint32_t period, core::RowBands& rows);
  RunOutcome outcome() const;

  double people(double agents) const { return agents * params_.people_per_agent; }
  double period_hours() const { return params_.period_minutes / 60.0; }
  std::uint32_t periods_for_hours(double hours) const;

  // Whether to step the regions side by side, one thread each (step()).
  bool regions_side_by_side(unsigned threads) const;

  CountryParams params_;
  Clock clock_;
  std::vector<std::size_t> by_size_;   // region indexes, the most agents first
  double largest_region_share_ = 1.0;  // of all agents
  std::vector<RegionLattice> sizes_;
  std::vector<epstein::ParallelModelI> lattices_;
  std::vector<std::vector<float>> exposure_;  // quantiles per region
  InformationChannel information_;
  std::vector<RegionState> states_;
  std::vector<SiteState> sites_;
  std::vector<Transit> transit_;
  std::size_t next_event_ = 0;
  double legitimacy_ = 0.0;  // L_nat
  bool shoot_order_ = false;
  bool withdrawn_ = false;
  std::uint32_t request_period_ = 0;
  std::uint64_t reserve_left_ = 0;  // agents
  double home_support_ = 0.0;
  std::uint64_t police_strength_ = 0;  // police at the start plus the reserve sent
  CountryRecord record_;
};

}  // namespace unrest::country
