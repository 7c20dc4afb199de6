// ParallelModelI as a whole: the same initial world as the reference ModelI, every invariant
// after every period, and the same bytes whatever the number of threads.
#include "models/epstein/parallel_model1.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <vector>

#include "engine/parallel_scheduler.hpp"
#include "models/epstein/model1.hpp"
#include "models/epstein/parallel_model1_fixture.hpp"

namespace unrest::epstein {
namespace {

using namespace parallel_testing;

TEST(ParallelModelIPlacement, SameInitialWorldAsTheReference) {
  for (const Placement placement : {Placement::exact_counts, Placement::per_site}) {
    for (const std::uint64_t seed : {1u, 17u, 123456789u}) {
      ModelIParams p = run2_params(60);
      p.placement = placement;
      const ModelI reference(p, seed);
      const ParallelModelI parallel(p, seed);
      const World& r = reference.world();
      const LatticeWorld& w = parallel.world();
      ASSERT_EQ(w.next_id, r.slot_count());
      EXPECT_TRUE(w.dormant.empty());
      std::vector<bool> held(w.site_count(), false);
      for (std::uint32_t slot = 0; slot < r.slot_count(); ++slot) {
        const std::uint32_t s = r.site[slot];
        ASSERT_LT(s, w.site_count());
        held[s] = true;
        EXPECT_EQ(w.occupant[s], r.kind[slot] == AgentKind::cop ? Occupant::cop : Occupant::quiet)
            << "slot " << slot;
        EXPECT_EQ(w.id[s], r.id[slot]) << "slot " << slot;
        if (r.kind[slot] == AgentKind::citizen) {
          EXPECT_EQ(w.hardship[s], r.hardship[slot]) << "slot " << slot;
          EXPECT_EQ(w.risk_aversion[s], r.risk_aversion[slot]) << "slot " << slot;
        }
      }
      for (std::uint32_t s = 0; s < w.site_count(); ++s) {
        if (!held[s]) {
          ASSERT_EQ(w.occupant[s], Occupant::empty) << "site " << s;
        }
      }
      Stepper stepper(1);
      const Census a = reference.census();
      const Census b = stepper.census(parallel);
      EXPECT_EQ(a.quiet, b.quiet);
      EXPECT_EQ(a.cops, b.cops);
      EXPECT_EQ(b.active + b.jailed, 0u);
      // The same sums in another order: equal up to rounding.
      EXPECT_NEAR(a.tension, b.tension, 1e-12);
      EXPECT_GT(b.tension, 0.0);
    }
  }
}

TEST(ParallelModelIPlacement, OtherSeedOtherWorld) {
  const ParallelModelI a(run2_params(40), 3);
  const ParallelModelI b(run2_params(40), 4);
  EXPECT_NE(a.world().occupant, b.world().occupant);
}

// Run 2 on 100 × 100 for 30 periods, checked after each one, in each jail mode and both
// activation orders.
TEST(ParallelModelIInvariants, HoldAfterEveryPeriod) {
  struct Variant {
    JailMode jail;
    ActivationOrder order;
    double legitimacy;
  };
  for (const Variant v : {Variant{JailMode::off_lattice, ActivationOrder::move_then_act, 0.82},
                          Variant{JailMode::stay_invisible, ActivationOrder::act_then_move, 0.7},
                          Variant{JailMode::stay_blocking, ActivationOrder::move_then_act, 0.7}}) {
    ModelIParams p = run2_params(100);
    p.jail_mode = v.jail;
    p.order = v.order;
    p.legitimacy = core::Schedule(v.legitimacy);
    const std::uint64_t seed = 2024;
    ParallelModelI m(p, seed);
    Stepper stepper(2);
    const std::uint32_t cops = static_cast<std::uint32_t>(count_of(m.world(), Occupant::cop));
    ASSERT_EQ(cops, 400u);
    ASSERT_TRUE(consistent(m, stepper, seed, cops));
    std::uint64_t jailed_ever = 0;
    std::uint64_t active_ever = 0;
    for (std::uint32_t t = 1; t <= 30; ++t) {
      const std::uint64_t updates = stepper.step(m, t);
      EXPECT_LE(updates, m.world().next_id);
      ASSERT_TRUE(consistent(m, stepper, seed, cops)) << "period " << t;
      const Census c = stepper.census(m);
      EXPECT_EQ(c.quiet + c.active + c.jailed + c.cops, m.world().next_id) << "period " << t;
      EXPECT_EQ(c.cops, cops);
      jailed_ever += c.jailed;
      active_ever += c.active;
    }
    EXPECT_GT(jailed_ever, 0u) << "the run must exercise arrests";
    EXPECT_GT(active_ever, 0u) << "the run must exercise rule A";
  }
}

// The state a run leaves, as bytes: the per-site arrays and the dormant list.
struct Snapshot {
  std::vector<unsigned char> bytes;
  std::uint32_t next_id = 0;
  std::vector<Census> censuses;
};

template <class T>
void append(std::vector<unsigned char>& out, const T* data, std::size_t n) {
  const auto* p = reinterpret_cast<const unsigned char*>(data);
  out.insert(out.end(), p, p + n * sizeof(T));
}

Snapshot run_with_threads(const ModelIParams& p, std::uint64_t seed, unsigned threads,
                          std::uint32_t periods) {
  ParallelModelI m(p, seed);
  engine::ParallelScheduler scheduler(threads);
  EXPECT_EQ(scheduler.threads(), threads);
  Snapshot snap;
  for (std::uint32_t t = 1; t <= periods; ++t) {
    scheduler.step(m, t);
    snap.censuses.push_back(m.census(scheduler.rows()));
  }
  const LatticeWorld& w = m.world();
  append(snap.bytes, w.occupant.data(), w.occupant.size());
  append(snap.bytes, w.id.data(), w.id.size());
  append(snap.bytes, w.hardship.data(), w.hardship.size());
  append(snap.bytes, w.risk_aversion.data(), w.risk_aversion.size());
  for (const DormantAgent& d : w.dormant) {
    append(snap.bytes, &d.id, 1);
    append(snap.bytes, &d.site, 1);
    append(snap.bytes, &d.hardship, 1);
    append(snap.bytes, &d.risk_aversion, 1);
    append(snap.bytes, &d.jail_left, 1);
    append(snap.bytes, &d.kind, 1);
  }
  snap.next_id = w.next_id;
  // Agent-updates are part of the output (summary.json) too.
  const std::uint64_t updates = scheduler.updates();
  append(snap.bytes, &updates, 1);
  return snap;
}

void expect_same_for_any_thread_count(const ModelIParams& p, std::uint64_t seed) {
  const ParallelModelI probe(p, seed);
  ASSERT_GE(probe.row_bands().size() - 1, 4u) << "several row bands, or nothing runs at once";
  ASSERT_GE(probe.blocks(), 8u);
  const Snapshot one = run_with_threads(p, seed, 1, 20);
  for (const unsigned threads : {2u, 3u, 8u}) {
    const Snapshot other = run_with_threads(p, seed, threads, 20);
    EXPECT_EQ(other.next_id, one.next_id) << threads << " threads";
    ASSERT_EQ(other.bytes.size(), one.bytes.size()) << threads << " threads";
    EXPECT_EQ(std::memcmp(other.bytes.data(), one.bytes.data(), one.bytes.size()), 0)
        << threads << " threads";
    for (std::size_t t = 0; t < one.censuses.size(); ++t) {
      const Census& a = one.censuses[t];
      const Census& b = other.censuses[t];
      EXPECT_EQ(a.quiet, b.quiet);
      EXPECT_EQ(a.active, b.active);
      EXPECT_EQ(a.jailed, b.jailed);
      EXPECT_EQ(a.cops, b.cops);
      EXPECT_EQ(std::memcmp(&a.tension, &b.tension, sizeof(double)), 0) << "period " << t + 1;
    }
  }
}

TEST(ParallelModelIThreads, Run2IsTheSameBytesOn1_2_3And8Threads) {
  ModelIParams p = run2_params(200);
  p.legitimacy = core::Schedule(0.75);  // a livelier run: more arrests and releases
  expect_same_for_any_thread_count(p, 77);
}

TEST(ParallelModelIThreads, OtherRulesAreTheSameBytesOnAnyThreadCount) {
  ModelIParams p = run2_params(200);
  p.width = 232;  // not a multiple of 8: a short last column band
  p.height = 185;
  p.jail_mode = JailMode::stay_blocking;
  p.order = ActivationOrder::act_then_move;
  p.placement = Placement::per_site;
  p.jail_term = JailTerm::integer_up_to_max;
  p.max_jail_term = 5;
  p.legitimacy = core::Schedule(0.7);
  p.cop_density = core::Schedule(0.04, {{core::ScheduleSegment::Kind::ramp, 3, 12, 0.08},
                                        {core::ScheduleSegment::Kind::step, 15, 0, 0.02}});
  expect_same_for_any_thread_count(p, 5);
}

TEST(ParallelModelIThreads, BandsAndBlocksDependOnTheLatticeOnly) {
  const ParallelModelI m(run2_params(200), 1);
  // Vision 7: bands of at least 4 × 7 + 16 = 44 rows, starting on tile rows.
  EXPECT_EQ(m.row_bands(), (std::vector<int>{0, 48, 96, 144, 200}));
  EXPECT_EQ(m.column_bands(), (std::vector<int>{0, 48, 96, 144, 200}));
  EXPECT_EQ(m.blocks(), 16u);
  const ParallelModelI small(run2_params(40), 1);
  EXPECT_EQ(small.row_bands(), (std::vector<int>{0, 40}));
  EXPECT_EQ(small.blocks(), 1u);
}

}  // namespace
}  // namespace unrest::epstein
