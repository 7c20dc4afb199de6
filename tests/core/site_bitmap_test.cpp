#include "core/site_bitmap.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <set>
#include <vector>

#include "core/neighbourhood.hpp"
#include "core/rng.hpp"

namespace unrest::core {
namespace {

struct Lattice {
  int width;
  int height;
  SiteBitmap bits;
  std::vector<bool> plain;

  Lattice(int w, int h, double density, std::uint32_t subject)
      : width(w), height(h), bits(w, h), plain(static_cast<std::size_t>(w * h), false) {
    Stream s(99, Purpose::placement, subject, 0);
    for (int i = 0; i < w * h; ++i) {
      if (s.uniform() < density) {
        bits.set(static_cast<std::uint32_t>(i));
        plain[static_cast<std::size_t>(i)] = true;
      }
    }
  }

  std::uint32_t site(int x, int y) const {
    const int xx = ((x % width) + width) % width;
    const int yy = ((y % height) + height) % height;
    return static_cast<std::uint32_t>(yy * width + xx);
  }

  // The centre plus every offset, each wrapped onto the torus.
  int brute_count(const Neighbourhood& n, int x, int y) const {
    int total = plain[site(x, y)] ? 1 : 0;
    for (const Offset& o : n.offsets()) total += plain[site(x + o.dx, y + o.dy)] ? 1 : 0;
    return total;
  }
};

TEST(SiteBitmap, SetTestClearAndCountAll) {
  SiteBitmap b(70, 3);
  EXPECT_EQ(b.count_all(), 0u);
  for (std::uint32_t s : {0u, 63u, 64u, 65u, 127u, 128u, 209u}) b.set(s);
  EXPECT_EQ(b.count_all(), 7u);
  EXPECT_TRUE(b.test(63));
  EXPECT_TRUE(b.test(209));
  EXPECT_FALSE(b.test(62));
  b.clear(64);
  b.clear(64);
  EXPECT_FALSE(b.test(64));
  EXPECT_TRUE(b.test(65));
  EXPECT_EQ(b.count_all(), 6u);
}

TEST(SiteBitmap, CountRowWrapsAroundTheRowEnd) {
  SiteBitmap b(10, 3);
  // Row 1: sites 10..19; set columns 0, 1, 8, 9.
  for (std::uint32_t s : {10u, 11u, 18u, 19u}) b.set(s);
  EXPECT_EQ(b.count_row(1, 8, 4), 4);   // 8, 9, 0, 1
  EXPECT_EQ(b.count_row(1, -2, 3), 3);  // 8, 9, 0
  EXPECT_EQ(b.count_row(4, 9, 2), 2);   // y wraps to 1: 9, 0
  EXPECT_EQ(b.count_row(-2, 2, 6), 0);  // y -2 is row 1: columns 2..7
  EXPECT_EQ(b.count_row(0, 0, 10), 0);
}

TEST(SiteBitmap, CountMatchesBruteForceEverywhereIncludingWrapEdges) {
  struct Case {
    int w, h;
  };
  const Case cases[] = {{15, 15}, {16, 17}, {40, 40}, {63, 20}, {64, 15}, {65, 33}, {130, 17}};
  std::uint32_t subject = 0;
  for (const Case c : cases) {
    const Lattice l(c.w, c.h, 0.4, subject++);
    for (VisionShape shape : {VisionShape::disk, VisionShape::diamond, VisionShape::square}) {
      for (double r : {1.0, 1.7, 3.0, 7.0}) {
        const Neighbourhood n(r, shape);
        for (int y = 0; y < c.h; ++y) {
          for (int x = 0; x < c.w; ++x) {
            // Every site of small lattices; on large ones the border band and a diagonal.
            const bool edge = x <= 8 || y <= 8 || x >= c.w - 9 || y >= c.h - 9 || x == y;
            if (c.w * c.h > 1000 && !edge) continue;
            ASSERT_EQ(l.bits.count(n, x, y), l.brute_count(n, x, y))
                << c.w << "x" << c.h << " shape " << static_cast<int>(shape) << " r " << r
                << " at (" << x << "," << y << ")";
          }
        }
      }
    }
  }
}

TEST(SiteBitmap, CountWithRowsLongerThanAWord) {
  // Reach 33: rows of 67 sites, past the interior fast path and longer than one 64-bit read.
  const Lattice l(70, 70, 0.5, 100);
  const Neighbourhood n(33, VisionShape::square);
  for (const auto& [x, y] : std::vector<std::pair<int, int>>{{0, 0}, {35, 35}, {69, 1}, {34, 69}}) {
    EXPECT_EQ(l.bits.count(n, x, y), l.brute_count(n, x, y)) << x << "," << y;
  }
}

TEST(SiteBitmap, CountOnAFullAndAnEmptyLattice) {
  const Lattice full(20, 20, 1.1, 0);
  const Lattice empty(20, 20, 0.0, 0);
  const Neighbourhood n(7, VisionShape::disk);
  for (int x : {0, 7, 19}) {
    EXPECT_EQ(full.bits.count(n, x, x), 149);
    EXPECT_EQ(empty.bits.count(n, x, x), 0);
  }
}

TEST(SiteBitmap, NthSetEnumeratesTheSetSitesOfTheNeighbourhoodInSpanOrder) {
  const Lattice l(17, 16, 0.3, 7);
  const Neighbourhood n(3, VisionShape::disk);
  for (const auto& [x, y] : std::vector<std::pair<int, int>>{{0, 0}, {8, 8}, {16, 15}, {2, 14}}) {
    std::vector<std::uint32_t> expected;
    for (const RowSpan& s : n.spans()) {
      for (int dx = -s.half_width; dx <= s.half_width; ++dx) {
        const std::uint32_t site = l.site(x + dx, y + s.dy);
        if (l.plain[site]) expected.push_back(site);
      }
    }
    const int count = l.bits.count(n, x, y);
    ASSERT_EQ(count, static_cast<int>(expected.size()));
    for (int k = 0; k < count; ++k) {
      EXPECT_EQ(l.bits.nth_set(n, x, y, k), expected[static_cast<std::size_t>(k)]);
    }
    EXPECT_EQ(l.bits.nth_set(n, x, y, count), UINT32_MAX);
  }
}

// Three interleaved planes with independent contents: the tile-mask fast paths (counts, fused
// counts and picks) agree with a brute-force scan of each plane, and planes do not mix.
TEST(SiteBitmap, InterleavedPlanesInteriorPathsMatchBruteForce) {
  const int w = 61;
  const int h = 45;
  SiteBitmap bits(w, h, 3);
  std::vector<std::vector<bool>> plain(3, std::vector<bool>(static_cast<std::size_t>(w * h)));
  Stream fill(5, Purpose::placement, 0, 0);
  for (int p = 0; p < 3; ++p) {
    for (int i = 0; i < w * h; ++i) {
      if (fill.uniform() < 0.2 + 0.2 * p) {
        bits.set(Plane{p}, static_cast<std::uint32_t>(i));
        plain[static_cast<std::size_t>(p)][static_cast<std::size_t>(i)] = true;
      }
    }
    std::uint64_t total = 0;
    for (bool b : plain[static_cast<std::size_t>(p)]) total += b ? 1 : 0;
    EXPECT_EQ(bits.count_all(Plane{p}), total);
  }
  for (VisionShape shape : {VisionShape::disk, VisionShape::diamond, VisionShape::square}) {
    for (double radius : {1.5, 7.0, 12.0}) {
      const Neighbourhood n(radius, shape);
      const TileMasks masks(n);
      for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
          if (!bits.interior(masks, x, y)) continue;
          auto in_view = [&](int p, bool set) {
            std::vector<std::uint32_t> sites;
            for (const RowSpan& s : n.spans()) {
              for (int dx = -s.half_width; dx <= s.half_width; ++dx) {
                const auto site = static_cast<std::uint32_t>((y + s.dy) * w + x + dx);
                if (plain[static_cast<std::size_t>(p)][site] == set) sites.push_back(site);
              }
            }
            return sites;
          };
          int a = -1;
          int b = -1;
          bits.count_interior(masks, Plane{0}, Plane{2}, x, y, a, b);
          ASSERT_EQ(a, static_cast<int>(in_view(0, true).size())) << x << "," << y;
          ASSERT_EQ(b, static_cast<int>(in_view(2, true).size())) << x << "," << y;
          ASSERT_EQ(bits.count(masks, Plane{1}, x, y), static_cast<int>(in_view(1, true).size()));
          for (bool set : {true, false}) {
            const auto expected = in_view(1, set);
            int px = x;
            int py = y;
            Stream draw(5, Purpose::movement, static_cast<std::uint32_t>(y * w + x), set ? 1 : 0);
            const int found = set ? bits.pick_set_interior(masks, Plane{1}, px, py, draw)
                                  : bits.pick_clear_interior(masks, Plane{1}, px, py, draw);
            ASSERT_EQ(found, static_cast<int>(expected.size()));
            if (found == 0) continue;
            const auto picked = static_cast<std::uint32_t>(py * w + px);
            EXPECT_NE(std::find(expected.begin(), expected.end(), picked), expected.end())
                << "picked " << px << "," << py << " from " << x << "," << y;
          }
        }
      }
    }
  }
}

}  // namespace
}  // namespace unrest::core
