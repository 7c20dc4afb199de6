// A small synthetic country for the mechanism tests: three regions in a row (a — b — c), every
// mechanism off, Model I's rules with a constant legitimacy. Each test switches on what it
// tests; helpers run it and read the record.
#pragma once

#include <string>
#include <vector>

#include "core/thread_pool.hpp"
#include "country/country_model.hpp"

namespace unrest::country::testing {

inline Region synthetic_region(const std::string& id, std::uint64_t population, double lat,
                               double lon, std::vector<std::size_t> neighbours) {
  Region r;
  r.id = id;
  r.name = id;
  r.type = "region";
  r.population = population;
  r.area_km2 = 1000;
  r.latitude = lat;
  r.longitude = lon;
  r.neighbours = std::move(neighbours);
  return r;
}

// Legitimacy 0.9 with T = 0.1: G = H (1 − L) < T for everyone, so the country is calm until
// a mechanism moves it.
inline CountryParams synthetic_country(std::uint32_t periods = 48) {
  CountryParams p;
  p.geography.regions = {synthetic_region("a", 30'000, 43.0, 51.0, {1}),
                         synthetic_region("b", 30'000, 45.0, 60.0, {0, 2}),
                         synthetic_region("c", 20'000, 47.0, 70.0, {1})};
  p.people_per_agent = 10.0;
  p.start = {2022, 1, 1, 0, 0};
  p.period_minutes = 60;
  p.periods = periods;
  switch_off_mechanisms(p);
  p.rules.legitimacy = core::Schedule(0.9);
  return p;
}

inline Event event_at(int day, int hour, std::optional<std::size_t> region, EventType type,
                      double price = 1.0) {
  Event e;
  e.at = {2022, 1, day, hour, 0};
  e.region = region;
  e.type = type;
  e.price = price;
  return e;
}

// Built out of line of the tests' brace lists: GCC 12 at -O3 warns falsely (-Wrestrict) on
// strings copied inside aggregate initialisers.
[[gnu::noinline]] inline Site site(std::string name, std::size_t region, SiteKind kind,
                                   double guards, int importance) {
  Site s;
  s.name = std::move(name);
  s.region = region;
  s.kind = kind;
  s.guards = guards;
  s.importance = importance;
  return s;
}

[[gnu::noinline]] inline Contingent contingent(std::string country, double troops,
                                               std::size_t region, double after_request_hours) {
  Contingent c;
  c.country = std::move(country);
  c.troops = troops;
  c.region = region;
  c.after_request_hours = after_request_hours;
  return c;
}

inline CountryRecord run_country_model(const CountryParams& p, std::uint64_t seed = 5,
                                       unsigned threads = 2) {
  core::ThreadPool pool(threads);
  core::RowBands rows(pool);
  CountryModel model(p, seed);
  for (std::uint32_t t = 1; t <= p.periods; ++t) model.step(t, rows);
  return model.finish();
}

// The sum over periods of a region's actives: its total activity.
inline double total_active(const CountryRecord& r, std::size_t region) {
  double sum = 0;
  for (const auto& row : r.regions) sum += row[region].active;
  return sum;
}

}  // namespace unrest::country::testing
