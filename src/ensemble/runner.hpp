// Runs the jobs of an ensemble on a pool of worker threads: each worker takes the next job,
// runs it with its share of threads, and hands the result to `done` (called under a lock, one
// at a time, so a store can write it directly). Which worker ran a job never changes its
// result: a run depends only on its scenario and seed.
#pragma once

#include <atomic>
#include <functional>
#include <vector>

#include "ensemble/replicates.hpp"
#include "run/country_run.hpp"
#include "scenario/country_scenario.hpp"

namespace unrest::ensemble {

using JobDone = std::function<void(const Job&, const run::CountryRunResult&)>;

// Runs every job of `jobs` (scenario indices into `scenarios`) with `split`. If a run or `done`
// throws, the workers stop taking jobs and the first exception is rethrown here once all have
// stopped; runs already handed to `done` stay done.
void run_jobs(const std::vector<scenario::CountryScenario>& scenarios, const std::vector<Job>& jobs,
              ThreadSplit split, const JobDone& done);

}  // namespace unrest::ensemble
