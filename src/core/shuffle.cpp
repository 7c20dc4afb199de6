#include "core/shuffle.hpp"

#include <algorithm>
#include <bit>
#include <utility>

namespace unrest::core {
namespace {

constexpr std::size_t kBucketTarget = 8192;  // ids per bucket: 32 KB, an L1/L2-sized block

void fisher_yates(std::uint32_t* first, std::size_t n, Stream& stream) {
  for (std::size_t i = n; i > 1; --i) {
    const std::uint32_t j = stream.below(static_cast<std::uint32_t>(i));
    std::swap(first[i - 1], first[j]);
  }
}

// Bucket indices come 16 bits at a time from a copy of the stream, so the counting pass and
// the scatter pass see the same sequence without storing it.
class BucketDraws {
 public:
  BucketDraws(Stream stream, std::uint32_t mask) : stream_(stream), mask_(mask) {}
  Stream& stream() { return stream_; }
  std::uint32_t next() {
    if (!have_half_) {
      word_ = stream_.next_u32();
      have_half_ = true;
      return word_ & mask_;
    }
    have_half_ = false;
    return (word_ >> 16) & mask_;
  }

 private:
  Stream stream_;
  std::uint32_t mask_;
  std::uint32_t word_ = 0;
  bool have_half_ = false;
};

}  // namespace

void shuffle_uniform(std::vector<std::uint32_t>& items, std::vector<std::uint32_t>& scratch,
                     Stream stream) {
  const std::size_t n = items.size();
  if (n <= 2 * kBucketTarget) {
    fisher_yates(items.data(), n, stream);
    return;
  }
  const std::size_t buckets = std::min<std::size_t>(std::bit_ceil(n / kBucketTarget), 1u << 16);
  const auto mask = static_cast<std::uint32_t>(buckets - 1);

  std::vector<std::size_t> start(buckets + 1, 0);
  BucketDraws counting(stream, mask);
  for (std::size_t i = 0; i < n; ++i) ++start[counting.next() + 1];
  for (std::size_t b = 0; b < buckets; ++b) start[b + 1] += start[b];

  scratch.resize(n);
  std::vector<std::size_t> fill(start.begin(), start.end() - 1);
  BucketDraws scatter(stream, mask);
  for (std::size_t i = 0; i < n; ++i) scratch[fill[scatter.next()]++] = items[i];

  // The within-bucket shuffles continue the stream after the bucket draws.
  Stream& rest = scatter.stream();
  for (std::size_t b = 0; b < buckets; ++b) {
    fisher_yates(scratch.data() + start[b], start[b + 1] - start[b], rest);
  }
  items.swap(scratch);
}

}  // namespace unrest::core
