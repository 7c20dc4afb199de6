#include "core/schedule.hpp"

#include <gtest/gtest.h>

namespace unrest::core {
namespace {

TEST(Schedule, ConstantWithoutSegments) {
  const Schedule s(0.82);
  EXPECT_DOUBLE_EQ(s.at(0), 0.82);
  EXPECT_DOUBLE_EQ(s.at(1000), 0.82);
}

TEST(Schedule, StepTakesEffectAtItsPeriod) {
  const Schedule s(0.9, {{ScheduleSegment::Kind::step, 77, 77, 0.7}});
  EXPECT_DOUBLE_EQ(s.at(76), 0.9);
  EXPECT_DOUBLE_EQ(s.at(77), 0.7);
  EXPECT_DOUBLE_EQ(s.at(500), 0.7);
}

TEST(Schedule, RampIsLinearFromTheValueInForce) {
  const Schedule s(0.9, {{ScheduleSegment::Kind::ramp, 50, 120, 0.2}});
  EXPECT_DOUBLE_EQ(s.at(50), 0.9);
  EXPECT_NEAR(s.at(51), 0.89, 1e-12);
  EXPECT_NEAR(s.at(85), 0.55, 1e-12);
  EXPECT_DOUBLE_EQ(s.at(120), 0.2);
  EXPECT_DOUBLE_EQ(s.at(200), 0.2);
}

TEST(Schedule, SegmentsChain) {
  const Schedule s(0.0, {{ScheduleSegment::Kind::step, 10, 10, 1.0},
                         {ScheduleSegment::Kind::ramp, 20, 30, 0.0}});
  EXPECT_DOUBLE_EQ(s.at(15), 1.0);
  EXPECT_DOUBLE_EQ(s.at(25), 0.5);
  EXPECT_DOUBLE_EQ(s.at(31), 0.0);
  EXPECT_DOUBLE_EQ(s.maximum(), 1.0);
}

}  // namespace
}  // namespace unrest::core
