// Uniform random permutations for the reference scheduler's fresh activation order each period.
// Large inputs use the Rao–Sandelius method: scatter items into 2^b random buckets, then
// Fisher–Yates inside each bucket. That is an exact uniform shuffle, but every step touches
// only cache-sized buckets, where a plain Fisher–Yates over millions of ids misses cache at
// every swap.
#pragma once

#include <cstdint>
#include <vector>

#include "core/rng.hpp"

namespace unrest::core {

// Shuffles `items` in place with draws from `stream`; `scratch` is reused between calls.
void shuffle_uniform(std::vector<std::uint32_t>& items, std::vector<std::uint32_t>& scratch,
                     Stream stream);

}  // namespace unrest::core
