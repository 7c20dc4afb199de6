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

TEST(LimitByMemory, FewerRunsAtOnceWhenTheyWouldNotFit) {
  const ThreadSplit wanted = split_threads(16, 100);  // 16 runs at once, 1 thread each
  const ThreadSplit fit = limit_by_memory(wanted, 16, 500, 2'100);
  EXPECT_EQ(fit.concurrent_runs, 4u);  // 4 x 500 <= 2100 < 5 x 500
  EXPECT_EQ(fit.threads_per_run, 4u);  // the threads go to each run's scheduler instead
  EXPECT_EQ(limit_by_memory(wanted, 16, 500, 100).concurrent_runs, 1u);  // never below one
  EXPECT_EQ(limit_by_memory(wanted, 16, 500, 1'000'000).concurrent_runs, 16u);
  EXPECT_EQ(limit_by_memory(wanted, 16, 0, 100).concurrent_runs, 16u);  // unknown: unchanged
  EXPECT_EQ(limit_by_memory(wanted, 16, 500, 0).concurrent_runs, 16u);
}

}  // namespace
}  // namespace unrest::ensemble
