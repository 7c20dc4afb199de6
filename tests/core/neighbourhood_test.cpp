#include "core/neighbourhood.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <set>
#include <utility>

namespace unrest::core {
namespace {

bool within(double radius, VisionShape shape, int dx, int dy) {
  switch (shape) {
    case VisionShape::disk:
      return dx * dx + dy * dy <= radius * radius;
    case VisionShape::diamond:
      return std::abs(dx) + std::abs(dy) <= radius;
    case VisionShape::square:
      return std::max(std::abs(dx), std::abs(dy)) <= radius;
  }
  return false;
}

std::set<std::pair<int, int>> brute_force(double radius, VisionShape shape) {
  std::set<std::pair<int, int>> out;
  for (int dy = -20; dy <= 20; ++dy) {
    for (int dx = -20; dx <= 20; ++dx) {
      if ((dx != 0 || dy != 0) && within(radius, shape, dx, dy)) out.insert({dx, dy});
    }
  }
  return out;
}

TEST(Neighbourhood, SizesOfTheSpec) {
  EXPECT_EQ(Neighbourhood(7, VisionShape::disk).size(), 148u);
  EXPECT_EQ(Neighbourhood(7, VisionShape::diamond).size(), 112u);
  EXPECT_EQ(Neighbourhood(7, VisionShape::square).size(), 224u);
  EXPECT_EQ(Neighbourhood(1.7, VisionShape::disk).size(), 8u);  // the Moore neighbours
  EXPECT_EQ(Neighbourhood(1.7, VisionShape::diamond).size(), 4u);
  EXPECT_EQ(Neighbourhood(1.7, VisionShape::square).size(), 8u);
  EXPECT_EQ(Neighbourhood(1, VisionShape::disk).size(), 4u);
  EXPECT_EQ(Neighbourhood(0.5, VisionShape::disk).size(), 0u);
}

TEST(Neighbourhood, OffsetsMatchBruteForceForEveryShapeAndRadius) {
  for (VisionShape shape : {VisionShape::disk, VisionShape::diamond, VisionShape::square}) {
    for (double r : {0.0, 0.5, 1.0, 1.5, 1.7, 2.0, 2.3, 3.0, 4.99, 5.0, 7.0, 7.5, 10.0}) {
      const Neighbourhood n(r, shape);
      std::set<std::pair<int, int>> got;
      for (const Offset& o : n.offsets()) {
        EXPECT_TRUE(got.insert({o.dx, o.dy}).second) << "duplicate offset";
      }
      EXPECT_EQ(got, brute_force(r, shape)) << "shape " << static_cast<int>(shape) << " r " << r;
    }
  }
}

TEST(Neighbourhood, SpansCoverOffsetsPlusCentreAndReachIsTheLargestStep) {
  for (VisionShape shape : {VisionShape::disk, VisionShape::diamond, VisionShape::square}) {
    for (double r : {1.0, 1.7, 3.0, 7.0}) {
      const Neighbourhood n(r, shape);
      std::set<std::pair<int, int>> from_spans;
      int previous_dy = -1000;
      for (const RowSpan& s : n.spans()) {
        EXPECT_GT(s.dy, previous_dy) << "spans in row order, one per row";
        previous_dy = s.dy;
        EXPECT_EQ(s.half_width, half_width_at(r, shape, s.dy));
        for (int dx = -s.half_width; dx <= s.half_width; ++dx) from_spans.insert({dx, s.dy});
      }
      auto expected = brute_force(r, shape);
      expected.insert({0, 0});
      EXPECT_EQ(from_spans, expected);
      int reach = 0;
      for (const Offset& o : n.offsets()) reach = std::max({reach, std::abs(o.dx), std::abs(o.dy)});
      EXPECT_EQ(n.reach(), reach);
    }
  }
}

TEST(Neighbourhood, OffsetsAreRowByRow) {
  const Neighbourhood n(7, VisionShape::disk);
  for (std::size_t i = 1; i < n.offsets().size(); ++i) {
    const Offset& a = n.offsets()[i - 1];
    const Offset& b = n.offsets()[i];
    EXPECT_TRUE(a.dy < b.dy || (a.dy == b.dy && a.dx < b.dx));
  }
}

TEST(HalfWidthAt, RowsOutsideTheRadiusAreEmpty) {
  EXPECT_LT(half_width_at(7, VisionShape::disk, 8), 0);
  EXPECT_LT(half_width_at(7, VisionShape::diamond, -8), 0);
  EXPECT_LT(half_width_at(1.7, VisionShape::square, 2), 0);
  EXPECT_EQ(half_width_at(7, VisionShape::disk, 7), 0);
  EXPECT_EQ(half_width_at(7, VisionShape::disk, 0), 7);
  EXPECT_EQ(half_width_at(7, VisionShape::disk, 4), 5);  // 25 + 16 <= 49 < 36 + 16
  EXPECT_EQ(half_width_at(7, VisionShape::diamond, -3), 4);
  EXPECT_EQ(half_width_at(7, VisionShape::square, -7), 7);
}

}  // namespace
}  // namespace unrest::core
