#include "ensemble/runner.hpp"

#include <gtest/gtest.h>

#include <map>
#include <stdexcept>
#include <string>

namespace unrest::ensemble {
namespace {

const scenario::CountryScenario& small_scenario() {
  static const scenario::CountryScenario s = scenario::load_country_scenario(
      std::string(UNREST_UNIT_TEST_DATA) + "/e2e/data/country/small.toml");
  return s;
}

std::vector<Job> jobs_of(std::uint32_t runs) {
  std::vector<Job> jobs;
  for (std::uint32_t r = 0; r < runs; ++r) jobs.push_back({0, r, replicate_seed(3, r)});
  return jobs;
}

// Replicate -> (detained, peak active) of every run, as handed to `done`.
std::map<std::uint32_t, std::pair<double, double>> outcomes_with(ThreadSplit split) {
  std::map<std::uint32_t, std::pair<double, double>> out;
  run_jobs({small_scenario()}, jobs_of(6), split,
           [&](const Job& job, const run::CountryRunResult& r) {
             EXPECT_TRUE(out.emplace(job.replicate, std::make_pair(r.record.outcome.detained,
                                                                   r.record.outcome.peak_active))
                             .second);
           });
  return out;
}

TEST(EnsembleRunner, EveryJobOnceWithTheSameResultsWhateverTheSplit) {
  const auto serial = outcomes_with({1, 1});
  ASSERT_EQ(serial.size(), 6u);
  EXPECT_EQ(outcomes_with({2, 1}), serial);
  EXPECT_EQ(outcomes_with({3, 2}), serial);
  // The seeds matter: not every replicate has the same outcome.
  bool differ = false;
  for (const auto& [r, o] : serial) differ = differ || o != serial.begin()->second;
  EXPECT_TRUE(differ);
}

TEST(EnsembleRunner, AFailureStopsTheWorkersAndReachesTheCaller) {
  std::size_t handed = 0;
  EXPECT_THROW(run_jobs({small_scenario()}, jobs_of(40), {2, 1},
                        [&](const Job&, const run::CountryRunResult&) {
                          if (++handed == 2) throw std::runtime_error("disk full");
                        }),
               std::runtime_error);
  EXPECT_EQ(handed, 2u);  // nothing more is handed on after the failure
}

}  // namespace
}  // namespace unrest::ensemble
