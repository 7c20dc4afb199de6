#include "core/row_bands.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <memory>
#include <mutex>
#include <set>
#include <utility>
#include <vector>

#include "core/thread_pool.hpp"

namespace unrest::core {
namespace {

// The tile rows (of `align` rows, counted on the torus) that the rows [y0 - reach, y1 + reach)
// fall in.
std::set<int> tile_rows_touched(int y0, int y1, int reach, int height, int align) {
  std::set<int> tiles;
  for (int y = y0 - reach; y < y1 + reach; ++y)
    tiles.insert(((y % height + height) % height) / align);
  return tiles;
}

std::set<int> rows_touched(int y0, int y1, int reach, int height) {
  std::set<int> rows;
  for (int y = y0 - reach; y < y1 + reach; ++y) rows.insert((y % height + height) % height);
  return rows;
}

TEST(RowBands, BandsCoverTheLatticeInAnEvenNumberOfAlignedBands) {
  for (int align : {1, 2, 8}) {
    for (int min_rows : {1, 5, 8, 16, 44, 60}) {
      if (min_rows < align) continue;
      for (int height = 1; height <= 400; ++height) {
        const std::vector<int> s = RowBands::bands(height, min_rows, align);
        const auto where = ::testing::Message() << "height " << height << ", min_rows " << min_rows
                                                << ", align " << align;
        ASSERT_GE(s.size(), 2u) << where;
        ASSERT_EQ(s.front(), 0) << where;
        ASSERT_EQ(s.back(), height) << where;
        const int n = static_cast<int>(s.size()) - 1;
        ASSERT_TRUE(n == 1 || n % 2 == 0) << where << ": " << n << " bands";
        for (int b = 0; b < n; ++b) {
          ASSERT_LT(s[b], s[b + 1]) << where << ", band " << b;
          ASSERT_EQ(s[b] % align, 0) << where << ", band " << b;
          if (n == 1) continue;
          if (b + 1 < n) {
            ASSERT_GE(s[b + 1] - s[b], min_rows) << where << ", band " << b;
          } else {
            ASSERT_GE(s[b + 1] - s[b], min_rows - (align - 1)) << where << ", last band";
          }
        }
        // As many bands as fit: one band only if two could not be cut.
        const int units = (height + align - 1) / align;
        const int units_per_band = (min_rows + align - 1) / align;
        const int fit = units / units_per_band;
        ASSERT_EQ(n, fit >= 2 ? fit - fit % 2 : 1) << where;
      }
    }
  }
}

TEST(RowBands, SmallLatticesAreOneBand) {
  EXPECT_EQ(RowBands::bands(1, 44, 8), (std::vector<int>{0, 1}));
  EXPECT_EQ(RowBands::bands(40, 44, 8), (std::vector<int>{0, 40}));
  EXPECT_EQ(RowBands::bands(88, 44, 8), (std::vector<int>{0, 88}));  // 2 × 44 are not aligned
  EXPECT_EQ(RowBands::bands(89, 44, 8), (std::vector<int>{0, 48, 89}));
  EXPECT_EQ(RowBands::bands(143, 44, 8), (std::vector<int>{0, 72, 143}));  // 3 fit, 2 used
  for (int height = 1; height < 2 * 44 - 7; ++height) {
    EXPECT_EQ(RowBands::bands(height, 44, 8).size(), 2u) << height;
  }
}

TEST(RowBands, KnownCuts) {
  EXPECT_EQ(RowBands::bands(200, 44, 8), (std::vector<int>{0, 48, 96, 144, 200}));
  EXPECT_EQ(RowBands::bands(100, 10, 1),
            (std::vector<int>{0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100}));
  EXPECT_EQ(RowBands::bands(185, 44, 8), (std::vector<int>{0, 48, 96, 144, 185}));
}

// Bands of one wave never touch the same row when each reaches (min_rows - align) / 2 rows
// beyond itself, and never the same tile row of `align` rows when each reaches
// (min_rows - 2 align) / 2 (what ParallelModelI relies on: 4 visions + 2 tiles per band, an
// activation reaching 2 visions). Checked across the torus seam, short last band included.
TEST(RowBands, BandsOfOneWaveStayApart) {
  const int align = 8;
  for (int min_rows : {16, 24, 44, 60, 76}) {
    for (int height = 1; height <= 500; ++height) {
      const std::vector<int> s = RowBands::bands(height, min_rows, align);
      const int n = static_cast<int>(s.size()) - 1;
      if (n < 4) continue;  // with two bands, each wave has one band only
      for (int a = 0; a < n; ++a) {
        for (int b = a + 2; b < n; b += 2) {
          const auto where = ::testing::Message() << "height " << height << ", min_rows "
                                                  << min_rows << ", bands " << a << " and " << b;
          const int row_reach = (min_rows - align) / 2;
          const std::set<int> ra = rows_touched(s[a], s[a + 1], row_reach, height);
          for (int y : rows_touched(s[b], s[b + 1], row_reach, height)) {
            ASSERT_EQ(ra.count(y), 0u) << where << ": row " << y;
          }
          const int tile_reach = (min_rows - 2 * align) / 2;
          const std::set<int> ta = tile_rows_touched(s[a], s[a + 1], tile_reach, height, align);
          for (int t : tile_rows_touched(s[b], s[b + 1], tile_reach, height, align)) {
            ASSERT_EQ(ta.count(t), 0u) << where << ": tile row " << t;
          }
        }
      }
    }
  }
}

// The blocks of one wave, each reaching (min - 2 align) / 2 sites beyond itself either way,
// never touch the same align × align tile (the promise each_in_waves makes its work).
TEST(RowBands, BlocksOfOneWaveNeverShareATile) {
  const int align = 8;
  const int min = 44;
  const int reach = (min - 2 * align) / 2;
  for (const int height : {40, 96, 185, 200, 301}) {
    for (const int width : {40, 89, 200, 232}) {
      const std::vector<int> ys = RowBands::bands(height, min, align);
      const std::vector<int> xs = RowBands::bands(width, min, align);
      const int ny = static_cast<int>(ys.size()) - 1;
      const int nx = static_cast<int>(xs.size()) - 1;
      for (int wave = 0; wave < 4; ++wave) {
        std::set<std::pair<int, int>> taken;
        for (int by = wave / 2; by < ny; by += 2) {
          for (int bx = wave % 2; bx < nx; bx += 2) {
            const auto uy = static_cast<std::size_t>(by);
            const auto ux = static_cast<std::size_t>(bx);
            const std::set<int> rows = tile_rows_touched(ys[uy], ys[uy + 1], reach, height, align);
            const std::set<int> cols = tile_rows_touched(xs[ux], xs[ux + 1], reach, width, align);
            std::set<std::pair<int, int>> mine;
            for (const int ty : rows) {
              for (const int tx : cols) mine.insert({ty, tx});
            }
            for (const auto& tile : mine) {
              ASSERT_EQ(taken.count(tile), 0u)
                  << height << " x " << width << ", wave " << wave << ", block " << by << "," << bx
                  << " shares tile " << tile.first << "," << tile.second;
            }
            taken.insert(mine.begin(), mine.end());
          }
        }
      }
    }
  }
}

TEST(RowBands, EachCoversEveryRowOnce) {
  for (unsigned threads : {1u, 4u}) {
    ThreadPool pool(threads);
    RowBands rows(pool);
    for (int height : {0, 1, 15, 16, 17, 100, 1000, 2001}) {
      auto hits = std::make_unique<std::atomic<int>[]>(static_cast<std::size_t>(height) + 1);
      std::atomic<int> calls{0};
      rows.each(height, [&](int y0, int y1) {
        ASSERT_LE(0, y0);
        ASSERT_LT(y0, y1);
        ASSERT_LE(y1, height);
        calls.fetch_add(1);
        for (int y = y0; y < y1; ++y) hits[static_cast<std::size_t>(y)].fetch_add(1);
      });
      for (int y = 0; y < height; ++y) ASSERT_EQ(hits[static_cast<std::size_t>(y)].load(), 1) << y;
      EXPECT_EQ(calls.load(), (height + 15) / 16) << "tasks of 16 rows; height " << height;
    }
  }
}

struct Visit {
  int block;
  int y0;
  int y1;
  int x0;
  int x1;
};

int wave_of(const std::vector<int>& columns, int block) {
  const int nx = static_cast<int>(columns.size()) - 1;
  return 2 * ((block / nx) % 2) + (block % nx) % 2;
}

// Checks that `visits` hold every block of the rows × columns cut exactly once, with its own
// rows and columns.
void expect_every_block_once(const std::vector<int>& rows, const std::vector<int>& columns,
                             const std::vector<Visit>& visits) {
  const int ny = static_cast<int>(rows.size()) - 1;
  const int nx = static_cast<int>(columns.size()) - 1;
  ASSERT_EQ(visits.size(), static_cast<std::size_t>(ny * nx));
  std::set<int> blocks;
  for (const Visit& v : visits) {
    ASSERT_LE(0, v.block);
    ASSERT_LT(v.block, ny * nx);
    const auto by = static_cast<std::size_t>(v.block / nx);
    const auto bx = static_cast<std::size_t>(v.block % nx);
    EXPECT_EQ(v.y0, rows[by]) << "block " << v.block;
    EXPECT_EQ(v.y1, rows[by + 1]) << "block " << v.block;
    EXPECT_EQ(v.x0, columns[bx]) << "block " << v.block;
    EXPECT_EQ(v.x1, columns[bx + 1]) << "block " << v.block;
    blocks.insert(v.block);
  }
  EXPECT_EQ(blocks.size(), visits.size()) << "a block visited twice";
}

// On one thread the order is observable: whole waves, in the order asked for.
TEST(RowBands, WavesRunInTheOrderGivenOnOneThread) {
  ThreadPool pool(1);
  RowBands rows(pool);
  const std::vector<int> ys = RowBands::bands(300, 44, 8);
  const std::vector<int> xs = RowBands::bands(200, 44, 8);
  ASSERT_EQ(ys.size() - 1, 6u);
  ASSERT_EQ(xs.size() - 1, 4u);
  std::array<int, 4> order{0, 1, 2, 3};
  do {
    std::vector<Visit> visits;
    rows.each_in_waves(ys, xs, order, [&](int block, int y0, int y1, int x0, int x1) {
      visits.push_back({block, y0, y1, x0, x1});
    });
    expect_every_block_once(ys, xs, visits);
    ASSERT_EQ(visits.size(), 24u);
    for (std::size_t i = 0; i < visits.size(); ++i) {
      EXPECT_EQ(wave_of(xs, visits[i].block), order[i / 6])
          << "visit " << i << " of order " << order[0] << order[1] << order[2] << order[3];
    }
  } while (std::next_permutation(order.begin(), order.end()));
}

TEST(RowBands, UncutAxesGiveFewerBlocks) {
  ThreadPool pool(4);
  RowBands rows(pool);
  const std::vector<int> one{0, 50};
  const std::vector<int> four = RowBands::bands(200, 44, 8);
  for (const auto& [ys, xs] : {std::pair{one, one}, std::pair{one, four}, std::pair{four, one}}) {
    for (const std::array<int, 4> order : {std::array{0, 1, 2, 3}, std::array{3, 2, 1, 0}}) {
      std::mutex m;
      std::vector<Visit> visits;
      rows.each_in_waves(ys, xs, order, [&](int block, int y0, int y1, int x0, int x1) {
        const std::lock_guard lock(m);
        visits.push_back({block, y0, y1, x0, x1});
      });
      expect_every_block_once(ys, xs, visits);
    }
  }
}

// With four threads: every block once, and every block of a wave has finished before any
// block of the next wave starts.
TEST(RowBands, WavesDoNotOverlapOnFourThreads) {
  ThreadPool pool(4);
  RowBands rows(pool);
  for (int size : {200, 1000, 2000}) {
    const std::vector<int> ys = RowBands::bands(size, 44, 8);
    const std::vector<int> xs = RowBands::bands(size / 2 + 100, 44, 8);
    const int n = static_cast<int>((ys.size() - 1) * (xs.size() - 1));
    ASSERT_GE(n, 8);
    for (const std::array<int, 4> order : {std::array{0, 1, 2, 3}, std::array{2, 0, 3, 1}}) {
      std::atomic<int> clock{0};
      std::mutex m;
      std::vector<Visit> visits;
      std::vector<int> begun(static_cast<std::size_t>(n), -1);
      std::vector<int> ended(static_cast<std::size_t>(n), -1);
      rows.each_in_waves(ys, xs, order, [&](int block, int y0, int y1, int x0, int x1) {
        const auto b = static_cast<std::size_t>(block);
        begun[b] = clock.fetch_add(1);
        {
          const std::lock_guard lock(m);
          visits.push_back({block, y0, y1, x0, x1});
        }
        ended[b] = clock.fetch_add(1);
      });
      expect_every_block_once(ys, xs, visits);
      for (std::size_t w = 0; w + 1 < 4; ++w) {
        int last_end = -1;
        int next_begin = 1 << 30;
        for (int b = 0; b < n; ++b) {
          const auto i = static_cast<std::size_t>(b);
          if (wave_of(xs, b) == order[w]) last_end = std::max(last_end, ended[i]);
          if (wave_of(xs, b) == order[w + 1]) next_begin = std::min(next_begin, begun[i]);
        }
        EXPECT_LT(last_end, next_begin) << "size " << size << ", wave " << order[w];
      }
    }
  }
}

}  // namespace
}  // namespace unrest::core
