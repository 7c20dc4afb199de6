#include "core/thread_pool.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <memory>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace unrest::core {
namespace {

// Runs one batch of `count` tasks and returns how often each task ran.
std::vector<int> hits_of_batch(ThreadPool& pool, std::size_t count) {
  auto hits = std::make_unique<std::atomic<int>[]>(count + 1);
  pool.run(count, [&](std::size_t i) {
    ASSERT_LT(i, count);
    hits[i].fetch_add(1, std::memory_order_relaxed);
  });
  std::vector<int> out(count);
  for (std::size_t i = 0; i < count; ++i) out[i] = hits[i].load();
  return out;
}

TEST(ThreadPool, EveryTaskRunsExactlyOnce) {
  for (unsigned threads : {1u, 2u, 4u}) {
    ThreadPool pool(threads);
    for (std::size_t count : {0u, 1u, 2u, 3u, 1000u, 100000u}) {
      const std::vector<int> hits = hits_of_batch(pool, count);
      ASSERT_EQ(hits.size(), count);
      for (std::size_t i = 0; i < count; ++i) {
        ASSERT_EQ(hits[i], 1) << "task " << i << " of " << count << ", " << threads << " threads";
      }
    }
  }
}

TEST(ThreadPool, ZeroTasksNeverCallTheTask) {
  for (unsigned threads : {1u, 2u, 4u}) {
    ThreadPool pool(threads);
    int calls = 0;
    pool.run(0, [&](std::size_t) { ++calls; });
    EXPECT_EQ(calls, 0) << threads << " threads";
  }
}

TEST(ThreadPool, RunReturnsOnlyWhenSlowTasksAreDone) {
  for (unsigned threads : {2u, 4u}) {
    ThreadPool pool(threads);
    std::atomic<int> done{0};
    pool.run(16, [&](std::size_t i) {
      if (i % 3 == 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));
      done.fetch_add(1);
    });
    EXPECT_EQ(done.load(), 16) << threads << " threads";
  }
}

TEST(ThreadPool, ThreadsCountsTheCaller) {
  EXPECT_EQ(ThreadPool(1).threads(), 1u);
  EXPECT_EQ(ThreadPool(2).threads(), 2u);
  EXPECT_EQ(ThreadPool(4).threads(), 4u);
  EXPECT_EQ(ThreadPool(0).threads(), ThreadPool::hardware_threads());
  EXPECT_GE(ThreadPool::hardware_threads(), 1u);
  const unsigned reported = std::thread::hardware_concurrency();
  if (reported != 0) {
    EXPECT_EQ(ThreadPool::hardware_threads(), reported);
  }
}

TEST(ThreadPool, TasksRunOnAtMostThreadsDistinctThreadsIncludingTheCaller) {
  for (unsigned threads : {1u, 2u, 4u}) {
    ThreadPool pool(threads);
    std::mutex m;
    std::set<std::thread::id> seen;
    pool.run(2000, [&](std::size_t) {
      const std::lock_guard lock(m);
      seen.insert(std::this_thread::get_id());
    });
    EXPECT_LE(seen.size(), threads);
    if (threads == 1) {
      EXPECT_EQ(seen, std::set<std::thread::id>{std::this_thread::get_id()});
    }
  }
}

// N tasks that each wait for all N to have started: only completes if the pool really runs
// N tasks at once (a bounded wait, so a broken pool fails instead of hanging).
TEST(ThreadPool, RunsAsManyTasksAtOnceAsItHasThreads) {
  for (unsigned threads : {2u, 4u}) {
    ThreadPool pool(threads);
    std::atomic<unsigned> arrived{0};
    std::atomic<unsigned> met{0};
    pool.run(threads, [&](std::size_t) {
      arrived.fetch_add(1);
      const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
      while (arrived.load() < threads && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::yield();
      }
      if (arrived.load() == threads) met.fetch_add(1);
    });
    EXPECT_EQ(met.load(), threads) << threads << " threads";
  }
}

TEST(ThreadPool, ReusableAcrossManyBatches) {
  for (unsigned threads : {1u, 2u, 4u}) {
    ThreadPool pool(threads);
    for (std::size_t batch = 0; batch < 2000; ++batch) {
      const std::size_t count = batch % 37;
      std::atomic<std::size_t> sum{0};
      pool.run(count, [&](std::size_t i) { sum.fetch_add(i + 1); });
      ASSERT_EQ(sum.load(), count * (count + 1) / 2) << "batch " << batch << ", " << threads;
    }
  }
}

TEST(ThreadPool, AnExceptionPropagatesAndThePoolStaysUsable) {
  for (unsigned threads : {1u, 2u, 4u}) {
    ThreadPool pool(threads);
    for (std::size_t count : {1u, 2u, 1000u}) {
      const std::size_t bad = count / 2;
      EXPECT_THROW(pool.run(count,
                            [&](std::size_t i) {
                              if (i == bad) throw std::runtime_error("task failed");
                            }),
                   std::runtime_error)
          << count << " tasks, " << threads << " threads";
      // The next batch runs in full and does not see the old error.
      const std::vector<int> hits = hits_of_batch(pool, 500);
      for (std::size_t i = 0; i < hits.size(); ++i) ASSERT_EQ(hits[i], 1) << i;
    }
  }
}

TEST(ThreadPool, WithWorkersTheBatchStillEndsBeforeTheRethrow) {
  // The exception is rethrown after the batch ends: every other task has run once by then.
  for (unsigned threads : {2u, 4u}) {
    ThreadPool pool(threads);
    auto hits = std::make_unique<std::atomic<int>[]>(1000);
    try {
      pool.run(1000, [&](std::size_t i) {
        hits[i].fetch_add(1);
        if (i % 100 == 7) throw std::logic_error("task " + std::to_string(i));
      });
      ADD_FAILURE() << "no exception";
    } catch (const std::logic_error& e) {
      EXPECT_EQ(std::string(e.what()).rfind("task ", 0), 0u) << e.what();
    }
    for (std::size_t i = 0; i < 1000; ++i) ASSERT_EQ(hits[i].load(), 1) << i;
  }
}

TEST(ThreadPool, SingleThreadRethrowsTheFirstFailure) {
  ThreadPool pool(1);
  try {
    pool.run(10, [](std::size_t i) {
      if (i >= 3) throw std::runtime_error(std::to_string(i));
    });
    ADD_FAILURE() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "3");
  }
}

}  // namespace
}  // namespace unrest::core
