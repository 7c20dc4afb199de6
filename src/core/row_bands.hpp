// Parallel loops over a torus lattice.
// each(): tasks of a few rows run concurrently; the work may write only to its own rows.
// each_range(): the same for items of a list.
// each_in_waves(): the lattice is cut into blocks, bands of rows times bands of columns (see
// bands()); the work on a block may read and write up to (min - 2 * align) / 2 sites beyond it
// either way. Blocks run in four waves by the parity of their row band and column band, so
// two concurrent blocks are always a whole block apart and never touch the same site or tile.
// The blocks are a function of the lattice and the arguments only, never of the threads.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <functional>
#include <vector>

#include "core/thread_pool.hpp"

namespace unrest::core {

class RowBands {
 public:
  using Rows = std::function<void(int y0, int y1)>;
  // A block: its index (row band * column bands + column band) and its rows and columns.
  using Block = std::function<void(int block, int y0, int y1, int x0, int x1)>;

  explicit RowBands(ThreadPool& pool) : pool_(pool) {}
  ThreadPool& pool() { return pool_; }

  void each(int height, const Rows& work) {
    const int tasks = (height + kRowsPerTask - 1) / kRowsPerTask;
    pool_.run(static_cast<std::size_t>(tasks), [&](std::size_t b) {
      const int y0 = static_cast<int>(b) * kRowsPerTask;
      work(y0, std::min(height, y0 + kRowsPerTask));
    });
  }

  // work(first, last) over [0, n) in chunks of `chunk`, concurrently; each chunk writes only
  // its own items.
  void each_range(std::size_t n, std::size_t chunk,
                  const std::function<void(std::size_t, std::size_t)>& work) {
    pool_.run((n + chunk - 1) / chunk,
              [&](std::size_t c) { work(c * chunk, std::min(n, (c + 1) * chunk)); });
  }

  // Band starts along one axis of `size` sites, with `size` appended: bands + 1 values. Bands
  // start on multiples of `align`, are at least `min` long (the last one may be up to align - 1
  // shorter) and even in number, or there is one band if fewer than two fit.
  static std::vector<int> bands(int size, int min, int align) {
    const int units = (size + align - 1) / align;
    const int units_per_band = (min + align - 1) / align;
    int n = units / units_per_band;
    n -= n % 2;  // even, so the first and last bands (neighbours on the torus) differ in wave
    if (n < 2) return {0, size};
    std::vector<int> starts;
    for (int b = 0; b <= n; ++b) {
      starts.push_back(
          std::min(size, static_cast<int>(static_cast<long long>(units) * b / n) * align));
    }
    return starts;
  }

  // Runs every block once: the waves in `wave_order` (a permutation of 0..3, wave = 2 * row
  // band parity + column band parity), the blocks of one wave concurrently.
  void each_in_waves(const std::vector<int>& rows, const std::vector<int>& columns,
                     const std::array<int, 4>& wave_order, const Block& work) {
    const int ny = static_cast<int>(rows.size()) - 1;
    const int nx = static_cast<int>(columns.size()) - 1;
    std::vector<int> blocks;
    for (const int wave : wave_order) {
      blocks.clear();
      for (int by = wave / 2; by < ny; by += 2) {
        for (int bx = wave % 2; bx < nx; bx += 2) blocks.push_back(by * nx + bx);
      }
      pool_.run(blocks.size(), [&](std::size_t i) {
        const int b = blocks[i];
        const auto by = static_cast<std::size_t>(b / nx);
        const auto bx = static_cast<std::size_t>(b % nx);
        work(b, rows[by], rows[by + 1], columns[bx], columns[bx + 1]);
      });
    }
  }

 private:
  static constexpr int kRowsPerTask = 16;

  ThreadPool& pool_;
};

}  // namespace unrest::core
