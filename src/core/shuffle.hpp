// Uniform random permutations for the reference scheduler's fresh activation order each period.
// Large inputs use the Rao–Sandelius method: scatter items into 2^b random buckets, then a
// Fisher–Yates shuffle inside each bucket. That is an exact uniform shuffle, and every step
// touches either a streaming pass or a cache-sized bucket, where a plain Fisher–Yates over
// millions of records misses cache at every swap.
//
// A ShufflePlan draws the permutation once; apply() then permutes any number of parallel
// arrays (the structure-of-arrays agent table) identically.
#pragma once

#include <cstdint>
#include <vector>

#include "core/large_vector.hpp"
#include "core/rng.hpp"

namespace unrest::core {

class ShufflePlan {
 public:
  // Draws a uniform permutation of n items from `stream`.
  void draw(std::size_t n, Stream stream);

  std::size_t size() const { return bucket_of_.size(); }

  // Permutes n records held elsewhere (e.g. several parallel arrays): load(i) packs record
  // i, store(k, record) writes the record that lands at position k. `staged` is scratch.
  // load is called once for each i, in increasing order, before any store.
  template <class Record, class Load, class Store>
  void permute(LargeVector<Record>& staged, Load&& load, Store&& store) const {
    const std::size_t n = size();
    staged.resize(n);
    // Pass 1: stream the records into their buckets.
    std::vector<std::size_t> fill(start_.begin(), start_.end() - 1);
    for (std::size_t i = 0; i < n; ++i) staged[fill[bucket_of_[i]]++] = load(i);
    // Pass 2: each bucket in its shuffled order. The bucket was written a whole pass ago and
    // is read at random, so each read is prefetched a few records ahead.
    constexpr std::size_t kAhead = 16;
    for (std::size_t b = 0; b + 1 < start_.size(); ++b) {
      const Record* bucket = staged.data() + start_[b];
      const std::size_t end = start_[b + 1];
      std::size_t k = start_[b];
      for (; k + kAhead < end; ++k) {
        __builtin_prefetch(bucket + within_[k + kAhead]);
        store(k, bucket[within_[k]]);
      }
      for (; k < end; ++k) store(k, bucket[within_[k]]);
    }
  }

  // Permutes one array by the plan.
  template <class Vector>
  void apply(Vector& items) const {
    LargeVector<typename Vector::value_type> staged;
    permute(
        staged, [&](std::size_t i) { return items[i]; },
        [&](std::size_t k, const auto& v) { items[k] = v; });
  }

 private:
  LargeVector<std::uint16_t> bucket_of_;  // bucket of each item
  std::vector<std::size_t> start_;        // first position of each bucket, plus the end
  LargeVector<std::uint32_t> within_;     // position k takes the within_[k]-th item of its bucket
};

// Shuffles `items` in place with draws from `stream`.
void shuffle_uniform(std::vector<std::uint32_t>& items, Stream stream);

}  // namespace unrest::core
