// The reference scheduler: random asynchronous activation, as Epstein describes it. Each
// period every free actor is activated once, one at a time, in a fresh uniformly random
// order; each sees the world as left by the activations before it.
//
// The order is applied physically: the model puts its free agents' slots first, permuted by a
// uniform random ShufflePlan, and the scheduler activates those slots front to back. So every
// free actor is activated once, in uniformly random order, exactly the paper's schedule, while
// agent data streams through memory instead of being read at random. Jailed and withdrawn
// agents wait behind them, unordered and unvisited.
// Model-agnostic: a Model provides begin_period, shuffle_count, reorder, prefetch and activate.
#pragma once

#include <cstdint>

#include "core/rng.hpp"
#include "core/shuffle.hpp"

namespace unrest::engine {

class ReferenceScheduler {
 public:
  explicit ReferenceScheduler(std::uint64_t seed) : seed_(seed) {}

  template <class Model>
  void step(Model& model, std::uint32_t period) {
    model.begin_period(period);
    plan_.draw(model.shuffle_count(),
               core::Stream(seed_, core::Purpose::activation_order, 0, period));
    model.reorder(plan_);
    const std::uint32_t n = model.shuffle_count();
    for (std::uint32_t slot = 0; slot < n; ++slot) {
      if (slot + kLookAhead < n) model.prefetch(slot + kLookAhead);
      updates_ += model.activate(slot, period);
    }
  }

  // Activations performed so far (the "agent-updates" of performance reports).
  std::uint64_t updates() const { return updates_; }

 private:
  // Slots ahead whose lattice neighbourhood is fetched while the current one is processed.
  static constexpr std::uint32_t kLookAhead = 8;

  std::uint64_t seed_;
  core::ShufflePlan plan_;
  std::uint64_t updates_ = 0;
};

}  // namespace unrest::engine
