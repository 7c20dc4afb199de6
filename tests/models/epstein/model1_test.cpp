// Model I rules on hand-built worlds: placement, rule A, rule C, rule M, cop schedule, census.
#include <gtest/gtest.h>

#include "models/epstein/model1_fixture.hpp"

namespace unrest::epstein {
namespace {

using namespace testing_support;

// ---------------------------------------------------------------------------------------------
// Initial placement and attributes.

TEST(ModelIPlacement, ExactCountsCopsFirstOnDistinctSites) {
  ModelIParams p;  // 40 x 40, citizens 0.7, cops 0.04
  const ModelI m(p, 17);
  const World& w = m.world();
  ASSERT_EQ(w.slot_count(), 64u + 1120u);
  for (std::uint32_t slot = 0; slot < w.slot_count(); ++slot) {
    EXPECT_EQ(w.id[slot], slot) << "ids issued in slot order before any reorder";
    EXPECT_EQ(w.kind[slot], w.id[slot] < 64 ? AgentKind::cop : AgentKind::citizen) << slot;
    EXPECT_EQ(w.status[slot], Status::quiet);
  }
  EXPECT_TRUE(consistent(m));
  const Census c = m.census();
  EXPECT_EQ(c.cops, 64u);
  EXPECT_EQ(c.quiet, 1120u);
  EXPECT_EQ(c.active + c.jailed, 0u);
}

TEST(ModelIPlacement, AttributesComeFromTheAttributeStreamOfEachId) {
  const ModelI m(ModelIParams{}, 5);
  const World& w = m.world();
  for (std::uint32_t slot = 0; slot < w.slot_count(); ++slot) {
    if (w.kind[slot] == AgentKind::cop) continue;
    core::Stream s(5, core::Purpose::attributes, w.id[slot], 0);
    EXPECT_EQ(w.hardship[slot], static_cast<float>(s.uniform()));
    EXPECT_EQ(w.risk_aversion[slot], static_cast<float>(s.uniform()));
    EXPECT_GE(w.hardship[slot], 0.0f);
    EXPECT_LE(w.hardship[slot], 1.0f);
  }
}

TEST(ModelIPlacement, SameSeedSameWorldOtherSeedOtherWorld) {
  const ModelI a(ModelIParams{}, 3);
  const ModelI b(ModelIParams{}, 3);
  const ModelI c(ModelIParams{}, 4);
  EXPECT_EQ(a.world().site, b.world().site);
  EXPECT_EQ(a.world().hardship, b.world().hardship);
  EXPECT_NE(a.world().site, c.world().site);
}

TEST(ModelIPlacement, PerSiteDrawsEachSiteIndependently) {
  ModelIParams p;
  p.placement = Placement::per_site;
  const ModelI m(p, 21);
  const World& w = m.world();
  EXPECT_TRUE(consistent(m));
  const Census c = m.census();
  // Binomial(1600, 0.04): mean 64, s.d. 7.8; Binomial(1600, 0.7): mean 1120, s.d. 18.3. 5 s.d.
  EXPECT_NEAR(static_cast<double>(c.cops), 64.0, 39.0);
  EXPECT_NEAR(static_cast<double>(c.quiet), 1120.0, 92.0);
  EXPECT_NE(c.cops, 64u + 0u * c.quiet) << "per-site counts are not forced to be exact";
  // Ids follow the site order.
  for (std::uint32_t slot = 1; slot < w.slot_count(); ++slot)
    EXPECT_LT(w.site[slot - 1], w.site[slot]);
}

// ---------------------------------------------------------------------------------------------
// Rule C: cops arrest.

TEST(ModelICop, AtMostOneArrestPerActivation) {
  ModelI m(empty_params(), 1);
  const std::uint32_t cop = put_cop(m, 5, 5);
  for (int dy = -1; dy <= 1; ++dy) {
    for (int dx = -1; dx <= 1; ++dx) {
      if (dx != 0 || dy != 0) put_citizen(m, 5 + dx, 5 + dy, Status::active, 1.0f, 0.0f);
    }
  }
  ASSERT_TRUE(consistent(m));
  m.activate(cop, 1);
  EXPECT_EQ(jailed_count(m), 1);
  EXPECT_EQ(m.census().active, 7u);
  EXPECT_EQ(m.world().lattice.count_all(kActives), 7u);
  EXPECT_TRUE(consistent(m));
  // A second activation (same period) may arrest one more, never several.
  m.activate(cop, 2);
  EXPECT_EQ(jailed_count(m), 2);
  EXPECT_TRUE(consistent(m));
}

TEST(ModelICop, ArrestsAUniformlyChosenActiveInView) {
  ModelI base(empty_params(), 2);
  const std::uint32_t cop = put_cop(base, 0, 0);  // at the corner: its view wraps the torus
  std::vector<std::uint32_t> citizens;
  for (int dy = -1; dy <= 1; ++dy) {
    for (int dx = -1; dx <= 1; ++dx) {
      if (dx != 0 || dy != 0) {
        citizens.push_back(put_citizen(base, (dx + 11) % 11, (dy + 11) % 11, Status::active, 1.0f));
      }
    }
  }
  std::map<std::uint32_t, int> arrested;
  const int trials = 400;
  for (int t = 0; t < trials; ++t) {
    ModelI m = base;
    m.activate(cop, static_cast<std::uint32_t>(t));
    ASSERT_EQ(jailed_count(m), 1);
    ++arrested[jailed_slots(m)[0]];
  }
  ASSERT_EQ(arrested.size(), 8u);
  // Binomial(400, 1/8): mean 50, s.d. 6.6; allow 5 s.d.
  for (const auto& [id, count] : arrested) EXPECT_NEAR(count, 50, 33) << "citizen " << id;
}

TEST(ModelICop, IgnoresQuietCitizensAndActivesOutOfView) {
  ModelI m(empty_params(), 3);
  const std::uint32_t cop = put_cop(m, 5, 5);
  put_citizen(m, 5, 6, Status::quiet, 1.0f);
  put_citizen(m, 7, 5, Status::active, 1.0f);  // distance 2 > 1.7
  put_citizen(m, 3, 3, Status::active, 1.0f);
  m.activate(cop, 1);
  EXPECT_EQ(jailed_count(m), 0);
  EXPECT_TRUE(consistent(m));
}

TEST(ModelICop, JailTermFollowsTheRule) {
  struct Case {
    JailTerm rule;
    double max;
    double lo, hi;
    bool whole;
  };
  for (const Case c : {Case{JailTerm::continuous, 15.0, 0.0, 15.0, false},
                       Case{JailTerm::integer_below_max, 3.0, 0.0, 2.0, true},
                       Case{JailTerm::integer_up_to_max, 3.0, 0.0, 3.0, true}}) {
    ModelIParams p = empty_params();
    p.jail_term = c.rule;
    p.max_jail_term = c.max;
    ModelI base(p, 4);
    const std::uint32_t cop = put_cop(base, 5, 5);
    put_citizen(base, 5, 6, Status::active, 1.0f);
    std::set<double> seen;
    for (std::uint32_t t = 0; t < 60; ++t) {
      ModelI m = base;
      m.activate(cop, t);
      ASSERT_EQ(jailed_count(m), 1);
      const double term = m.world().jail_left[jailed_slots(m)[0]];
      EXPECT_GE(term, c.lo);
      EXPECT_LE(term, c.hi);
      if (c.whole) {
        EXPECT_EQ(term, std::floor(term));
      }
      seen.insert(term);
    }
    if (c.whole) {
      EXPECT_EQ(seen.size(), static_cast<std::size_t>(c.hi - c.lo + 1));
    }
  }
  ModelIParams p = empty_params();
  p.max_jail_term = kInfiniteJail;
  ModelI m(p, 4);
  const std::uint32_t cop = put_cop(m, 5, 5);
  put_citizen(m, 5, 6, Status::active, 1.0f);
  m.activate(cop, 1);
  ASSERT_EQ(jailed_count(m), 1);
  EXPECT_TRUE(std::isinf(m.world().jail_left[jailed_slots(m)[0]]));
}

// ---------------------------------------------------------------------------------------------
// Rule A: citizens decide.

TEST(ModelICitizen, GoesActiveWithoutCopsInViewIfAggrieved) {
  ModelI m(empty_params(), 5);
  const std::uint32_t angry = put_citizen(m, 5, 5, Status::quiet, 1.0f, 1.0f);  // G = 0.18
  const std::uint32_t calm = put_citizen(m, 1, 1, Status::quiet, 0.5f, 0.0f);   // G = 0.09
  put_cop(m, 8, 5);  // out of view of both
  m.activate(angry, 1);
  m.activate(calm, 1);
  EXPECT_EQ(m.world().status[angry], Status::active);
  EXPECT_EQ(m.world().status[calm], Status::quiet);
  EXPECT_TRUE(consistent(m));
}

TEST(ModelICitizen, CopInViewDetersByRiskTimesProbability) {
  // G = 0.18, C = 1, A = 1: P = 0.8997. R = 0.5: N = 0.45 -> quiet. R = 0.05: N = 0.045,
  // 0.18 - 0.045 = 0.135 > 0.1 -> active.
  for (const auto& [risk, expected] :
       std::vector<std::pair<float, Status>>{{0.5f, Status::quiet}, {0.05f, Status::active}}) {
    ModelI m(empty_params(), 6);
    const std::uint32_t c = put_citizen(m, 5, 5, Status::quiet, 1.0f, risk);
    put_cop(m, 6, 6);
    m.activate(c, 1);
    EXPECT_EQ(m.world().status[c], expected) << "R = " << risk;
  }
}

TEST(ModelICitizen, RatioRuleDecidesWithOtherActivesInView) {
  // One cop and one other active in view: A = 2, C = 1. Floor and round give P = 0 (active);
  // literal gives P = 1 - exp(-1.15) = 0.68, N = 0.34 at R = 0.5 (quiet).
  for (const auto& [rule, expected] :
       std::vector<std::pair<ArrestRatio, Status>>{{ArrestRatio::floor, Status::active},
                                                   {ArrestRatio::round_half_even, Status::active},
                                                   {ArrestRatio::literal, Status::quiet}}) {
    ModelIParams p = empty_params();
    p.arrest_ratio = rule;
    ModelI m(p, 7);
    const std::uint32_t c = put_citizen(m, 5, 5, Status::quiet, 1.0f, 0.5f);
    put_citizen(m, 4, 4, Status::active, 1.0f, 0.0f);
    put_cop(m, 6, 6);
    m.activate(c, 1);
    EXPECT_EQ(m.world().status[c], expected) << static_cast<int>(rule);
    EXPECT_TRUE(consistent(m));
  }
}

TEST(ModelICitizen, ActiveSelfCountOnceOrTwice) {
  // An active citizen, one cop in view, no other active. Once: A = 1, P = 0.8997, N = 0.09 at
  // R = 0.1, G - N = 0.09 < 0.1 -> quiet. Twice (NetLogo): A = 2, floor(1/2) = 0 -> stays active.
  for (const auto& [count, expected] : std::vector<std::pair<ActiveSelfCount, Status>>{
           {ActiveSelfCount::once, Status::quiet},
           {ActiveSelfCount::twice_when_active, Status::active}}) {
    ModelIParams p = empty_params();
    p.self_count = count;
    ModelI m(p, 8);
    const std::uint32_t c = put_citizen(m, 5, 5, Status::active, 1.0f, 0.1f);
    put_cop(m, 5, 4);
    m.activate(c, 1);
    EXPECT_EQ(m.world().status[c], expected) << static_cast<int>(count);
    EXPECT_TRUE(consistent(m));
  }
}

TEST(ModelICitizen, TurnsQuietWhenLegitimacyRisesAboveReach) {
  ModelIParams p = empty_params();
  p.legitimacy = core::Schedule(0.5, {{core::ScheduleSegment::Kind::step, 3, 3, 0.95}});
  ModelI m(p, 9);
  const std::uint32_t c = put_citizen(m, 5, 5, Status::quiet, 0.9f, 0.0f);
  m.begin_period(1);
  EXPECT_DOUBLE_EQ(m.legitimacy(), 0.5);
  m.activate(c, 1);
  EXPECT_EQ(m.world().status[c], Status::active);  // G = 0.45
  m.begin_period(3);
  EXPECT_DOUBLE_EQ(m.legitimacy(), 0.95);
  m.activate(c, 3);
  EXPECT_EQ(m.world().status[c], Status::quiet);  // G = 0.045 <= T
  EXPECT_FALSE(m.world().lattice.test(kActives, m.world().site[c]));
  EXPECT_TRUE(consistent(m));
}

// ---------------------------------------------------------------------------------------------
// Rule M: movement.

TEST(ModelIMove, MovesOnlyToEmptySitesWithinVision) {
  ModelIParams p = empty_params();
  p.citizens_move = true;
  ModelI base(p, 21);
  const std::uint32_t c = put_citizen(base, 5, 5);
  // Fill all Moore neighbours but (6, 4).
  for (int dy = -1; dy <= 1; ++dy) {
    for (int dx = -1; dx <= 1; ++dx) {
      if ((dx != 0 || dy != 0) && !(dx == 1 && dy == -1)) put_citizen(base, 5 + dx, 5 + dy);
    }
  }
  for (std::uint32_t t = 0; t < 30; ++t) {
    ModelI m = base;
    m.activate(c, t);
    EXPECT_EQ(m.world().site[c], m.world().site_at(6, 4));
    EXPECT_TRUE(consistent(m));
  }
  // Fully surrounded: stays.
  put_citizen(base, 6, 4);
  base.activate(c, 1);
  EXPECT_EQ(base.world().site[c], base.world().site_at(5, 5));
}

TEST(ModelIMove, TargetIsUniformOverTheEmptySitesInView) {
  ModelIParams p = empty_params();
  p.citizens_move = true;
  ModelI base(p, 22);
  const std::uint32_t c = put_citizen(base, 0, 10);  // wraps on x and y
  std::map<std::uint32_t, int> seen;
  const int trials = 1600;
  for (int t = 0; t < trials; ++t) {
    ModelI m = base;
    m.activate(c, static_cast<std::uint32_t>(t));
    ASSERT_LE(distance2(m.world(), m.world().site[c], base.world().site[c]), 2.0);
    ++seen[m.world().site[c]];
  }
  ASSERT_EQ(seen.size(), 8u);
  // Chi-square, 7 d.f.: 1e-6 upper quantile about 42 (Wilson–Hilferty).
  double chi2 = 0.0;
  for (const auto& [site, n] : seen) chi2 += (n - 200.0) * (n - 200.0) / 200.0;
  EXPECT_LT(chi2, 42.0);
}

TEST(ModelIMove, FindsTheOnlyEmptySiteOfALargeNeighbourhood) {
  // Vision 7 on 15 x 15: the whole lattice is in view; one empty site besides the mover's.
  ModelIParams p = empty_params(15, 7.0);
  p.citizens_move = true;
  ModelI m(p, 23);
  std::uint32_t mover = 0;
  for (int y = 0; y < 15; ++y) {
    for (int x = 0; x < 15; ++x) {
      if (x == 3 && y == 12) continue;
      const std::uint32_t id = put_citizen(m, x, y);
      if (x == 7 && y == 7) mover = id;
    }
  }
  m.activate(mover, 1);
  EXPECT_EQ(m.world().site[mover], m.world().site_at(3, 12));
  EXPECT_TRUE(consistent(m));
}

TEST(ModelIMove, MoveFlagsAreHonoured) {
  ModelIParams p = empty_params();
  p.citizens_move = false;
  p.cops_move = true;
  ModelI m(p, 24);
  const std::uint32_t c = put_citizen(m, 5, 5);
  const std::uint32_t cop = put_cop(m, 2, 2);
  m.activate(c, 1);
  m.activate(cop, 1);
  EXPECT_EQ(m.world().site[c], m.world().site_at(5, 5));
  EXPECT_NE(m.world().site[cop], m.world().site_at(2, 2));
  EXPECT_TRUE(m.world().lattice.test(kCops, m.world().site[cop]));
  EXPECT_FALSE(m.world().lattice.test(kCops, m.world().site_at(2, 2)));
  EXPECT_TRUE(consistent(m));
}

TEST(ModelIMove, OrderOfMoveAndAct) {
  // The citizen sees a cop at (4, 5) from (5, 5); its only empty site in view, (6, 6), is out
  // of the cop's reach. Moving first, it sees no cop and turns active; acting first, it stays
  // quiet (R = 1, P = 0.9) and then moves.
  for (const auto& [order, expected] : std::vector<std::pair<ActivationOrder, Status>>{
           {ActivationOrder::move_then_act, Status::active},
           {ActivationOrder::act_then_move, Status::quiet}}) {
    ModelIParams p = empty_params();
    p.citizens_move = true;
    p.order = order;
    ModelI m(p, 25);
    const std::uint32_t c = put_citizen(m, 5, 5, Status::quiet, 1.0f, 1.0f);
    put_cop(m, 4, 5);
    for (int dy = -1; dy <= 1; ++dy) {
      for (int dx = -1; dx <= 1; ++dx) {
        if ((dx != 0 || dy != 0) && !(dx == 1 && dy == 1) && !(dx == -1 && dy == 0)) {
          put_citizen(m, 5 + dx, 5 + dy);
        }
      }
    }
    m.activate(c, 1);
    EXPECT_EQ(m.world().site[c], m.world().site_at(6, 6));
    EXPECT_EQ(m.world().status[c], expected) << static_cast<int>(order);
    EXPECT_TRUE(consistent(m));
  }
}

// ---------------------------------------------------------------------------------------------
// Cop schedule, census.

TEST(ModelICops, ScheduleWithdrawsAndRedeploysReusingIds) {
  ModelIParams p;
  p.cop_density = core::Schedule(0.074, {{core::ScheduleSegment::Kind::step, 2, 2, 0.01},
                                         {core::ScheduleSegment::Kind::step, 4, 4, 0.06}});
  ModelI m(p, 26);
  const std::uint32_t agents = m.world().slot_count();
  const auto withdrawn = [&m] {
    return std::count(m.world().status.begin(), m.world().status.end(), Status::withdrawn);
  };
  EXPECT_EQ(m.census().cops, 118u);
  m.begin_period(1);
  EXPECT_EQ(m.census().cops, 118u);
  m.begin_period(2);
  EXPECT_EQ(m.census().cops, 16u);
  EXPECT_EQ(withdrawn(), 102);
  EXPECT_TRUE(consistent(m));
  std::uint32_t activated = 0;
  for (std::uint32_t slot = 0; slot < m.slot_count(); ++slot) activated += m.activate(slot, 2);
  EXPECT_LE(activated, 16u + 1120u);
  EXPECT_GE(activated, 1120u) << "withdrawn cops decline activation";
  m.begin_period(4);
  EXPECT_EQ(m.census().cops, 96u);
  EXPECT_EQ(m.world().slot_count(), agents) << "withdrawn ids are reused before new ones";
  EXPECT_EQ(withdrawn(), 22);
  EXPECT_TRUE(consistent(m));
}

TEST(ModelICensus, CountsAndTension) {
  ModelIParams p = empty_params();
  p.legitimacy = core::Schedule(0.5);
  ModelI m(p, 27);
  put_citizen(m, 1, 1, Status::quiet, 0.5f, 0.25f);
  put_citizen(m, 2, 2, Status::active, 1.0f, 0.75f);
  const std::uint32_t j = put_citizen(m, 3, 3, Status::active, 1.0f, 1.0f);
  put_cop(m, 4, 4);
  jail(m, j, 3.0);
  const Census c = m.census();
  EXPECT_EQ(c.quiet, 1u);
  EXPECT_EQ(c.active, 1u);
  EXPECT_EQ(c.jailed, 1u);
  EXPECT_EQ(c.cops, 1u);
  EXPECT_DOUBLE_EQ(c.legitimacy, 0.5);
  // Free citizens: mean G = (0.25 + 0.5) / 2 = 0.375, quiet share 1/2, mean R = 0.5.
  EXPECT_DOUBLE_EQ(c.tension, 0.375 * 0.5 / 0.5);
}

TEST(ModelIMemory, EstimateGrowsWithTheLatticeAndCoversTheSiteArrays) {
  ModelIParams small;
  ModelIParams large;
  large.width = 2000;
  large.height = 2000;
  EXPECT_LT(estimate_memory_bytes(small), estimate_memory_bytes(large));
  EXPECT_GE(estimate_memory_bytes(large), 2000u * 2000u * sizeof(std::uint32_t));
  // A 2000x2000 run-2 lattice measures about 200 MB peak resident (bench/whole_run.sh,
  // docs/performance.md): the estimate must cover the slot arrays and stay near that figure.
  EXPECT_GE(estimate_memory_bytes(large), 2000u * 2000u * 74u / 100u * 22u);
  EXPECT_LT(estimate_memory_bytes(large), 300u * 1000u * 1000u);
}

}  // namespace
}  // namespace unrest::epstein
