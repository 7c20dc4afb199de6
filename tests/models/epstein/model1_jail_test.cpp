// Model I jail: countdown, release and each jail mode.
#include <gtest/gtest.h>

#include "models/epstein/model1_fixture.hpp"

namespace unrest::epstein {
namespace {

using namespace testing_support;

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

// A cop at (5, 5) arrests the active citizen at (5, 6) under `mode`.
struct Arrest {
  ModelI model;
  std::uint32_t citizen;
  std::uint32_t site;  // where the citizen stood
};

Arrest arrest_next_to_cop(JailMode mode, std::uint64_t seed, bool citizens_move = false) {
  ModelIParams p = empty_params();
  p.jail_mode = mode;
  if (citizens_move) p.citizens_move = true;
  ModelI m(p, seed);
  const std::uint32_t cop = put_cop(m, 5, 5);
  const std::uint32_t c = put_citizen(m, 5, 6, Status::active, 1.0f);
  const std::uint32_t site = m.world().site[c];
  m.activate(cop, 1);
  EXPECT_EQ(m.world().status[c], Status::jailed);
  return {m, c, site};
}

TEST(ModelIJail, OffLatticeFreesTheSiteAndReleasesOntoAnEmptySiteAnywhere) {
  Arrest a = arrest_next_to_cop(JailMode::off_lattice, 14);
  ModelI& m = a.model;
  const std::uint32_t c = a.citizen;
  const std::uint32_t old_site = a.site;
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
  Arrest a = arrest_next_to_cop(JailMode::stay_invisible, 16);
  ModelI& m = a.model;
  const std::uint32_t c = a.citizen;
  const std::uint32_t own = a.site;
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
  Arrest a = arrest_next_to_cop(JailMode::stay_blocking, 18, /*citizens_move=*/true);
  ModelI& m = a.model;
  const std::uint32_t c = a.citizen;
  const std::uint32_t own = a.site;
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

}  // namespace
}  // namespace unrest::epstein
