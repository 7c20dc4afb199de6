#include "ensemble/replicates.hpp"

#include <gtest/gtest.h>

#include <set>

namespace unrest::ensemble {
namespace {

TEST(ReplicateSeed, DiffersPerReplicateAndIsAValidScenarioSeed) {
  std::set<std::uint64_t> seeds;
  for (std::uint32_t i = 0; i < 10'000; ++i) {
    const std::uint64_t s = replicate_seed(1, i);
    EXPECT_LT(s, std::uint64_t{1} << 53) << i;
    seeds.insert(s);
  }
  EXPECT_EQ(seeds.size(), 10'000u);
}

TEST(ReplicateSeed, IsAFixedFunctionOfBaseAndIndex) {
  EXPECT_EQ(replicate_seed(1, 0), replicate_seed(1, 0));
  EXPECT_NE(replicate_seed(1, 0), replicate_seed(2, 0));
  // Pinned: a change here changes every stored ensemble's seeds (docs/results-store.md).
  EXPECT_EQ(replicate_seed(1, 0), 349457116714169u);
  EXPECT_EQ(replicate_seed(1, 1), 5205213114871321u);
}

TEST(SplitThreads, WholeRunsFirstThenThreadsWithinRuns) {
  EXPECT_EQ(split_threads(2, 100).concurrent_runs, 2u);
  EXPECT_EQ(split_threads(2, 100).threads_per_run, 1u);
  EXPECT_EQ(split_threads(8, 3).concurrent_runs, 3u);
  EXPECT_EQ(split_threads(8, 3).threads_per_run, 2u);
  EXPECT_EQ(split_threads(8, 1).threads_per_run, 8u);
  EXPECT_EQ(split_threads(0, 5).concurrent_runs, 1u);
  EXPECT_EQ(split_threads(4, 0).concurrent_runs, 1u);
}

}  // namespace
}  // namespace unrest::ensemble
