#include "ensemble/runner.hpp"

#include <exception>
#include <mutex>
#include <thread>

namespace unrest::ensemble {

void run_jobs(const std::vector<scenario::CountryScenario>& scenarios, const std::vector<Job>& jobs,
              ThreadSplit split, const JobDone& done) {
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::mutex lock;
  std::exception_ptr first_error;
  auto worker = [&] {
    while (!failed.load(std::memory_order_relaxed)) {
      const std::size_t i = next.fetch_add(1, std::memory_order_relaxed);
      if (i >= jobs.size()) return;
      try {
        scenario::CountryScenario s = scenarios.at(jobs[i].scenario);
        s.seed = jobs[i].seed;
        const run::CountryRunResult result =
            run::run_country(s, {}, {.threads = split.threads_per_run});
        const std::lock_guard<std::mutex> guard(lock);
        if (!failed.load(std::memory_order_relaxed)) done(jobs[i], result);
      } catch (...) {
        const std::lock_guard<std::mutex> guard(lock);
        if (!first_error) first_error = std::current_exception();
        failed.store(true, std::memory_order_relaxed);
        return;
      }
    }
  };
  std::vector<std::thread> workers;
  const unsigned count = std::max(1u, split.concurrent_runs);
  for (unsigned w = 1; w < count; ++w) workers.emplace_back(worker);
  worker();
  for (std::thread& t : workers) t.join();
  if (first_error) std::rethrow_exception(first_error);
}

}  // namespace unrest::ensemble
