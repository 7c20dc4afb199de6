#include "engine/reference_scheduler.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "core/rng.hpp"
#include "core/shuffle.hpp"
#include "models/epstein/model1.hpp"

namespace unrest::engine {
namespace {

// A model that records what the scheduler asks of it.
struct RecordingModel {
  std::uint32_t actors = 10;
  std::vector<std::string> calls;
  std::vector<std::uint32_t> activated;
  std::vector<std::uint32_t> periods_seen;
  bool begun = false;

  void begin_period(std::uint32_t period) {
    calls.push_back("begin " + std::to_string(period));
    begun = true;
    activated_slots = 0;
  }
  // Slot i holds the agent ids[i]; agents with odd ids are "jailed" and decline activation.
  std::vector<std::uint32_t> ids;
  void fill() {
    ids.clear();
    for (std::uint32_t i = 0; i < actors; ++i) ids.push_back(i * 3);  // any ids
  }
  std::uint32_t slot_count() const { return static_cast<std::uint32_t>(ids.size()); }
  std::uint32_t shuffle_count() const { return slot_count(); }
  void reorder(const core::ShufflePlan& plan) {
    calls.push_back("reorder");
    EXPECT_EQ(plan.size(), ids.size());
    plan.apply(ids);
  }
  // Prefetch hints must name slots that exist and lie ahead of the current activation.
  void prefetch(std::uint32_t slot) const {
    EXPECT_LT(slot, slot_count());
    EXPECT_GT(slot, activated_slots);
  }
  std::uint32_t activated_slots = 0;
  bool activate(std::uint32_t slot, std::uint32_t period) {
    EXPECT_TRUE(begun) << "activation before begin_period";
    activated_slots = slot;
    if (ids[slot] % 2 == 1) return false;
    activated.push_back(ids[slot]);
    periods_seen.push_back(period);
    return true;
  }
};

std::vector<std::uint32_t> free_ids(std::uint32_t actors) {
  std::vector<std::uint32_t> out;
  for (std::uint32_t i = 0; i < actors; ++i) {
    if ((i * 3) % 2 == 0) out.push_back(i * 3);
  }
  return out;
}

TEST(ReferenceScheduler, BeginsThePeriodThenActivatesEveryFreeActorOnce) {
  RecordingModel m;
  m.fill();
  ReferenceScheduler s(1);
  s.step(m, 5);
  EXPECT_EQ(m.calls, (std::vector<std::string>{"begin 5", "reorder"}));
  std::vector<std::uint32_t> sorted = m.activated;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(sorted, free_ids(10));
  EXPECT_TRUE(std::all_of(m.periods_seen.begin(), m.periods_seen.end(),
                          [](std::uint32_t p) { return p == 5; }));
  EXPECT_EQ(s.updates(), 5u) << "declined activations are not updates";
}

TEST(ReferenceScheduler, OrderIsTheShuffleOfThePeriodStream) {
  RecordingModel m;
  m.actors = 40;
  m.fill();
  ReferenceScheduler s(77);
  s.step(m, 3);
  std::vector<std::uint32_t> expected;
  for (std::uint32_t i = 0; i < 40; ++i) expected.push_back(i * 3);
  core::shuffle_uniform(expected, core::Stream(77, core::Purpose::activation_order, 0, 3));
  expected.erase(std::remove_if(expected.begin(), expected.end(),
                                [](std::uint32_t id) { return id % 2 == 1; }),
                 expected.end());
  EXPECT_EQ(m.activated, expected);
}

TEST(ReferenceScheduler, FreshOrderEachPeriodAndDeterministicPerSeed) {
  RecordingModel a;
  RecordingModel b;
  RecordingModel c;
  a.actors = b.actors = c.actors = 60;
  a.fill();
  b.fill();
  c.fill();
  ReferenceScheduler sa(9);
  ReferenceScheduler sb(9);
  ReferenceScheduler sc(10);
  for (std::uint32_t t = 1; t <= 3; ++t) {
    sa.step(a, t);
    sb.step(b, t);
    sc.step(c, t);
  }
  EXPECT_EQ(a.activated, b.activated);
  EXPECT_NE(a.activated, c.activated);
  const std::vector<std::uint32_t> first(a.activated.begin(), a.activated.begin() + 30);
  const std::vector<std::uint32_t> second(a.activated.begin() + 30, a.activated.begin() + 60);
  EXPECT_NE(first, second);
  EXPECT_EQ(sa.updates(), 90u);
}

TEST(ReferenceScheduler, EmptyPopulationIsFine) {
  RecordingModel m;
  m.actors = 0;
  m.fill();
  ReferenceScheduler s(1);
  s.step(m, 1);
  s.step(m, 2);
  EXPECT_TRUE(m.activated.empty());
  EXPECT_EQ(m.calls.size(), 4u);
  EXPECT_EQ(s.updates(), 0u);
}

TEST(ReferenceScheduler, StepsModelIExactlyAsItsContractDescribes) {
  epstein::ModelIParams p;
  p.legitimacy = core::Schedule(0.75);
  epstein::ModelI by_scheduler(p, 5);
  epstein::ModelI by_hand(p, 5);
  ReferenceScheduler s(5);
  core::ShufflePlan plan;
  std::uint64_t updates = 0;
  for (std::uint32_t t = 1; t <= 10; ++t) {
    s.step(by_scheduler, t);
    by_hand.begin_period(t);
    const std::uint32_t free_slots = by_hand.shuffle_count();
    plan.draw(free_slots, core::Stream(5, core::Purpose::activation_order, 0, t));
    by_hand.reorder(plan);
    for (std::uint32_t slot = 0; slot < free_slots; ++slot) {
      updates += by_hand.activate(slot, t);
    }
  }
  EXPECT_EQ(by_scheduler.world().id, by_hand.world().id);
  EXPECT_EQ(by_scheduler.world().site, by_hand.world().site);
  EXPECT_EQ(by_scheduler.world().status, by_hand.world().status);
  EXPECT_EQ(s.updates(), updates);
  EXPECT_GT(by_scheduler.census().active + by_scheduler.census().jailed, 0u);
  // A plan of the wrong size is refused rather than read past the slots.
  plan.draw(by_hand.slot_count() + 1, core::Stream(5, core::Purpose::activation_order, 0, 11));
  EXPECT_THROW(by_hand.reorder(plan), std::invalid_argument);
}

}  // namespace
}  // namespace unrest::engine
