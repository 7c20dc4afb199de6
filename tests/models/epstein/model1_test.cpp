#include "models/epstein/model1.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/rng.hpp"
#include "engine/reference_scheduler.hpp"
#include "models/epstein/rules.hpp"

namespace unrest::epstein {
namespace {

// ---------------------------------------------------------------------------------------------
// Helpers: an empty world of a chosen size, agents placed by hand, and a consistency check.

ModelIParams empty_params(int size = 11, double vision = 1.7) {
  ModelIParams p;
  p.width = size;
  p.height = size;
  p.citizen_density = 0.0;
  p.cop_density = core::Schedule(0.0);
  p.citizen_vision = vision;
  p.cop_vision = vision;
  p.citizens_move = false;
  p.cops_move = false;
  p.legitimacy = core::Schedule(0.82);
  p.max_jail_term = 30.0;
  return p;
}

// Adds an agent in a new slot (id = slot) and rebuilds the lattice. Returns the slot.
std::uint32_t put(ModelI& m, AgentKind kind, int x, int y, Status status = Status::quiet,
                  float hardship = 0.0f, float risk = 0.0f) {
  World& w = m.mutable_world();
  const std::uint32_t slot = w.slot_count();
  const std::uint32_t site = w.site_at(x, y);
  EXPECT_FALSE(w.lattice.test(kBlocked, site)) << "test setup puts two actors on one site";
  w.id.push_back(slot);
  w.kind.push_back(kind);
  w.status.push_back(status);
  w.site.push_back(site);
  w.hardship.push_back(hardship);
  w.risk_aversion.push_back(risk);
  w.jail_left.push_back(0.0f);
  m.resync();
  return slot;
}

std::uint32_t put_citizen(ModelI& m, int x, int y, Status status = Status::quiet, float h = 0.0f,
                          float r = 0.0f) {
  return put(m, AgentKind::citizen, x, y, status, h, r);
}
std::uint32_t put_cop(ModelI& m, int x, int y) {
  return put(m, AgentKind::cop, x, y);
}

// Jails a free citizen by hand, as arrest() leaves it.
void jail(ModelI& m, std::uint32_t slot, double term) {
  World& w = m.mutable_world();
  w.status[slot] = Status::jailed;
  w.jail_left[slot] = static_cast<float>(term);
  m.resync();
}

int jailed_count(const ModelI& m) {
  return static_cast<int>(
      std::count(m.world().status.begin(), m.world().status.end(), Status::jailed));
}

std::vector<std::uint32_t> jailed_slots(const ModelI& m) {
  std::vector<std::uint32_t> out;
  for (std::uint32_t s = 0; s < m.world().slot_count(); ++s) {
    if (m.world().status[s] == Status::jailed) out.push_back(s);
  }
  return out;
}

bool is_free(Status s) {
  return s == Status::quiet || s == Status::active;
}

// The slot of the free actor (or stay_blocking prisoner) standing on `site`, or kNoSite.
std::uint32_t holder_of(const ModelI& m, std::uint32_t site) {
  const World& w = m.world();
  for (std::uint32_t s = 0; s < w.slot_count(); ++s) {
    const bool holds = is_free(w.status[s]) || (w.status[s] == Status::jailed &&
                                                m.params().jail_mode == JailMode::stay_blocking);
    if (holds && w.site[s] == site) return s;
  }
  return kNoSite;
}

// Every invariant of World that the model must keep: ids are a permutation, one free actor per
// site, the three bitmaps and the active-site map agree with each slot's site, kind and status,
// and jailed citizens sit where their jail mode puts them.
testing::AssertionResult consistent(const ModelI& m) {
  const World& w = m.world();
  const JailMode mode = m.params().jail_mode;
  const std::uint32_t n = w.slot_count();
  const std::uint32_t sites = w.site_count();
  if (w.kind.size() != n || w.status.size() != n || w.site.size() != n || w.hardship.size() != n ||
      w.risk_aversion.size() != n || w.jail_left.size() != n) {
    return testing::AssertionFailure() << "slot array sizes disagree";
  }
  std::vector<std::uint32_t> ids(w.id.begin(), w.id.end());
  std::sort(ids.begin(), ids.end());
  for (std::uint32_t i = 0; i < n; ++i) {
    if (ids[i] != i) return testing::AssertionFailure() << "ids are not 0..n-1";
  }
  std::vector<std::uint32_t> holder(sites, kNoSite);
  std::uint64_t free_cops = 0;
  std::uint64_t actives = 0;
  for (std::uint32_t slot = 0; slot < n; ++slot) {
    const Status s = w.status[slot];
    const std::uint32_t site = w.site[slot];
    const bool holds = is_free(s) || (s == Status::jailed && mode == JailMode::stay_blocking);
    if (s == Status::jailed && w.kind[slot] != AgentKind::citizen) {
      return testing::AssertionFailure() << "jailed cop in slot " << slot;
    }
    if (s == Status::withdrawn && w.kind[slot] != AgentKind::cop) {
      return testing::AssertionFailure() << "withdrawn citizen in slot " << slot;
    }
    if (s == Status::active && w.kind[slot] == AgentKind::cop) {
      return testing::AssertionFailure() << "active cop in slot " << slot;
    }
    if (!holds) continue;
    if (site >= sites) return testing::AssertionFailure() << "slot " << slot << " off the lattice";
    if (holder[site] != kNoSite) {
      return testing::AssertionFailure()
             << "slots " << holder[site] << " and " << slot << " share site " << site;
    }
    holder[site] = slot;
    if (is_free(s)) {
      free_cops += w.kind[slot] == AgentKind::cop;
      actives += s == Status::active;
      if (s == Status::active && w.active_slot.find(site) != slot) {
        return testing::AssertionFailure()
               << "active map does not point site " << site << " to slot " << slot;
      }
    }
  }
  for (std::uint32_t site = 0; site < sites; ++site) {
    const std::uint32_t h = holder[site];
    const bool cop = h != kNoSite && is_free(w.status[h]) && w.kind[h] == AgentKind::cop;
    const bool active = h != kNoSite && w.status[h] == Status::active;
    if (w.lattice.test(kBlocked, site) != (h != kNoSite)) {
      return testing::AssertionFailure() << "blocked bit wrong at site " << site;
    }
    if (w.lattice.test(kCops, site) != cop)
      return testing::AssertionFailure() << "cop bit wrong at " << site;
    if (w.lattice.test(kActives, site) != active) {
      return testing::AssertionFailure() << "active bit wrong at " << site;
    }
  }
  if (w.active_slot.size() != actives) {
    return testing::AssertionFailure()
           << "active map holds " << w.active_slot.size() << " sites for " << actives << " actives";
  }
  if (w.lattice.count_all(kCops) != free_cops)
    return testing::AssertionFailure() << "cop bitmap count";
  return testing::AssertionSuccess();
}

double distance2(const World& w, std::uint32_t a, std::uint32_t b) {
  int dx = std::abs(w.x_of(a) - w.x_of(b));
  int dy = std::abs(w.y_of(a) - w.y_of(b));
  dx = std::min(dx, w.width - dx);
  dy = std::min(dy, w.height - dy);
  return dx * dx + dy * dy;
}

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
// Jail countdown and release.

TEST(ModelIJail, TermOfThreeIsServedOverThreeBeginPeriods) {
  for (JailMode mode : {JailMode::off_lattice, JailMode::stay_invisible, JailMode::stay_blocking}) {
    ModelIParams p = empty_params();
    p.jail_mode = mode;
    ModelI m(p, 10);
    const std::uint32_t c = put_citizen(m, 2, 2, Status::active, 1.0f);
    put_cop(m, 8, 8);
    jail(m, c, 3.0);
    ASSERT_TRUE(consistent(m));
    m.begin_period(1);
    EXPECT_EQ(m.world().status[c], Status::jailed);
    EXPECT_DOUBLE_EQ(m.world().jail_left[c], 2.0);
    m.begin_period(2);
    EXPECT_EQ(m.world().status[c], Status::jailed);
    m.begin_period(3);
    EXPECT_EQ(m.world().status[c], Status::quiet) << "mode " << static_cast<int>(mode);
    EXPECT_EQ(jailed_count(m), 0);
    EXPECT_EQ(holder_of(m, m.world().site[c]), c);
    EXPECT_TRUE(consistent(m));
    // H and R unchanged.
    EXPECT_EQ(m.world().hardship[c], 1.0f);
  }
}

TEST(ModelIJail, ShortAndZeroTermsEndAtTheNextPeriod) {
  for (double term : {0.0, 0.4, 1.0}) {
    ModelI m(empty_params(), 11);
    const std::uint32_t c = put_citizen(m, 2, 2, Status::active, 1.0f);
    jail(m, c, term);
    m.begin_period(1);
    EXPECT_EQ(m.world().status[c], Status::quiet) << term;
    EXPECT_TRUE(consistent(m));
  }
  ModelI m(empty_params(), 11);
  const std::uint32_t c = put_citizen(m, 2, 2, Status::active, 1.0f);
  jail(m, c, 1.5);
  m.begin_period(1);
  EXPECT_EQ(m.world().status[c], Status::jailed);
  m.begin_period(2);
  EXPECT_EQ(m.world().status[c], Status::quiet);
}

TEST(ModelIJail, InfiniteTermsNeverRelease) {
  for (JailMode mode : {JailMode::off_lattice, JailMode::stay_invisible, JailMode::stay_blocking}) {
    ModelIParams p = empty_params();
    p.jail_mode = mode;
    ModelI m(p, 12);
    const std::uint32_t c = put_citizen(m, 2, 2, Status::active, 1.0f);
    jail(m, c, kInfiniteJail);
    for (std::uint32_t t = 1; t <= 500; ++t) m.begin_period(t);
    EXPECT_EQ(m.world().status[c], Status::jailed);
    EXPECT_EQ(jailed_count(m), 1);
    EXPECT_TRUE(consistent(m));
  }
}

TEST(ModelIJail, EachTermCountsDownOnItsOwn) {
  ModelI m(empty_params(), 13);
  const std::uint32_t a = put_citizen(m, 1, 1, Status::active, 1.0f);
  const std::uint32_t b = put_citizen(m, 2, 2, Status::active, 1.0f);
  const std::uint32_t c = put_citizen(m, 3, 3, Status::active, 1.0f);
  jail(m, a, 5.0);
  jail(m, b, 1.0);
  jail(m, c, 2.0);
  m.begin_period(1);
  EXPECT_EQ(jailed_slots(m), (std::vector<std::uint32_t>{a, c}));
  EXPECT_DOUBLE_EQ(m.world().jail_left[a], 4.0);
  EXPECT_DOUBLE_EQ(m.world().jail_left[c], 1.0);
  EXPECT_EQ(m.world().status[b], Status::quiet);
  EXPECT_TRUE(consistent(m));
}

TEST(ModelIJail, OffLatticeFreesTheSiteAndReleasesOntoAnEmptySiteAnywhere) {
  ModelIParams p = empty_params();
  p.jail_mode = JailMode::off_lattice;
  ModelI m(p, 14);
  const std::uint32_t cop = put_cop(m, 5, 5);
  const std::uint32_t c = put_citizen(m, 5, 6, Status::active, 1.0f);
  const std::uint32_t old_site = m.world().site[c];
  m.activate(cop, 1);
  ASSERT_EQ(m.world().status[c], Status::jailed);
  EXPECT_EQ(holder_of(m, old_site), kNoSite);
  EXPECT_FALSE(m.world().lattice.test(kBlocked, old_site));
  EXPECT_TRUE(consistent(m));
  // Released citizens land on empty sites all over the lattice, not only near their old site.
  std::set<std::uint32_t> landed;
  for (std::uint32_t t = 0; t < 50; ++t) {
    ModelI copy = m;
    copy.mutable_world().jail_left[c] = 1.0f;
    copy.begin_period(t);
    ASSERT_EQ(copy.world().status[c], Status::quiet);
    EXPECT_TRUE(consistent(copy));
    landed.insert(copy.world().site[c]);
  }
  EXPECT_GT(landed.size(), 30u);
  bool far = false;
  for (std::uint32_t s : landed) far |= distance2(m.world(), s, old_site) > 9.0;
  EXPECT_TRUE(far);
}

TEST(ModelIJail, OffLatticeReleaseWaitsForAnEmptySite) {
  ModelIParams p = empty_params(5, 1.0);
  ModelI m(p, 15);
  std::uint32_t prisoner = 0;
  std::uint32_t last = 0;
  for (int y = 0; y < 5; ++y) {
    for (int x = 0; x < 5; ++x) {
      last = put_citizen(m, x, y, Status::quiet, 0.0f);
      if (x == 0 && y == 0) prisoner = last;
    }
  }
  jail(m, prisoner, 1.0);
  // Another citizen moves onto the freed site by hand, and a cop fills the site it left: the
  // lattice is full.
  World& w = m.mutable_world();
  const std::uint32_t freed = w.site_at(0, 0);
  const std::uint32_t mover_site = w.site[last];
  w.site[last] = freed;
  m.resync();
  put_cop(m, w.x_of(mover_site), w.y_of(mover_site));
  ASSERT_TRUE(consistent(m));
  m.begin_period(1);
  EXPECT_EQ(m.world().status[prisoner], Status::jailed) << "no empty site: stays jailed";
  ASSERT_EQ(jailed_count(m), 1);
  EXPECT_TRUE(consistent(m));
  // Free one site: released there at the next period.
  const std::uint32_t gone = holder_of(m, m.world().site_at(3, 3));
  jail(m, gone, kInfiniteJail);
  m.begin_period(2);
  EXPECT_EQ(m.world().status[prisoner], Status::quiet);
  EXPECT_EQ(m.world().site[prisoner], m.world().site_at(3, 3));
  EXPECT_TRUE(consistent(m));
}

TEST(ModelIJail, StayInvisibleLeavesTheSiteFreeAndReturnsToItIfStillFree) {
  ModelIParams p = empty_params();
  p.jail_mode = JailMode::stay_invisible;
  ModelI m(p, 16);
  const std::uint32_t cop = put_cop(m, 5, 5);
  const std::uint32_t c = put_citizen(m, 5, 6, Status::active, 1.0f);
  const std::uint32_t own = m.world().site[c];
  m.activate(cop, 1);
  ASSERT_EQ(m.world().status[c], Status::jailed);
  EXPECT_FALSE(m.world().lattice.test(kBlocked, own)) << "invisible prisoners do not block";
  EXPECT_FALSE(m.world().lattice.test(kActives, own));
  EXPECT_EQ(m.world().site[c], own);
  EXPECT_TRUE(consistent(m));
  for (std::uint32_t t = 2; t < 40; ++t) {
    ModelI copy = m;
    copy.mutable_world().jail_left[c] = 1.0f;
    copy.begin_period(t);
    ASSERT_EQ(copy.world().status[c], Status::quiet);
    EXPECT_EQ(copy.world().site[c], own);
    EXPECT_TRUE(consistent(copy));
  }
}

TEST(ModelIJail, StayInvisibleStepsToANearbyEmptySiteIfItsSiteWasTaken) {
  ModelIParams p = empty_params();
  p.jail_mode = JailMode::stay_invisible;
  ModelI m(p, 17);
  const std::uint32_t c = put_citizen(m, 5, 5, Status::active, 1.0f);
  const std::uint32_t own = m.world().site[c];
  jail(m, c, 1.0);
  put_citizen(m, 5, 5, Status::quiet, 0.0f);  // someone else stands there now
  ASSERT_TRUE(consistent(m));
  for (std::uint32_t t = 0; t < 40; ++t) {
    ModelI copy = m;
    copy.begin_period(t);
    ASSERT_EQ(copy.world().status[c], Status::quiet);
    EXPECT_NE(copy.world().site[c], own);
    EXPECT_LE(distance2(copy.world(), copy.world().site[c], own), 1.7 * 1.7) << "within vision";
    EXPECT_TRUE(consistent(copy));
  }
}

TEST(ModelIJail, StayBlockingHoldsTheSiteAndReleasesInPlace) {
  ModelIParams p = empty_params();
  p.jail_mode = JailMode::stay_blocking;
  p.citizens_move = true;
  ModelI m(p, 18);
  const std::uint32_t cop = put_cop(m, 5, 5);
  const std::uint32_t c = put_citizen(m, 5, 6, Status::active, 1.0f);
  const std::uint32_t own = m.world().site[c];
  m.activate(cop, 1);
  ASSERT_EQ(m.world().status[c], Status::jailed);
  EXPECT_EQ(holder_of(m, own), c);
  EXPECT_TRUE(m.world().lattice.test(kBlocked, own));
  EXPECT_FALSE(m.world().lattice.test(kActives, own)) << "a prisoner is not an active";
  EXPECT_TRUE(consistent(m));
  // A neighbour whose only empty site in view would be the prisoner's cannot move there.
  ModelIParams q = empty_params(5, 1.0);
  q.jail_mode = JailMode::stay_blocking;
  q.citizens_move = true;
  ModelI full(q, 19);
  std::uint32_t prisoner = 0;
  std::uint32_t mover = 0;
  for (int y = 0; y < 5; ++y) {
    for (int x = 0; x < 5; ++x) {
      const std::uint32_t id = put_citizen(full, x, y, Status::quiet, 0.0f);
      if (x == 2 && y == 2) prisoner = id;
      if (x == 2 && y == 1) mover = id;
    }
  }
  jail(full, prisoner, 2.0);
  for (std::uint32_t t = 1; t <= 20; ++t) {
    full.activate(mover, t);
    EXPECT_EQ(full.world().site[mover], full.world().site_at(2, 1));
  }
  full.begin_period(1);
  full.begin_period(2);
  EXPECT_EQ(full.world().status[prisoner], Status::quiet);
  EXPECT_EQ(full.world().site[prisoner], full.world().site_at(2, 2));
  EXPECT_TRUE(consistent(full));
}

TEST(ModelIJail, JailedAgentsAreNotActivated) {
  ModelIParams p = empty_params();
  p.citizens_move = true;
  ModelI m(p, 20);
  const std::uint32_t c = put_citizen(m, 5, 5, Status::active, 1.0f);
  const std::uint32_t other = put_citizen(m, 1, 1);
  jail(m, c, 10.0);
  const World before = m.world();
  EXPECT_FALSE(m.activate(c, 1));
  EXPECT_EQ(m.world().status, before.status);
  EXPECT_EQ(m.world().site, before.site);
  EXPECT_TRUE(m.activate(other, 1));
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

// ---------------------------------------------------------------------------------------------
// Long runs: every invariant holds after every period, under each preset's rule options.

struct PresetOptions {
  const char* name;
  core::VisionShape shape;
  ArrestRatio ratio;
  ActiveSelfCount self;
  ActivationOrder order;
  JailMode jail;
  JailTerm term;
  Placement placement;
};

const PresetOptions kPresets[] = {
    {"paper", core::VisionShape::disk, ArrestRatio::floor, ActiveSelfCount::once,
     ActivationOrder::move_then_act, JailMode::off_lattice, JailTerm::continuous,
     Placement::exact_counts},
    {"paper_literal", core::VisionShape::disk, ArrestRatio::literal, ActiveSelfCount::once,
     ActivationOrder::move_then_act, JailMode::off_lattice, JailTerm::continuous,
     Placement::exact_counts},
    {"netlogo", core::VisionShape::disk, ArrestRatio::floor, ActiveSelfCount::twice_when_active,
     ActivationOrder::move_then_act, JailMode::stay_invisible, JailTerm::integer_below_max,
     Placement::exact_counts},
    {"mesa", core::VisionShape::diamond, ArrestRatio::round_half_even, ActiveSelfCount::once,
     ActivationOrder::act_then_move, JailMode::stay_blocking, JailTerm::integer_up_to_max,
     Placement::per_site},
};

ModelIParams with_preset(const PresetOptions& o) {
  ModelIParams p;
  p.width = 30;
  p.height = 30;
  p.vision_shape = o.shape;
  p.arrest_ratio = o.ratio;
  p.self_count = o.self;
  p.order = o.order;
  p.jail_mode = o.jail;
  p.jail_term = o.term;
  p.placement = o.placement;
  return p;
}

class ModelIRun : public testing::TestWithParam<PresetOptions> {};

void run_checked(const ModelIParams& p, std::uint64_t seed, std::uint32_t periods,
                 std::uint64_t* max_active, std::uint64_t* releases) {
  ModelI m(p, seed);
  engine::ReferenceScheduler scheduler(seed);
  ASSERT_TRUE(consistent(m));
  std::uint64_t citizens = 0;
  for (AgentKind k : m.world().kind) citizens += k == AgentKind::citizen;
  std::size_t jailed_before = 0;
  for (std::uint32_t t = 1; t <= periods; ++t) {
    scheduler.step(m, t);
    ASSERT_TRUE(consistent(m)) << "after period " << t;
    const Census c = m.census();
    ASSERT_EQ(c.quiet + c.active + c.jailed, citizens) << "citizens are conserved";
    *max_active = std::max(*max_active, c.active);
    if (c.jailed < jailed_before) ++*releases;
    jailed_before = c.jailed;
  }
}

TEST_P(ModelIRun, InvariantsHoldEveryPeriodWithArrestsAndReleases) {
  ModelIParams p = with_preset(GetParam());
  p.legitimacy = core::Schedule(0.7);  // restless: many actives, arrests and releases
  p.max_jail_term = 6.0;
  std::uint64_t max_active = 0;
  std::uint64_t releases = 0;
  run_checked(p, 31, 300, &max_active, &releases);
  EXPECT_GT(max_active, 0u);
  EXPECT_GT(releases, 0u);
}

TEST_P(ModelIRun, InvariantsHoldEveryPeriodWithACopScheduleAndLifeTerms) {
  ModelIParams p = with_preset(GetParam());
  p.citizen_vision = 1.7;
  p.cop_vision = 1.7;
  p.legitimacy = core::Schedule(0.9, {{core::ScheduleSegment::Kind::ramp, 20, 90, 0.3}});
  p.cop_density = core::Schedule(0.074, {{core::ScheduleSegment::Kind::ramp, 10, 100, 0.0},
                                         {core::ScheduleSegment::Kind::step, 150, 150, 0.1}});
  p.max_jail_term = kInfiniteJail;
  std::uint64_t max_active = 0;
  std::uint64_t releases = 0;
  run_checked(p, 32, 300, &max_active, &releases);
  EXPECT_GT(max_active, 0u);
  EXPECT_EQ(releases, 0u) << "life terms";
}

INSTANTIATE_TEST_SUITE_P(Presets, ModelIRun, testing::ValuesIn(kPresets),
                         [](const testing::TestParamInfo<PresetOptions>& param_info) {
                           return std::string(param_info.param.name);
                         });

TEST(ModelIRunSmall, InvariantsHoldAfterEveryActivation) {
  for (const PresetOptions& o : kPresets) {
    ModelIParams p = with_preset(o);
    p.width = 16;
    p.height = 16;
    p.citizen_vision = 3.0;
    p.cop_vision = 3.0;
    p.citizen_density = 0.8;
    p.cop_density = core::Schedule(0.1);
    p.legitimacy = core::Schedule(0.6);
    p.max_jail_term = 3.0;
    ModelI m(p, 33);
    core::ShufflePlan plan;
    for (std::uint32_t t = 1; t <= 15; ++t) {
      m.begin_period(t);
      ASSERT_TRUE(consistent(m)) << o.name << " begin_period " << t;
      plan.draw(m.slot_count(), core::Stream(33, core::Purpose::activation_order, 0, t));
      m.reorder(plan);
      ASSERT_TRUE(consistent(m)) << o.name << " reorder " << t;
      for (std::uint32_t slot = 0; slot < m.slot_count(); ++slot) {
        m.activate(slot, t);
        ASSERT_TRUE(consistent(m)) << o.name << " period " << t << " after slot " << slot;
      }
    }
  }
}

TEST(ModelIRunSmall, SameSeedSameHistoryOtherSeedOtherHistory) {
  const auto history = [](std::uint64_t seed) {
    ModelIParams p;
    p.legitimacy = core::Schedule(0.75);
    ModelI m(p, seed);
    engine::ReferenceScheduler s(seed);
    std::vector<std::uint64_t> out;
    for (std::uint32_t t = 1; t <= 30; ++t) {
      s.step(m, t);
      out.push_back(m.census().active);
      out.push_back(m.census().jailed);
    }
    // Sites by agent id (slots are permuted every period).
    std::vector<std::uint64_t> by_id(m.world().slot_count());
    for (std::uint32_t slot = 0; slot < m.world().slot_count(); ++slot) {
      by_id[m.world().id[slot]] = m.world().site[slot];
    }
    out.insert(out.end(), by_id.begin(), by_id.end());
    return out;
  };
  EXPECT_EQ(history(40), history(40));
  EXPECT_NE(history(40), history(41));
}

}  // namespace
}  // namespace unrest::epstein
