#include "ensemble/design.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <stdexcept>

namespace unrest::ensemble {
namespace {

TEST(Factor, RangesAndLists) {
  const Factor range = parse_factor("legitimacy.national=0.7:0.9:3");
  EXPECT_EQ(range.key, "legitimacy.national");
  EXPECT_TRUE(range.is_range);
  EXPECT_DOUBLE_EQ(range.low, 0.7);
  EXPECT_DOUBLE_EQ(range.high, 0.9);
  EXPECT_EQ(range.levels, 3u);
  const Factor list = parse_factor("intervention.mandate=guard,suppress,none");
  EXPECT_FALSE(list.is_range);
  EXPECT_EQ(list.values, (std::vector<std::string>{"guard", "suppress", "none"}));
}

TEST(Factor, BadSpecsSayWhatIsExpected) {
  for (const char* bad : {"legitimacy.national", "=1,2", "k=", "k=1,,2", "k=1:0:3", "k=0:1:0",
                          "k=0:1:2.5", "k=0:1", "k=a:1:2", "k=0:1:2:3"}) {
    EXPECT_THROW(parse_factor(bad), std::invalid_argument) << bad;
  }
  try {
    parse_factor("k=1:0:3");
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("empty range"), std::string::npos) << e.what();
  }
}

TEST(Design, GridHasEveryCombinationFirstFactorSlowest) {
  const auto design =
      make_design({parse_factor("a=0:1:3"), parse_factor("b=x,y")}, DesignKind::grid, 0, 1);
  ASSERT_EQ(design.size(), 6u);
  EXPECT_EQ(design[0], (DesignPoint{{"a", "0"}, {"b", "x"}}));
  EXPECT_EQ(design[1], (DesignPoint{{"a", "0"}, {"b", "y"}}));
  EXPECT_EQ(design[2], (DesignPoint{{"a", "0.5"}, {"b", "x"}}));
  EXPECT_EQ(design[5], (DesignPoint{{"a", "1"}, {"b", "y"}}));
  EXPECT_EQ(make_design({parse_factor("a=2:2:1")}, DesignKind::grid, 0, 1).size(), 1u);
  EXPECT_THROW(make_design({parse_factor("a=0:1:3")}, DesignKind::grid, 5, 1),
               std::invalid_argument);
  EXPECT_THROW(make_design({}, DesignKind::grid, 0, 1), std::invalid_argument);
}

TEST(Design, LatinHypercubeHasOnePointInEveryStratumOfEveryDimension) {
  constexpr std::uint32_t kPoints = 37;
  const auto x = latin_hypercube(kPoints, 4, 11);
  ASSERT_EQ(x.size(), kPoints);
  for (std::size_t d = 0; d < 4; ++d) {
    std::set<int> strata;
    for (const auto& p : x) {
      ASSERT_GE(p[d], 0.0);
      ASSERT_LT(p[d], 1.0);
      strata.insert(static_cast<int>(std::floor(p[d] * kPoints)));
    }
    EXPECT_EQ(strata.size(), kPoints) << "dimension " << d;
  }
  EXPECT_EQ(latin_hypercube(kPoints, 4, 11), x);  // a function of the seed
  EXPECT_NE(latin_hypercube(kPoints, 4, 12), x);
  // Mapped onto factors: a list takes level floor(u * size), so each of 3 levels gets 3 or 4
  // of 10 points.
  const auto design = make_design({parse_factor("m=guard,suppress,none")}, DesignKind::lhs, 10, 5);
  std::map<std::string, int> counts;
  for (const auto& p : design) ++counts[p[0].second];
  for (const auto& [level, n] : counts) EXPECT_TRUE(n == 3 || n == 4) << level << " " << n;
}

TEST(Design, SobolMatchesThePublishedSequence) {
  // scipy.stats.qmc.Sobol(d=3, scramble=False).random(8)
  const std::vector<std::vector<double>> expected{{0, 0, 0},
                                                  {0.5, 0.5, 0.5},
                                                  {0.75, 0.25, 0.25},
                                                  {0.25, 0.75, 0.75},
                                                  {0.375, 0.375, 0.625},
                                                  {0.875, 0.875, 0.125},
                                                  {0.625, 0.125, 0.875},
                                                  {0.125, 0.625, 0.375}};
  EXPECT_EQ(sobol_points(8, 3), expected);
  EXPECT_THROW(sobol_points(8, kSobolMaxDims + 1), std::invalid_argument);
}

TEST(Design, SobolStratifiesEveryDimensionAtEveryPowerOfTwo) {
  // With valid direction numbers the first 2^k points of each dimension fall one in each interval
  // [j / 2^k, (j + 1) / 2^k); a wrong direction number breaks this.
  const auto x = sobol_points(1024, kSobolMaxDims);
  for (std::size_t d = 0; d < kSobolMaxDims; ++d) {
    for (int k = 1; k <= 10; ++k) {
      const int n = 1 << k;
      std::set<int> cells;
      for (int i = 0; i < n; ++i) cells.insert(static_cast<int>(x[i][d] * n));
      EXPECT_EQ(static_cast<int>(cells.size()), n) << "dimension " << d << ", 2^" << k;
    }
  }
  // Dimensions 1 and 2 form a (0, m, 2)-net: every dyadic box of area 1/256 holds one point.
  for (int a = 0; a <= 8; ++a) {
    std::set<std::pair<int, int>> boxes;
    for (int i = 0; i < 256; ++i) {
      boxes.emplace(static_cast<int>(x[i][0] * (1 << a)),
                    static_cast<int>(x[i][1] * (1 << (8 - a))));
    }
    EXPECT_EQ(boxes.size(), 256u) << a;
  }
}

}  // namespace
}  // namespace unrest::ensemble
