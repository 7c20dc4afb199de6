#include "core/shuffle.hpp"

#include <algorithm>
#include <bit>
#include <utility>

namespace unrest::core {
namespace {

constexpr std::size_t kBucketTarget = 8192;  // items per bucket: a cache-sized block

}  // namespace

void ShufflePlan::draw(std::size_t n, Stream stream) {
  const std::size_t buckets =
      n <= 2 * kBucketTarget ? 1
                             : std::min<std::size_t>(std::bit_ceil(n / kBucketTarget), 1u << 16);
  const auto mask = static_cast<std::uint32_t>(buckets - 1);
  bucket_of_.resize(n);
  start_.assign(buckets + 1, 0);
  if (buckets == 1) {
    std::fill(bucket_of_.begin(), bucket_of_.end(), 0);
  } else {
    // Two 16-bit bucket draws per 32-bit word.
    for (std::size_t i = 0; i < n; i += 2) {
      const std::uint32_t word = stream.next_u32();
      bucket_of_[i] = static_cast<std::uint16_t>(word & mask);
      if (i + 1 < n) bucket_of_[i + 1] = static_cast<std::uint16_t>((word >> 16) & mask);
    }
  }
  for (std::size_t i = 0; i < n; ++i) ++start_[bucket_of_[i] + 1];
  for (std::size_t b = 0; b < buckets; ++b) start_[b + 1] += start_[b];

  within_.resize(n);
  for (std::size_t b = 0; b < buckets; ++b) {
    std::uint32_t* first = within_.data() + start_[b];
    const std::size_t size = start_[b + 1] - start_[b];
    for (std::size_t k = 0; k < size; ++k) first[k] = static_cast<std::uint32_t>(k);
    for (std::size_t k = size; k > 1; --k) {
      std::swap(first[k - 1], first[stream.below(static_cast<std::uint32_t>(k))]);
    }
  }
}

void shuffle_uniform(std::vector<std::uint32_t>& items, Stream stream) {
  ShufflePlan plan;
  plan.draw(items.size(), stream);
  plan.apply(items);
}

}  // namespace unrest::core
