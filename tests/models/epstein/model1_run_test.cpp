// Model I over long runs: every invariant holds after every period under each preset.
#include <gtest/gtest.h>

#include "models/epstein/model1_fixture.hpp"

namespace unrest::epstein {
namespace {

using namespace testing_support;

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
      plan.draw(m.shuffle_count(), core::Stream(33, core::Purpose::activation_order, 0, t));
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
