#include "country/country_model.hpp"

#include <gtest/gtest.h>

#include "core/thread_pool.hpp"
#include "scenario/regions_csv.hpp"

namespace unrest::country {
namespace {

Region region(const std::string& id, std::uint64_t population) {
  Region r;
  r.id = id;
  r.population = population;
  return r;
}

CountryParams run2_like(std::vector<Region> regions, double people_per_agent) {
  CountryParams p;
  p.geography.regions = std::move(regions);
  p.people_per_agent = people_per_agent;
  p.rules.legitimacy = core::Schedule(0.82);  // run 2's Model I values otherwise
  switch_off_mechanisms(p);
  return p;
}

void expect_same(const epstein::Census& a, const epstein::Census& b, std::uint32_t t) {
  EXPECT_EQ(a.quiet, b.quiet) << "period " << t;
  EXPECT_EQ(a.active, b.active) << "period " << t;
  EXPECT_EQ(a.jailed, b.jailed) << "period " << t;
  EXPECT_EQ(a.cops, b.cops) << "period " << t;
  EXPECT_EQ(a.tension, b.tension) << "period " << t;
}

TEST(CountryModel, OneRegionWithNoMechanismIsModelIOnItsLattice) {
  const CountryParams params = run2_like({region("only", 20'000)}, 1.0);
  core::ThreadPool pool(2);
  core::RowBands rows(pool);
  CountryModel country(params, 7);
  const RegionLattice& size = country.size_of(0);
  EXPECT_EQ(size.citizens, 20'000u);
  epstein::ParallelModelI plain(CountryModel::region_rules(params, size),
                                CountryModel::region_seed(7, 0));
  for (std::uint32_t t = 1; t <= 40; ++t) {
    const std::uint64_t a = country.step(t, rows);
    const std::uint64_t b = plain.step(t, rows);
    EXPECT_EQ(a, b) << "period " << t;
    expect_same(country.census(rows)[0], plain.census(rows), t);
  }
}

TEST(CountryModel, WithEveryMechanismOffEventsChangeNothingOnEitherScheduler) {
  for (const bool whole_lattice : {false, true}) {
    CountryParams params = run2_like({region("only", 20'000)}, 1.0);
    params.whole_lattice_blocks = whole_lattice;
    params.start = {2022, 1, 1, 0, 0};
    for (const EventType type :
         {EventType::price_hike, EventType::internet_shutdown, EventType::state_of_emergency,
          EventType::government_resigns, EventType::shoot_to_kill_order, EventType::csto_request}) {
      Event e;
      e.at = {2022, 1, 1, 3, 0};
      e.type = type;
      e.price = 2.0;
      params.events.push_back(e);
    }
    core::ThreadPool pool(2);
    core::RowBands rows(pool);
    CountryModel country(params, 7);
    epstein::ParallelModelI plain(CountryModel::region_rules(params, country.size_of(0)),
                                  CountryModel::region_seed(7, 0), whole_lattice);
    EXPECT_EQ(plain.blocks() == 1, whole_lattice);
    for (std::uint32_t t = 1; t <= 20; ++t) {
      EXPECT_EQ(country.step(t, rows), plain.step(t, rows)) << "period " << t;
      expect_same(country.census(rows)[0], plain.census(rows), t);
    }
  }
}

TEST(CountryModel, RegionsAreSizedByPopulationAndSeededApart) {
  const CountryParams params =
      run2_like({region("a", 50'000), region("b", 50'000), region("c", 5'000)}, 10.0);
  CountryModel country(params, 3);
  ASSERT_EQ(country.regions(), 3u);
  EXPECT_EQ(country.size_of(0).side, country.size_of(1).side);
  EXPECT_EQ(country.size_of(0).citizens, 5'000u);
  EXPECT_EQ(country.size_of(2).citizens, 500u);
  EXPECT_LT(country.size_of(2).side, country.size_of(0).side);
  // Same size, different seeds: different worlds.
  EXPECT_NE(country.region(0).world().occupant, country.region(1).world().occupant);
  EXPECT_NE(CountryModel::region_seed(3, 0), CountryModel::region_seed(3, 1));
  EXPECT_NE(CountryModel::region_seed(3, 0), CountryModel::region_seed(4, 0));
}

TEST(CountryModel, KazakhstanConservesPeopleAndIsTheSameOnAnyThreads) {
  const Geography g = scenario::load_regions_csv(UNREST_DATA_DIR "/kazakhstan/regions.csv");
  CountryParams params = run2_like(g.regions, 1000.0);
  params.geography = g;
  // 1 thread; 2, where regions go side by side (the largest holds 11 % of the agents); 8,
  // where they go in turn, each on every thread.
  const unsigned thread_counts[] = {1u, 2u, 8u};
  std::vector<epstein::Census> national[3];
  for (std::size_t run = 0; run < 3; ++run) {
    const unsigned threads = thread_counts[run];
    core::ThreadPool pool(threads);
    core::RowBands rows(pool);
    CountryModel country(params, 11);
    ASSERT_EQ(country.regions(), 17u);
    std::uint64_t citizens = 0;
    std::uint64_t police = 0;
    for (std::size_t r = 0; r < country.regions(); ++r) {
      citizens += country.size_of(r).citizens;
      police += country.size_of(r).police;
    }
    EXPECT_NEAR(static_cast<double>(citizens), 18'879.552, 9.0);  // each region rounded
    EXPECT_NEAR(static_cast<double>(police), 84.0, 9.0);          // 445 per 100,000
    for (std::uint32_t t = 1; t <= 30; ++t) {
      country.step(t, rows);
      const std::vector<epstein::Census> regions = country.census(rows);
      const epstein::Census n = CountryModel::national(regions);
      EXPECT_EQ(n.quiet + n.active + n.jailed, citizens) << "period " << t;
      EXPECT_EQ(n.cops, police) << "period " << t;
      national[run].push_back(n);
    }
  }
  for (std::size_t t = 0; t < national[0].size(); ++t) {
    expect_same(national[0][t], national[1][t], static_cast<std::uint32_t>(t + 1));
    expect_same(national[0][t], national[2][t], static_cast<std::uint32_t>(t + 1));
  }
}

TEST(CountryModel, NationalCensusSumsTheRegions) {
  epstein::Census a;
  a.quiet = 10;
  a.active = 10;
  a.jailed = 1;
  a.cops = 2;
  a.tension = 0.5;
  epstein::Census b;
  b.quiet = 30;
  b.active = 0;
  b.jailed = 3;
  b.cops = 4;
  b.tension = 0.1;
  const epstein::Census n = CountryModel::national({a, b});
  EXPECT_EQ(n.quiet, 40u);
  EXPECT_EQ(n.active, 10u);
  EXPECT_EQ(n.jailed, 4u);
  EXPECT_EQ(n.cops, 6u);
  EXPECT_DOUBLE_EQ(n.tension, (0.5 * 20 + 0.1 * 30) / 50);  // weighted by free citizens
}

}  // namespace
}  // namespace unrest::country
