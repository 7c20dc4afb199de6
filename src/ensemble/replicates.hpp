// Ensembles: which runs make up an ensemble, their seeds, and how the machine's threads are
// split between concurrent runs. Pure functions; the runner (runner.hpp) executes the plan.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace unrest::ensemble {

// The seed of replicate `index` of an ensemble with base seed `base`: 53 bits of the stream
// (base, replicate, index), so every replicate's seed is a valid scenario seed (0 .. 2^53 - 1),
// differs from its neighbours' and is the same on every machine. Compare uses the same seeds
// for every scenario (common random numbers).
std::uint64_t replicate_seed(std::uint64_t base, std::uint32_t index);

// One run of an ensemble: a scenario (by its position in the study) and a replicate.
struct Job {
  std::size_t scenario = 0;
  std::uint32_t replicate = 0;
  std::uint64_t seed = 0;
};

// How `threads` are shared: whole runs in parallel first (replicates are independent, so this
// scales perfectly), and the threads left when there are fewer runs than threads go to each
// run's parallel scheduler.
struct ThreadSplit {
  unsigned concurrent_runs = 1;
  unsigned threads_per_run = 1;
};
ThreadSplit split_threads(unsigned threads, std::size_t runs);

// The same split with no more runs at once than fit in `available_bytes` at `run_bytes` each
// (at least one: a single run was checked when its scenario was loaded); 0 means unknown.
ThreadSplit limit_by_memory(ThreadSplit split, unsigned threads, std::uint64_t run_bytes,
                            std::uint64_t available_bytes);

}  // namespace unrest::ensemble
