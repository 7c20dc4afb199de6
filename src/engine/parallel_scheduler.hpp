// The parallel scheduler: blocked random asynchronous activation on a pool of threads. The
// blocks and their waves belong to the model (ParallelModelI::step); the scheduler owns the
// threads and counts agent-updates. Same output for any thread count: see docs/engine.md.
#pragma once

#include <cstdint>

#include "core/row_bands.hpp"
#include "core/thread_pool.hpp"

namespace unrest::engine {

class ParallelScheduler {
 public:
  // `threads` = 0: every hardware thread.
  explicit ParallelScheduler(unsigned threads) : pool_(threads), rows_(pool_) {}

  template <class Model>
  void step(Model& model, std::uint32_t period) {
    updates_ += model.step(period, rows_);
  }

  core::RowBands& rows() { return rows_; }
  unsigned threads() const { return pool_.threads(); }
  std::uint64_t updates() const { return updates_; }

 private:
  core::ThreadPool pool_;
  core::RowBands rows_;
  std::uint64_t updates_ = 0;
};

}  // namespace unrest::engine
