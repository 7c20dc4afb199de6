// Parallel loops over the rows of a torus lattice.
// each(): tasks of a few rows run concurrently; the work may write only to its own rows.
// each_in_waves(): the lattice is cut into bands of at least `min_rows` rows, starting on
// multiples of `align` rows, in even number; the work on a band may read and write up to
// (min_rows - align) / 2 rows beyond it. Bands run in two waves, the even bands then the odd
// ones (or the reverse), so no two concurrent bands ever touch the same row or tile row.
// The bands are a function of the lattice and the arguments only, never of the threads.
#pragma once

#include <algorithm>
#include <cstddef>
#include <functional>
#include <vector>

#include "core/thread_pool.hpp"

namespace unrest::core {

class RowBands {
 public:
  using Rows = std::function<void(int y0, int y1)>;
  using Band = std::function<void(int band, int y0, int y1)>;

  explicit RowBands(ThreadPool& pool) : pool_(pool) {}

  void each(int height, const Rows& work) {
    const int tasks = (height + kRowsPerTask - 1) / kRowsPerTask;
    pool_.run(static_cast<std::size_t>(tasks), [&](std::size_t b) {
      const int y0 = static_cast<int>(b) * kRowsPerTask;
      work(y0, std::min(height, y0 + kRowsPerTask));
    });
  }

  // Band starts, with the height appended: bands + 1 values. One band if the lattice is too
  // small to cut.
  static std::vector<int> bands(int height, int min_rows, int align) {
    const int units = (height + align - 1) / align;
    const int units_per_band = (min_rows + align - 1) / align;
    int n = units / units_per_band;
    n -= n % 2;  // even, so the first and last bands (neighbours on the torus) differ in wave
    if (n < 2) return {0, height};
    std::vector<int> starts;
    for (int b = 0; b <= n; ++b) {
      starts.push_back(
          std::min(height, static_cast<int>(static_cast<long long>(units) * b / n) * align));
    }
    return starts;
  }

  void each_in_waves(const std::vector<int>& starts, int first_wave, const Band& work) {
    const int n = static_cast<int>(starts.size()) - 1;
    if (n == 1) {
      work(0, starts[0], starts[1]);
      return;
    }
    for (int w = 0; w < 2; ++w) {
      const int wave = (first_wave + w) % 2;
      pool_.run(static_cast<std::size_t>(n / 2), [&](std::size_t i) {
        const int b = 2 * static_cast<int>(i) + wave;
        work(b, starts[static_cast<std::size_t>(b)], starts[static_cast<std::size_t>(b) + 1]);
      });
    }
  }

 private:
  static constexpr int kRowsPerTask = 16;

  ThreadPool& pool_;
};

}  // namespace unrest::core
