// Model II's rules on hand-made worlds: killing, the idle-killer option, cloning, ageing (on
// the lattice and in jail), evenhanded arrests, releases, peacekeeper deployment; and its
// invariants over whole runs: stable unique ids, the same result on any thread count.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <set>

#include "core/row_bands.hpp"
#include "core/thread_pool.hpp"
#include "models/epstein/model2.hpp"
#include "run/epstein_run.hpp"

namespace unrest::epstein {
namespace {

constexpr std::uint32_t kNever = UINT32_MAX;

// No agents, nobody moves, nobody clones or dies: a stage for hand-made worlds (L = 0.8).
ModelIParams stage(int size = 20) {
  ModelIParams p;
  p.width = size;
  p.height = size;
  p.citizen_density = 0.0;
  p.cop_density = core::Schedule(0.0);
  p.citizen_vision = 1.7;
  p.cop_vision = 1.7;
  p.citizens_move = false;
  p.cops_move = false;
  p.legitimacy = core::Schedule(0.8);
  p.max_jail_term = 15.0;
  return p;
}
ModelIIParams still() {
  ModelIIParams g;
  g.reproduction = 0.0;
  g.max_age = kInfiniteJail;
  return g;
}

struct Stepper {
  explicit Stepper(unsigned threads = 1) : pool(threads), rows(pool) {}
  std::uint64_t step(ModelII& m, std::uint32_t period) { return m.step(period, rows); }
  core::ThreadPool pool;
  core::RowBands rows;
};

std::uint32_t at(const ModelII& m, int x, int y) {
  return m.world().site_at(x, y);
}

// A Blue with H = 1, R = 0: G = 0.2 > T at L = 0.8, active whatever it sees.
std::uint32_t killer(ModelII& m, int x, int y, Group g = Group::blue) {
  return m.put_citizen(at(m, x, y), g, 1.0f, 0.0f, kNever);
}
// H = 0: never active.
std::uint32_t calm(ModelII& m, int x, int y, Group g) {
  return m.put_citizen(at(m, x, y), g, 0.0f, 0.5f, kNever);
}

TEST(ModelII, AnActiveAgentKillsAMemberOfTheOtherGroupInView) {
  ModelII m(stage(), still(), 1, true);
  killer(m, 5, 5);
  calm(m, 6, 5, Group::green);  // in view (distance 1)
  calm(m, 4, 5, Group::blue);   // own group: spared
  calm(m, 8, 5, Group::green);  // out of view (distance 3)
  Stepper s;
  s.step(m, 1);
  const LatticeWorld& w = m.world();
  EXPECT_EQ(w.occupant[at(m, 5, 5)], Occupant::active);
  EXPECT_EQ(w.occupant[at(m, 6, 5)], Occupant::empty) << "the victim is removed at once";
  EXPECT_EQ(w.occupant[at(m, 4, 5)], Occupant::quiet);
  EXPECT_EQ(w.occupant[at(m, 8, 5)], Occupant::quiet);
  const GroupCensus g = m.group_census();
  EXPECT_EQ(g.kills, 1u);
  EXPECT_EQ(g.blue, 2u);
  EXPECT_EQ(g.green, 1u);
}

TEST(ModelII, OneVictimPerActivationChosenUniformly) {
  // Two Greens in view: one dies per period; over seeds each is the first victim about half
  // the time (binomial, 200 trials: 70..130 holds with probability > 0.9999).
  int right_first = 0;
  for (std::uint64_t seed = 1; seed <= 200; ++seed) {
    ModelII m(stage(), still(), seed, true);
    killer(m, 5, 5);
    calm(m, 6, 5, Group::green);
    calm(m, 4, 5, Group::green);
    Stepper s;
    s.step(m, 1);
    ASSERT_EQ(m.group_census().kills, 1u);
    right_first += m.world().occupant[at(m, 6, 5)] == Occupant::empty;
  }
  EXPECT_GT(right_first, 70);
  EXPECT_LT(right_first, 130);
}

TEST(ModelII, NobodyKillsAtLegitimacyNinetyPercent) {
  ModelIParams p = stage();
  p.legitimacy = core::Schedule(0.9);  // G = H (1 - L) <= 0.1 = T
  ModelII m(p, still(), 1, true);
  killer(m, 5, 5);
  calm(m, 6, 5, Group::green);
  Stepper s;
  for (std::uint32_t t = 1; t <= 20; ++t) s.step(m, t);
  EXPECT_EQ(m.world().occupant[at(m, 5, 5)], Occupant::quiet);
  EXPECT_EQ(m.group_census().green, 1u);
}

TEST(ModelII, TheIdleKillerOptionDecidesWhetherAnAgentWithNoVictimIsActive) {
  for (const bool idle_active : {true, false}) {
    ModelIIParams g = still();
    g.idle_killer_active = idle_active;
    ModelII m(stage(), g, 1, true);
    killer(m, 5, 5);
    calm(m, 6, 5, Group::blue);  // only its own group in view
    Stepper s;
    s.step(m, 1);
    EXPECT_EQ(m.world().occupant[at(m, 5, 5)], idle_active ? Occupant::active : Occupant::quiet)
        << "idle_killer_active = " << idle_active;
    EXPECT_EQ(m.group_census().kills, 0u);
  }
}

TEST(ModelII, AgentsCloneOntoAnEmptyNeighbourAndTheOffspringWaitsAPeriod) {
  ModelIIParams g = still();
  g.reproduction = 1.0;
  g.offspring_risk = OffspringRisk::inherit;
  g.max_age = 50.0;
  ModelII m(stage(), g, 3, true);
  const std::uint32_t parent = m.put_citizen(at(m, 5, 5), Group::green, 0.3f, 0.7f, kNever);
  Stepper s;
  EXPECT_EQ(s.step(m, 1), 1u) << "the newborn is not activated in its birth period";
  const LatticeWorld& w = m.world();
  std::uint32_t child_site = kNoSite;
  for (int dy = -1; dy <= 1; ++dy) {
    for (int dx = -1; dx <= 1; ++dx) {
      const std::uint32_t site = at(m, 5 + dx, 5 + dy);
      if ((dx != 0 || dy != 0) && w.occupant[site] != Occupant::empty) child_site = site;
    }
  }
  ASSERT_NE(child_site, kNoSite) << "the offspring stands on one of the 8 neighbours";
  EXPECT_EQ(w.id[child_site], parent + 1) << "ids are issued at the end of the period";
  EXPECT_EQ(m.group_at(child_site), Group::green);
  EXPECT_EQ(w.hardship[child_site], 0.3f) << "grievance is inherited";
  EXPECT_EQ(w.risk_aversion[child_site], 0.7f) << "offspring_risk = inherit";
  EXPECT_GE(m.death_at(child_site), 2u);
  EXPECT_LE(m.death_at(child_site), 51u) << "born in period 1, lifespan below 50";
  EXPECT_EQ(m.group_census().births, 1u);
  EXPECT_EQ(s.step(m, 2), 2u) << "both act in the next period";
  EXPECT_EQ(m.group_census().births, 2u);
}

TEST(ModelII, AnAgentWithNoEmptyNeighbourDoesNotClone) {
  ModelIIParams g = still();
  g.reproduction = 1.0;
  ModelII m(stage(), g, 1, true);
  for (int dy = -1; dy <= 1; ++dy) {
    for (int dx = -1; dx <= 1; ++dx) calm(m, 5 + dx, 5 + dy, Group::blue);
  }
  Stepper s;
  s.step(m, 1);
  // Only the 8 on the rim can clone (outwards); the centre is surrounded.
  EXPECT_LE(m.group_census().births, 8u);
  EXPECT_EQ(m.group_census().blue, 9u + m.group_census().births);
}

TEST(ModelII, AgentsDieOfAgeOnTheLatticeAndInJail) {
  ModelII m(stage(), still(), 1, true);
  m.put_citizen(at(m, 5, 5), Group::blue, 0.0f, 0.0f, 3);
  m.mutable_jailed().push_back({999, at(m, 9, 9), 0.0f, 0.0f, 100.0f, 2, Group::green});
  Stepper s;
  s.step(m, 1);
  EXPECT_EQ(m.group_census().green_jailed, 1u);
  s.step(m, 2);
  EXPECT_EQ(m.group_census().green_jailed, 0u) << "died in jail at its death period";
  EXPECT_EQ(m.group_census().deaths, 1u);
  EXPECT_EQ(m.group_census().blue, 1u);
  s.step(m, 3);
  EXPECT_EQ(m.group_census().blue, 0u);
  EXPECT_EQ(m.group_census().deaths, 1u);
  EXPECT_EQ(death_period(10, 0.0), 11u) << "at least the next period";
  EXPECT_EQ(death_period(10, 4.2), 15u);
}

TEST(ModelII, PeacekeepersArrestEitherGroupEvenhandedly) {
  // A cop between an active Blue and an active Green that cannot see each other (distance 2):
  // it arrests a uniformly chosen one. Binomial over 200 seeds, as above.
  int blue_arrests = 0;
  int trials = 0;
  for (std::uint64_t seed = 1; seed <= 200; ++seed) {
    ModelIParams p = stage();
    p.threshold = 0.0;  // H = 1, R = 0: active even with the cop in view (G = 0.2 > 0.9 R)
    ModelII m(p, still(), seed, true);
    m.put_cop(at(m, 5, 5));
    killer(m, 4, 5, Group::blue);
    killer(m, 6, 5, Group::green);
    // Period 1 makes both active; if the cop acted first it arrested nobody, and in period
    // 2 it sees both active whatever the order (they stay active when they act).
    Stepper s;
    s.step(m, 1);
    if (m.group_census().arrests != 0) continue;
    ++trials;
    s.step(m, 2);
    const GroupCensus g = m.group_census();
    ASSERT_EQ(g.arrests, 1u);
    blue_arrests += g.blue_jailed == 1;
  }
  ASSERT_GT(trials, 50);
  // Binomial(trials, 1/2): within 4 standard deviations.
  EXPECT_LT(std::abs(blue_arrests - trials / 2.0), 4.0 * std::sqrt(trials / 4.0))
      << blue_arrests << " of " << trials;
}

TEST(ModelII, ReleasedAgentsReturnToTheirLastSiteWhenChosen) {
  ModelIIParams g = still();
  g.release = ReleaseSite::last_site;
  ModelII m(stage(), g, 1, true);
  m.mutable_jailed().push_back({7, at(m, 9, 9), 0.5f, 0.5f, 1.0f, kNever, Group::green});
  Stepper s;
  s.step(m, 1);
  EXPECT_TRUE(m.jailed().empty());
  EXPECT_EQ(m.world().occupant[at(m, 9, 9)], Occupant::quiet);
  EXPECT_EQ(m.world().id[at(m, 9, 9)], 7u);
  EXPECT_EQ(m.group_at(at(m, 9, 9)), Group::green);
}

TEST(ModelII, AReleasedAgentWhoseLastSiteIsTakenReappearsInViewOfIt) {
  ModelIIParams g = still();
  g.release = ReleaseSite::last_site;
  ModelII m(stage(), g, 1, true);
  calm(m, 9, 9, Group::blue);
  m.mutable_jailed().push_back({7, at(m, 9, 9), 0.5f, 0.5f, 1.0f, kNever, Group::green});
  Stepper s;
  s.step(m, 1);
  ASSERT_TRUE(m.jailed().empty());
  int near = 0;
  for (int dy = -1; dy <= 1; ++dy) {
    for (int dx = -1; dx <= 1; ++dx) near += m.world().id[at(m, 9 + dx, 9 + dy)] == 7u;
  }
  EXPECT_EQ(near, 1) << "on one of the sites within vision 1.7";
}

TEST(ModelII, ReleasedAgentsGoToARandomEmptySiteByDefault) {
  ModelII m(stage(), still(), 1, true);
  m.mutable_jailed().push_back({7, at(m, 9, 9), 0.5f, 0.5f, 1.0f, kNever, Group::green});
  m.mutable_jailed().push_back({8, at(m, 9, 9), 0.5f, 0.5f, 5.0f, kNever, Group::blue});
  Stepper s;
  s.step(m, 1);
  ASSERT_EQ(m.jailed().size(), 1u) << "the other still has 4 periods to serve";
  EXPECT_EQ(m.group_census().green, 1u);
  EXPECT_EQ(m.group_census().blue_jailed, 1u);
}

TEST(ModelII, PeacekeepersAreDeployedAndWithdrawnBySchedule) {
  ModelIParams p = stage(40);
  p.citizen_density = 0.7;
  p.cop_density = core::Schedule(0.0, {{core::ScheduleSegment::Kind::step, 5, 0, 0.04},
                                       {core::ScheduleSegment::Kind::step, 8, 0, 0.0}});
  ModelII m(p, ModelIIParams{}, 1, true);
  Stepper s;
  for (std::uint32_t t = 1; t <= 9; ++t) {
    s.step(m, t);
    EXPECT_EQ(m.census().cops, t >= 5 && t < 8 ? 64u : 0u) << "period " << t;
  }
}

// Whole runs: ids unique, never pending after a period, below next_id; population counts
// consistent with the period's events.
TEST(ModelII, IdsStayUniqueAndTheCountsAddUp) {
  ModelIParams p = stage(40);
  p.citizen_density = 0.7;
  p.citizens_move = true;
  p.cops_move = true;
  p.cop_density = core::Schedule(0.04);
  ModelII m(p, ModelIIParams{}, 5, true);
  Stepper s;
  std::uint64_t before = m.group_census().blue_total() + m.group_census().green_total();
  for (std::uint32_t t = 1; t <= 60; ++t) {
    s.step(m, t);
    const GroupCensus g = m.group_census();
    const std::uint64_t now = g.blue_total() + g.green_total();
    EXPECT_EQ(now + g.kills + g.deaths, before + g.births) << "period " << t;
    before = now;
    std::set<std::uint32_t> ids;
    const LatticeWorld& w = m.world();
    for (std::uint32_t site = 0; site < w.site_count(); ++site) {
      if (w.occupant[site] == Occupant::empty) continue;
      EXPECT_EQ(w.id[site] & kPendingId, 0u);
      EXPECT_LT(w.id[site], w.next_id);
      EXPECT_TRUE(ids.insert(w.id[site]).second) << "duplicate id " << w.id[site];
    }
    for (const JailedAgent& j : m.jailed()) EXPECT_TRUE(ids.insert(j.id).second);
  }
}

TEST(ModelII, TheSameResultOnAnyThreadCount) {
  ModelIParams p = stage(96);
  p.citizen_density = 0.7;
  p.citizens_move = true;
  p.cops_move = true;
  p.cop_density = core::Schedule(0.04);
  ModelII one(p, ModelIIParams{}, 11);
  ModelII two(p, ModelIIParams{}, 11);
  ASSERT_GT(one.blocks(), 1u);
  Stepper s1(1);
  Stepper s2(2);
  for (std::uint32_t t = 1; t <= 40; ++t) {
    EXPECT_EQ(s1.step(one, t), s2.step(two, t));
  }
  const LatticeWorld& a = one.world();
  const LatticeWorld& b = two.world();
  for (std::uint32_t site = 0; site < a.site_count(); ++site) {
    ASSERT_EQ(a.occupant[site], b.occupant[site]) << site;
    ASSERT_EQ(a.id[site], b.id[site]) << site;
    ASSERT_EQ(one.group_at(site), two.group_at(site)) << site;
  }
  EXPECT_EQ(one.jailed().size(), two.jailed().size());
}

TEST(ModelII, EnclavesAreClustersHoldingBothGroups) {
  ModelII m(stage(), still(), 1, true);
  calm(m, 2, 2, Group::blue);
  calm(m, 3, 2, Group::green);  // one mixed cluster
  calm(m, 10, 10, Group::blue);
  calm(m, 11, 11, Group::green);  // diagonal: not 4-connected
  calm(m, 15, 15, Group::blue);
  calm(m, 15, 16, Group::blue);
  calm(m, 19, 0, Group::green);
  calm(m, 0, 0, Group::blue);  // across the seam
  EXPECT_EQ(m.mixed_enclaves(), 2u);
}

TEST(ModelII, GenocideOutcomeNamesTheFirstExtinctionAndTheSurvivor) {
  std::vector<GroupCensus> series(5);
  for (GroupCensus& g : series) g.blue = g.green = 10;
  EXPECT_FALSE(run::genocide_outcome(series).time_to_genocide.has_value());
  series[3].blue = 0;
  series[3].blue_jailed = 1;  // jailed members still count
  series[4].blue = 0;
  const run::GenocideOutcome o = run::genocide_outcome(series);
  ASSERT_TRUE(o.time_to_genocide.has_value());
  EXPECT_EQ(*o.time_to_genocide, 5u);
  ASSERT_TRUE(o.survivor.has_value());
  EXPECT_EQ(*o.survivor, Group::green);
}

}  // namespace
}  // namespace unrest::epstein
