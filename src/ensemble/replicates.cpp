#include "ensemble/replicates.hpp"

#include <algorithm>

#include "core/rng.hpp"

namespace unrest::ensemble {

std::uint64_t replicate_seed(std::uint64_t base, std::uint32_t index) {
  core::Stream stream(base, core::Purpose::replicate, index, 0);
  const std::uint64_t hi = stream.next_u32();
  const std::uint64_t lo = stream.next_u32();
  return ((hi << 32) | lo) >> 11;  // 53 bits
}

ThreadSplit split_threads(unsigned threads, std::size_t runs) {
  threads = std::max(1u, threads);
  if (runs == 0) return {1, threads};
  const auto concurrent = static_cast<unsigned>(std::min<std::size_t>(threads, runs));
  return {concurrent, std::max(1u, threads / concurrent)};
}

ThreadSplit limit_by_memory(ThreadSplit split, unsigned threads, std::uint64_t run_bytes,
                            std::uint64_t available_bytes) {
  if (run_bytes == 0 || available_bytes == 0) return split;
  const std::uint64_t fit = std::max<std::uint64_t>(1, available_bytes / run_bytes);
  if (fit >= split.concurrent_runs) return split;
  const auto runs = static_cast<unsigned>(fit);
  return {runs, std::max(1u, std::max(1u, threads) / runs)};
}

}  // namespace unrest::ensemble
