// The reference scheduler: random asynchronous activation, as Epstein describes it. Each
// period every free actor is activated once, one at a time, in a fresh uniformly random
// order; each sees the world as left by the activations before it.
// Model-agnostic: a Model provides begin_period, collect_actors, activate and two prefetch
// hints (the order is known in advance, so agent data can be fetched ahead of use).
#pragma once

#include <cstdint>
#include <vector>

#include "core/rng.hpp"
#include "core/shuffle.hpp"

namespace unrest::engine {

class ReferenceScheduler {
 public:
  explicit ReferenceScheduler(std::uint64_t seed) : seed_(seed) {}

  template <class Model>
  void step(Model& model, std::uint32_t period) {
    model.begin_period(period);
    model.collect_actors(order_);
    core::shuffle_uniform(order_, scratch_,
                          core::Stream(seed_, core::Purpose::activation_order, 0, period));
    const std::size_t n = order_.size();
    for (std::size_t i = 0; i < n; ++i) {
      if (i + kAgentAhead < n) model.prefetch_agent(order_[i + kAgentAhead]);
      if (i + kSiteAhead < n) model.prefetch_site(order_[i + kSiteAhead]);
      model.activate(order_[i], period);
    }
    updates_ += n;
  }

  // Activations performed so far (the "agent-updates" of performance reports).
  std::uint64_t updates() const { return updates_; }

 private:
  // Agent data is fetched far ahead; the site it names is fetched once that data has arrived.
  static constexpr std::size_t kAgentAhead = 16;
  static constexpr std::size_t kSiteAhead = 8;

  std::uint64_t seed_;
  std::vector<std::uint32_t> order_;
  std::vector<std::uint32_t> scratch_;
  std::uint64_t updates_ = 0;
};

}  // namespace unrest::engine
