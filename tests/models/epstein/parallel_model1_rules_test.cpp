// ParallelModelI's rules on hand-made worlds: rule A, arrests in each jail mode, movement,
// jail terms and releases, and the cop schedule.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <set>

#include "models/epstein/parallel_model1.hpp"
#include "models/epstein/parallel_model1_fixture.hpp"

namespace unrest::epstein {
namespace {

using namespace parallel_testing;

TEST(ParallelModelIRules, CitizensFollowRuleA) {
  ParallelModelI m(empty_params(), 1);
  // L = 0.82, T = 0.1: H = 1 gives G = 0.18 > T; H = 0.5 gives G = 0.09 <= T.
  const std::uint32_t angry = put(m, Occupant::quiet, 5, 5, 1.0f, 0.5f);
  const std::uint32_t calm = put(m, Occupant::quiet, 15, 15, 0.5f, 0.0f);
  const std::uint32_t calming = put(m, Occupant::active, 15, 5, 0.5f, 0.0f);
  // Deterred: a cop next to it, P = 1 - exp(-2.3) = 0.9, G - R P = 0.18 - 0.9 < T.
  const std::uint32_t deterred = put(m, Occupant::quiet, 5, 14, 1.0f, 1.0f);
  put(m, Occupant::cop, 5, 15);
  Stepper stepper(1);
  EXPECT_EQ(stepper.step(m, 1), 5u) << "every free agent activated";
  const LatticeWorld& w = m.world();
  EXPECT_EQ(w.occupant[site_of(w, angry)], Occupant::active);
  EXPECT_EQ(w.occupant[site_of(w, calm)], Occupant::quiet);
  EXPECT_EQ(w.occupant[site_of(w, calming)], Occupant::quiet);
  EXPECT_EQ(w.occupant[site_of(w, deterred)], Occupant::quiet);
  EXPECT_EQ(w.site_at(5, 5), site_of(w, angry)) << "nobody moves here";
  const Census c = stepper.census(m);
  EXPECT_EQ(c.active, 1u);
  EXPECT_EQ(c.quiet, 3u);
  EXPECT_EQ(c.cops, 1u);
  EXPECT_EQ(c.jailed, 0u);
}

TEST(ParallelModelIRules, ACopArrestsTheActiveInViewInEachJailMode) {
  for (const JailMode mode :
       {JailMode::off_lattice, JailMode::stay_invisible, JailMode::stay_blocking}) {
    ModelIParams p = empty_params();
    p.jail_mode = mode;
    ParallelModelI m(p, 2);
    put(m, Occupant::cop, 5, 5);
    // H = 1, R = 0: active whatever it sees, so whoever acts first, the cop finds it active.
    const std::uint32_t rebel = put(m, Occupant::active, 6, 5, 1.0f, 0.0f);
    const std::uint32_t far = put(m, Occupant::active, 15, 15, 1.0f, 0.0f);  // out of view
    Stepper stepper(1);
    stepper.step(m, 1);
    const LatticeWorld& w = m.world();
    const std::uint32_t arrested_at = w.site_at(6, 5);
    const Census c = stepper.census(m);
    EXPECT_EQ(c.jailed, 1u);
    EXPECT_EQ(c.active, 1u);
    ASSERT_EQ(w.dormant.size(), 1u);
    EXPECT_EQ(w.dormant[0].id, rebel);
    EXPECT_EQ(w.dormant[0].kind, AgentKind::citizen);
    EXPECT_EQ(w.dormant[0].site, arrested_at);
    EXPECT_EQ(w.dormant[0].hardship, 1.0f);
    EXPECT_GE(w.dormant[0].jail_left, 0.0f);
    EXPECT_LT(w.dormant[0].jail_left, 30.0f);
    if (mode == JailMode::stay_blocking) {
      EXPECT_EQ(w.occupant[arrested_at], Occupant::jailed);
      EXPECT_EQ(w.id[arrested_at], rebel);
    } else {
      EXPECT_EQ(w.occupant[arrested_at], Occupant::empty);
    }
    EXPECT_EQ(w.occupant[site_of(w, far)], Occupant::active);
  }
}

TEST(ParallelModelIRules, AJailedCitizenBlocksItsSiteOnlyInStayBlockingMode) {
  for (const JailMode mode : {JailMode::off_lattice, JailMode::stay_blocking}) {
    ModelIParams p = empty_params();
    p.jail_mode = mode;
    p.citizens_move = true;
    ParallelModelI m(p, 3);
    // Cops box in the site (7, 5) but for its neighbour (6, 5), where an active stands.
    put(m, Occupant::cop, 5, 5);
    const std::uint32_t rebel = put(m, Occupant::active, 6, 5, 1.0f, 0.0f);
    for (int dy = -1; dy <= 1; ++dy) {
      for (int dx = -1; dx <= 1; ++dx) {
        if ((dx != 0 || dy != 0) && (dx != -1 || dy != 0)) put(m, Occupant::cop, 7 + dx, 5 + dy);
      }
    }
    Stepper stepper(1);
    stepper.step(m, 1);
    ASSERT_EQ(m.world().dormant.size(), 1u);
    ASSERT_EQ(m.world().dormant[0].id, rebel);
    m.mutable_world().dormant[0].jail_left = 10.0f;  // not released next period
    // A citizen in the box, whose only way out is the site of the arrested active.
    const std::uint32_t boxed = put(m, Occupant::quiet, 7, 5, 0.0f, 0.0f);
    stepper.step(m, 2);
    const LatticeWorld& w = m.world();
    if (mode == JailMode::stay_blocking) {
      EXPECT_EQ(site_of(w, rebel), w.site_at(6, 5));
      EXPECT_EQ(w.occupant[w.site_at(6, 5)], Occupant::jailed);
      EXPECT_EQ(site_of(w, boxed), w.site_at(7, 5)) << "the prisoner's site stays blocked";
    } else {
      EXPECT_EQ(site_of(w, boxed), w.site_at(6, 5)) << "the freed site is the only way out";
    }
  }
}

TEST(ParallelModelIRules, AgentsMoveOnlyToEmptySitesInView) {
  ModelIParams p = empty_params(20, 1.7);
  p.citizens_move = true;
  ParallelModelI m(p, 4);
  // Fixed cops on about half the sites, one quiet citizen (H = 0) wandering among them.
  std::uint32_t mover = 0;
  for (int y = 0; y < 20; ++y) {
    for (int x = 0; x < 20; ++x) {
      if (x == 10 && y == 10) {
        mover = put(m, Occupant::quiet, x, y);
      } else if ((x * 7 + y * 13) % 5 < 3) {
        put(m, Occupant::cop, x, y);
      }
    }
  }
  Stepper stepper(1);
  int moves = 0;
  for (std::uint32_t t = 1; t <= 200; ++t) {
    const LatticeWorld& w = m.world();
    const std::uint32_t from = site_of(w, mover);
    const int fx = static_cast<int>(from % 20);
    const int fy = static_cast<int>(from / 20);
    std::set<std::uint32_t> empty_in_view;
    for (int dy = -1; dy <= 1; ++dy) {
      for (int dx = -1; dx <= 1; ++dx) {
        const std::uint32_t s = w.site_at((fx + dx + 20) % 20, (fy + dy + 20) % 20);
        if (w.occupant[s] == Occupant::empty) empty_in_view.insert(s);
      }
    }
    const auto before = w.occupant;
    stepper.step(m, t);
    const std::uint32_t to = site_of(m.world(), mover);
    if (empty_in_view.empty()) {
      EXPECT_EQ(to, from) << "period " << t;
    } else {
      EXPECT_EQ(empty_in_view.count(to), 1u) << "period " << t << ": " << from << " -> " << to;
      ++moves;
    }
    // Everybody else stayed.
    for (std::uint32_t s = 0; s < m.world().site_count(); ++s) {
      if (s != from && s != to) {
        ASSERT_EQ(m.world().occupant[s], before[s]) << s;
      }
    }
  }
  EXPECT_GT(moves, 100);
}

TEST(ParallelModelIRules, ABoxedInAgentStays) {
  ModelIParams p = empty_params();
  p.citizens_move = true;
  ParallelModelI m(p, 5);
  for (int y = 4; y <= 6; ++y) {
    for (int x = 4; x <= 6; ++x) {
      if (x != 5 || y != 5) put(m, Occupant::cop, x, y);
    }
  }
  const std::uint32_t boxed = put(m, Occupant::quiet, 5, 5);
  const std::uint32_t roamer = put(m, Occupant::quiet, 15, 15);
  Stepper stepper(1);
  for (std::uint32_t t = 1; t <= 10; ++t) {
    const std::uint32_t before = site_of(m.world(), roamer);
    stepper.step(m, t);
    EXPECT_EQ(site_of(m.world(), boxed), m.world().site_at(5, 5)) << "period " << t;
    EXPECT_NE(site_of(m.world(), roamer), before) << "an agent with room always moves";
  }
}

// A prisoner with J periods left is released in the J-th period after, not before.
TEST(ParallelModelIJail, ATermOfJPeriodsIsServedInFull) {
  for (const JailMode mode :
       {JailMode::off_lattice, JailMode::stay_invisible, JailMode::stay_blocking}) {
    for (const float term : {1.0f, 2.0f, 2.5f, 5.0f}) {
      ModelIParams p = empty_params();
      p.jail_mode = mode;
      ParallelModelI m(p, 6);
      put(m, Occupant::cop, 15, 15);
      const std::uint32_t prisoner = put(m, Occupant::quiet, 3, 3, 0.25f, 0.75f);
      LatticeWorld& w = m.mutable_world();
      const std::uint32_t cell = w.site_at(3, 3);
      w.occupant[cell] = mode == JailMode::stay_blocking ? Occupant::jailed : Occupant::empty;
      w.dormant.push_back({prisoner, cell, 0.25f, 0.75f, term, AgentKind::citizen});
      m.resync();
      Stepper stepper(1);
      const auto periods = static_cast<std::uint32_t>(std::ceil(term));
      for (std::uint32_t t = 1; t < periods; ++t) {
        stepper.step(m, t);
        ASSERT_EQ(m.world().dormant.size(), 1u) << "term " << term << ", period " << t;
        EXPECT_FLOAT_EQ(m.world().dormant[0].jail_left, term - static_cast<float>(t));
        EXPECT_EQ(stepper.census(m).jailed, 1u);
      }
      stepper.step(m, periods);
      EXPECT_TRUE(m.world().dormant.empty()) << "term " << term;
      const std::uint32_t s = site_of(m.world(), prisoner);
      ASSERT_NE(s, kNoSite);
      EXPECT_EQ(m.world().occupant[s], Occupant::quiet);
      EXPECT_EQ(m.world().hardship[s], 0.25f);
      EXPECT_EQ(m.world().risk_aversion[s], 0.75f);
      if (mode != JailMode::off_lattice) {
        EXPECT_EQ(s, cell) << "its own site was free";
      }
      EXPECT_EQ(stepper.census(m).jailed, 0u);
    }
  }
}

TEST(ParallelModelIJail, AnArrestedCitizenReturnsAfterItsDrawnTerm) {
  ModelIParams p = empty_params();
  ParallelModelI m(p, 7);
  put(m, Occupant::cop, 5, 5);
  const std::uint32_t rebel = put(m, Occupant::active, 5, 6, 1.0f, 0.0f);
  Stepper stepper(1);
  stepper.step(m, 1);
  ASSERT_EQ(m.world().dormant.size(), 1u);
  const float term = m.world().dormant[0].jail_left;
  ASSERT_GT(term, 0.0f);
  // Withdraw the cop by hand, so that the freed citizen is not arrested again.
  LatticeWorld& w = m.mutable_world();
  w.occupant[w.site_at(5, 5)] = Occupant::empty;
  m.resync();
  const auto back = 1 + static_cast<std::uint32_t>(std::ceil(term));
  for (std::uint32_t t = 2; t < back; ++t) {
    stepper.step(m, t);
    ASSERT_EQ(site_of(m.world(), rebel), kNoSite) << "period " << t << ", term " << term;
  }
  stepper.step(m, back);
  EXPECT_NE(site_of(m.world(), rebel), kNoSite) << "period " << back << ", term " << term;
  EXPECT_TRUE(m.world().dormant.empty());
}

TEST(ParallelModelIJail, LifeTermsNeverEnd) {
  ModelIParams p = empty_params();
  p.max_jail_term = kInfiniteJail;
  ParallelModelI m(p, 8);
  const std::uint32_t id = put(m, Occupant::quiet, 3, 3, 1.0f);
  LatticeWorld& w = m.mutable_world();
  w.occupant[w.site_at(3, 3)] = Occupant::empty;
  w.dormant.push_back({id, w.site_at(3, 3), 1.0f, 0.0f, std::numeric_limits<float>::infinity(),
                       AgentKind::citizen});
  m.resync();
  Stepper stepper(1);
  for (std::uint32_t t = 1; t <= 50; ++t) stepper.step(m, t);
  EXPECT_EQ(m.world().dormant.size(), 1u);
  EXPECT_EQ(site_of(m.world(), id), kNoSite);
}

// Cop density ramps from 0.04 to 0 over periods 5..15, then steps back to 0.02 at 25: cops
// are withdrawn to the dormant list and brought back under their old ids; nobody is lost.
TEST(ParallelModelICopSchedule, RampToZeroWithdrawsEveryCopAndAStepBringsThemBack) {
  ModelIParams p = run2_params(100);
  p.cop_density = core::Schedule(0.04, {{core::ScheduleSegment::Kind::ramp, 5, 15, 0.0},
                                        {core::ScheduleSegment::Kind::step, 25, 0, 0.02}});
  const std::uint64_t seed = 9;
  ParallelModelI m(p, seed);
  Stepper stepper(2);
  const std::uint32_t agents = m.world().next_id;
  for (std::uint32_t t = 1; t <= 30; ++t) {
    stepper.step(m, t);
    ASSERT_TRUE(consistent(m, stepper, seed, 400)) << "period " << t;
    const LatticeWorld& w = m.world();
    EXPECT_EQ(w.next_id, agents) << "withdrawn ids are reused, none issued";
    std::uint64_t withdrawn = 0;
    for (const DormantAgent& d : w.dormant) withdrawn += d.kind == AgentKind::cop;
    const Census c = stepper.census(m);
    EXPECT_EQ(c.cops, count_for_density(p.cop_density.at(t), w.site_count())) << "period " << t;
    EXPECT_EQ(c.cops + withdrawn, 400u) << "period " << t;
    if (t >= 15 && t < 25) {
      EXPECT_EQ(c.cops, 0u) << "period " << t;
    }
  }
  EXPECT_EQ(stepper.census(m).cops, 200u);
}

}  // namespace
}  // namespace unrest::epstein
