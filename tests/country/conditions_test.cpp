// Mechanisms 3 to 7 through the conditions they set, each alone on the synthetic country.
#include <gtest/gtest.h>

#include "country/mechanism_fixture.hpp"

namespace unrest::country {
namespace {

using testing::event_at;
using testing::run_country_model;
using testing::synthetic_country;
using testing::total_active;

// A country in open revolt: legitimacy 0.75 lets a quarter of the citizens' grievance pass T.
CountryParams restless(std::uint32_t periods = 48) {
  CountryParams p = synthetic_country(periods);
  p.rules.legitimacy = core::Schedule(0.75);
  return p;
}

TEST(Hardship, APriceShockRaisesActivityOnlyWhereExposureIsNotZero) {
  CountryParams p = synthetic_country();
  p.rules.legitimacy = core::Schedule(0.8);
  p.hardship.enabled = true;
  p.hardship.baseline = 0.5;      // G = 0.5 U (1 − 0.8) < 0.1 = T before the shock
  p.hardship.adjust_hours = 0.0;  // the new price is felt at once
  p.hardship.exposure = {0.8, 0.0, 0.3};
  p.events = {event_at(1, 12, std::nullopt, EventType::price_hike, 2.0)};
  const CountryRecord r = run_country_model(p);
  for (std::size_t t = 0; t < 12; ++t) EXPECT_EQ(r.national[t].active, 0.0) << t;
  EXPECT_GT(total_active(r, 0), total_active(r, 2));
  EXPECT_GT(total_active(r, 2), 0.0);
  EXPECT_EQ(total_active(r, 1), 0.0);
  // A rollback to the base price ends it.
  p.events.push_back(event_at(1, 24, std::nullopt, EventType::price_rollback, 1.0));
  const CountryRecord rolled = run_country_model(p);
  for (std::size_t t = 24; t < 48; ++t) EXPECT_EQ(rolled.national[t].active, 0.0) << t;
}

TEST(Hardship, TheFeltPriceLagsAndARareTailMovesFewer) {
  CountryParams p = synthetic_country();
  p.rules.legitimacy = core::Schedule(0.8);
  p.hardship.enabled = true;
  p.hardship.baseline = 0.5;
  p.hardship.adjust_hours = 0.0;
  p.hardship.exposure = {0.8, 0.0, 0.0};
  p.events = {event_at(1, 0, 0, EventType::price_hike, 2.0)};
  const CountryRecord at_once = run_country_model(p);
  p.hardship.adjust_hours = 12.0;
  const CountryRecord lagging = run_country_model(p);
  EXPECT_GT(at_once.regions[0][0].active, 0.0);
  EXPECT_LT(lagging.regions[0][0].active, at_once.regions[0][0].active / 4);
  EXPECT_GT(lagging.regions[47][0].active, 0.0);  // felt in the end
  // With tail 2 the deprived are rarer: a shock that lifts the top fifth of a uniform
  // hardship past T (0.5 U + 0.8 × 0.5 × 0.25 > 0.5) lifts only the top 4 % (ε² at ε = 0.2).
  p.hardship.adjust_hours = 0.0;
  p.events[0].price = 1.25;
  const CountryRecord uniform = run_country_model(p);
  p.hardship.tail = 2.0;
  const CountryRecord rare = run_country_model(p);
  EXPECT_GT(rare.regions[0][0].active, 0.0);
  EXPECT_LT(total_active(rare, 0), 0.5 * total_active(uniform, 0));
}

TEST(Legitimacy, EventsMoveItAndKillingsLowerIt) {
  CountryParams p = restless();
  p.legitimacy.enabled = true;
  p.legitimacy.national = 0.75;
  p.legitimacy.offset = {0.0, 0.05, 0.0};
  p.legitimacy.government_resigns = 0.15;
  p.legitimacy.per_killed_per_100k = 0.0;
  p.events = {event_at(1, 20, std::nullopt, EventType::government_resigns)};
  const CountryRecord r = run_country_model(p);
  EXPECT_DOUBLE_EQ(r.regions[0][0].legitimacy, 0.75);
  EXPECT_DOUBLE_EQ(r.regions[0][1].legitimacy, 0.80);  // its offset
  EXPECT_DOUBLE_EQ(r.regions[20][0].legitimacy, 0.90);
  EXPECT_GT(r.national[19].active, 0.0);
  for (std::size_t t = 22; t < 48; ++t) EXPECT_EQ(r.national[t].active, 0.0) << t;
  // Feedback: with violence, citizens die and legitimacy falls.
  p.events.clear();
  p.violence.enabled = true;
  p.violence.crowd_ratio = 1.0;
  p.violence.lethal_force = 0.5;
  p.legitimacy.per_killed_per_100k = 0.001;
  const CountryRecord killed = run_country_model(p);
  ASSERT_GT(killed.outcome.citizens_killed, 0.0);
  EXPECT_LT(killed.national.back().legitimacy, 0.75);
}

TEST(Emergency, RaisesArrestRiskAndCurfewStopsMovement) {
  // A higher k raises every estimated arrest probability: fewer dare.
  CountryParams p = restless(24);
  p.rules.arrest_ratio = epstein::ArrestRatio::literal;
  const CountryRecord before = run_country_model(p);
  p.emergency.enabled = true;
  p.emergency.arrest_factor = 3.0;
  p.events = {event_at(1, 0, std::nullopt, EventType::state_of_emergency)};
  const CountryRecord after = run_country_model(p);
  EXPECT_LT(total_active(after, 0) + total_active(after, 1),
            0.9 * (total_active(before, 0) + total_active(before, 1)));
  // Curfew 01:00–05:00 in a calm country: nobody acts but by moving, and nobody moves.
  CountryParams calm = synthetic_country();
  calm.emergency.enabled = true;
  calm.emergency.curfew_start = 1;
  calm.emergency.curfew_end = 5;
  calm.events = {event_at(1, 0, std::nullopt, EventType::state_of_emergency)};
  core::ThreadPool pool(2);
  core::RowBands rows(pool);
  CountryModel model(calm, 3);
  model.step(1, rows);  // 00:00–01:00: moves
  auto occupants = model.region(0).world().occupant;
  for (std::uint32_t t = 2; t <= 5; ++t) {  // 01:00–05:00: curfew
    model.step(t, rows);
    EXPECT_EQ(model.region(0).world().occupant, occupants) << t;
  }
  model.step(6, rows);  // 05:00: free again
  EXPECT_NE(model.region(0).world().occupant, occupants);
}

TEST(SecurityForces, PoorlyMotivatedPoliceArrestLess) {
  CountryParams p = restless();
  const CountryRecord keen = run_country_model(p);
  p.police.motivation_enabled = true;
  p.police.motivation = 0.3;
  const CountryRecord reluctant = run_country_model(p);
  EXPECT_LT(reluctant.national.back().detained, 0.6 * keen.national.back().detained);
}

// Sweeps detain former participants after the protest: a revolt for 12 hours, then calm
// (legitimacy 0.95), under a state of emergency from the start.
TEST(SecurityForces, SweepsDetainFormerParticipantsAfterTheProtest) {
  CountryParams p = synthetic_country(48);
  p.rules.legitimacy = core::Schedule(0.75, {{core::ScheduleSegment::Kind::step, 13, 0, 0.95}});
  p.emergency.enabled = true;
  p.emergency.curfew_start = p.emergency.curfew_end = 0;  // no curfew
  p.events = {event_at(1, 0, std::nullopt, EventType::state_of_emergency)};
  const auto detained_after_calm = [](const CountryRecord& r) {
    return r.national.back().detained - r.national[20].detained;
  };
  const CountryRecord without = run_country_model(p);
  ASSERT_LT(without.national[20].active, 1.0);   // the protest is over by hour 21
  EXPECT_EQ(detained_after_calm(without), 0.0);  // nobody active, nobody arrested
  p.emergency.sweep = 0.5;
  const CountryRecord with = run_country_model(p);
  EXPECT_GT(detained_after_calm(with), 0.0);
  // Only former participants are taken: in a country that never protested, nobody is.
  CountryParams calm = p;
  calm.rules.legitimacy = core::Schedule(0.95);
  EXPECT_EQ(run_country_model(calm).national.back().detained, 0.0);
}

TEST(SecurityForces, OutnumberedOfficersDesert) {
  CountryParams p = restless();
  EXPECT_EQ(run_country_model(p).outcome.deserted, 0.0);
  p.police.desertion_enabled = true;
  p.police.desertion_ratio = 2.0;
  p.police.desertion_hours = 2.0;
  p.police.desertion_probability = 0.5;
  const CountryRecord r = run_country_model(p);
  EXPECT_GT(r.outcome.deserted, 0.0);
  // Deserters leave the streets.
  EXPECT_DOUBLE_EQ(r.national.back().police + r.national.back().deserted,
                   r.national.front().police + r.national.front().deserted);
}

TEST(Violence, CasualtiesBySideAndTheShootOrderKillsMore) {
  CountryParams p = restless();
  EXPECT_EQ(run_country_model(p).outcome.citizens_killed, 0.0);
  p.violence.enabled = true;
  p.violence.crowd_ratio = 2.0;
  p.violence.officer_killed = 0.05;
  p.violence.lethal_force = 0.02;
  p.violence.shoot_order_factor = 10.0;
  const CountryRecord r = run_country_model(p);
  EXPECT_GT(r.outcome.police_killed, 0.0);
  EXPECT_GT(r.outcome.citizens_killed, 0.0);
  EXPECT_EQ(r.outcome.troops_killed, 0.0);
  p.events = {event_at(1, 0, std::nullopt, EventType::shoot_to_kill_order)};
  const CountryRecord ordered = run_country_model(p);
  EXPECT_GT(ordered.outcome.citizens_killed, 3 * r.outcome.citizens_killed);
}

}  // namespace
}  // namespace unrest::country
