// Counter-based random streams (Random123 Philox4x32-10).
// A stream is identified by (seed, purpose, subject, period); its draws are a pure function of
// that identity and the draw index, never of thread, memory order or call history elsewhere.
// This is what lets every scheduler reproduce the same run byte for byte.
#pragma once

#include <Random123/philox.h>

#include <array>
#include <cstdint>

namespace unrest::core {

// Independent purposes: each owns a disjoint region of the counter space.
enum class Purpose : std::uint32_t {
  placement = 1,
  attributes = 2,
  activation_order = 3,
  movement = 4,
  arrest = 5,
  jail_term = 6,
  release = 7,
  cop_schedule = 8,
  region_seed = 9,     // the country model: a seed per region's lattice
  exposure = 10,       // a citizen's exposure to the price of fuel
  conduct = 11,        // an officer's motivation, desertion and use of force
  reinforcement = 12,  // where arriving and leaving forces stand
  sites = 13,          // where strategic sites stand
  replicate = 14,      // an ensemble: each replicate's seed from the base seed
  design = 15,         // a sweep's Latin hypercube
  lineage = 16,        // Model II: an initial agent's group and lifespan
  birth = 17,          // Model II: whether and where an agent clones, the offspring's traits
  killing = 18,        // Model II: whom an active agent kills
};

class Stream {
 public:
  Stream(std::uint64_t seed, Purpose purpose, std::uint32_t subject, std::uint32_t period)
      : key_{{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)}},
        counter_{{0, subject, period, static_cast<std::uint32_t>(purpose)}} {}

  std::uint32_t next_u32() {
    if (used_ == 4) refill();
    return block_[used_++];
  }

  // Uniform double in [0, 1) with 53 random bits.
  double uniform() {
    const std::uint64_t hi = next_u32();
    const std::uint64_t lo = next_u32();
    return static_cast<double>(((hi << 32) | lo) >> 11) * 0x1.0p-53;
  }

  // Uniform integer in [0, n), n > 0, without modulo bias (Lemire's method).
  std::uint32_t below(std::uint32_t n) {
    std::uint64_t m = std::uint64_t{next_u32()} * n;
    auto low = static_cast<std::uint32_t>(m);
    if (low < n) {
      const std::uint32_t floor = (0u - n) % n;
      while (low < floor) {
        m = std::uint64_t{next_u32()} * n;
        low = static_cast<std::uint32_t>(m);
      }
    }
    return static_cast<std::uint32_t>(m >> 32);
  }

 private:
  using Philox = r123::Philox4x32_R<10>;

  void refill() {
    const Philox::ctr_type out = Philox{}(counter_, key_);
    for (int i = 0; i < 4; ++i) block_[i] = out.v[i];
    ++counter_.v[0];
    used_ = 0;
  }

  Philox::key_type key_;
  Philox::ctr_type counter_;
  std::array<std::uint32_t, 4> block_{};
  int used_ = 4;
};

}  // namespace unrest::core
