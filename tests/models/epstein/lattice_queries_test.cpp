// What an agent sees on the lattice planes, against brute force over the torus: on a 20×20
// lattice, visions 1.7 and 7, every centre (interior tile-mask paths and seam paths alike).
#include "models/epstein/lattice_queries.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <random>
#include <set>
#include <vector>

#include "models/epstein/world.hpp"

namespace unrest::epstein {
namespace {

constexpr int kSize = 20;

struct Site {
  int x;
  int y;
  bool operator<(const Site& o) const { return y != o.y ? y < o.y : x < o.x; }
  bool operator==(const Site& o) const { return x == o.x && y == o.y; }
};

int wrap(int v) {
  return (v % kSize + kSize) % kSize;
}

// The sites within a Euclidean vision of (x, y) on the torus, centre excluded.
std::vector<Site> sites_in_view(double vision, int x, int y) {
  std::vector<Site> out;
  const int r = static_cast<int>(vision);
  for (int dy = -r; dy <= r; ++dy) {
    for (int dx = -r; dx <= r; ++dx) {
      if ((dx != 0 || dy != 0) && dx * dx + dy * dy <= vision * vision) {
        out.push_back({wrap(x + dx), wrap(y + dy)});
      }
    }
  }
  return out;
}

int naive_count(const core::SiteBitmap& b, core::Plane p, double vision, int x, int y,
                bool with_centre) {
  int n = with_centre && b.test(p, x, y) ? 1 : 0;
  for (const Site s : sites_in_view(vision, x, y)) n += b.test(p, s.x, s.y) ? 1 : 0;
  return n;
}

// Blocked with probability `blocked`; a blocked site holds a cop with probability `cops` and
// otherwise is active with probability `actives` (as Model I's planes are always nested).
core::SiteBitmap random_lattice(std::uint64_t seed, double blocked, double cops, double actives) {
  core::SiteBitmap b(kSize, kSize, kPlanes);
  std::mt19937_64 gen(seed);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  for (int y = 0; y < kSize; ++y) {
    for (int x = 0; x < kSize; ++x) {
      if (u(gen) >= blocked) continue;
      b.set(kBlocked, x, y);
      if (u(gen) < cops) {
        b.set(kCops, x, y);
      } else if (u(gen) < actives) {
        b.set(kActives, x, y);
      }
    }
  }
  return b;
}

View view_of(double vision) {
  return View(core::Neighbourhood(vision, core::VisionShape::disk));
}

TEST(LatticeQueries, EmptySiteNearReturnsOnlyEmptySitesInViewOrFalseIfNone) {
  for (const double vision : {1.7, 7.0}) {
    const View view = view_of(vision);
    for (const double density : {0.3, 0.8, 0.97}) {
      core::SiteBitmap b =
          random_lattice(static_cast<std::uint64_t>(density * 100), density, 0.1, 0.3);
      // A fully blocked patch across the seam corner and one in the interior.
      for (int dy = -1; dy <= 1; ++dy) {
        for (int dx = -1; dx <= 1; ++dx) {
          b.set(kBlocked, wrap(dx), wrap(dy));
          b.set(kBlocked, 10 + dx, 10 + dy);
        }
      }
      for (int cy = 0; cy < kSize; ++cy) {
        for (int cx = 0; cx < kSize; ++cx) {
          std::set<Site> empty;
          for (const Site s : sites_in_view(vision, cx, cy)) {
            if (!b.test(kBlocked, s.x, s.y)) empty.insert(s);
          }
          const bool centre_was_blocked = b.test(kBlocked, cx, cy);
          b.set(kBlocked, cx, cy);  // the agent that looks for a site stands on the centre
          for (std::uint32_t draw = 0; draw < 8; ++draw) {
            core::Stream stream(7, core::Purpose::movement,
                                static_cast<std::uint32_t>(cy * kSize + cx), draw);
            int x = cx;
            int y = cy;
            const bool found = empty_site_near(b, view, x, y, stream);
            ASSERT_EQ(found, !empty.empty())
                << "centre " << cx << "," << cy << ", vision " << vision;
            if (found) {
              ASSERT_EQ(empty.count({x, y}), 1u)
                  << "centre " << cx << "," << cy << " picked " << x << "," << y;
            } else {
              EXPECT_EQ(x, cx);
              EXPECT_EQ(y, cy);
            }
          }
          if (!centre_was_blocked) b.clear(kBlocked, cx, cy);
        }
      }
      if (vision < 2) {
        // The blocked patches leave the centres of vision 1.7 nowhere to go.
        for (const Site c : {Site{0, 0}, Site{10, 10}}) {
          core::Stream stream(1, core::Purpose::movement, 0, 0);
          int x = c.x;
          int y = c.y;
          EXPECT_FALSE(empty_site_near(b, view, x, y, stream)) << c.x << "," << c.y;
        }
      }
    }
  }
}

// Every empty site in view is reached, about equally often, at the seam and in the interior,
// on sparse (rejection) and crowded (enumeration) neighbourhoods.
TEST(LatticeQueries, EmptySiteNearReachesEveryEmptySiteInViewUniformly) {
  for (const double vision : {1.7, 7.0}) {
    const View view = view_of(vision);
    for (const double density : {0.3, 0.95}) {
      core::SiteBitmap b = random_lattice(99, density, 0.1, 0.3);
      for (const Site c : {Site{0, 0}, Site{19, 5}, Site{3, 18}, Site{9, 10}, Site{7, 12}}) {
        b.set(kBlocked, c.x, c.y);  // the agent stands there
        std::set<Site> empty;
        for (const Site s : sites_in_view(vision, c.x, c.y)) {
          if (!b.test(kBlocked, s.x, s.y)) empty.insert(s);
        }
        if (empty.empty()) continue;
        const int per_site = 200;
        const int draws = per_site * static_cast<int>(empty.size());
        std::map<Site, int> seen;
        for (int d = 0; d < draws; ++d) {
          core::Stream stream(3, core::Purpose::movement, static_cast<std::uint32_t>(d), 1);
          int x = c.x;
          int y = c.y;
          ASSERT_TRUE(empty_site_near(b, view, x, y, stream));
          ++seen[{x, y}];
        }
        ASSERT_EQ(seen.size(), empty.size())
            << "centre " << c.x << "," << c.y << ", vision " << vision << ", density " << density;
        // Binomial(draws, 1/n): mean 200, s.d. about 14; 6 s.d.
        for (const auto& [s, n] : seen) {
          EXPECT_NEAR(n, per_site, 85) << "site " << s.x << "," << s.y << " from " << c.x << ","
                                       << c.y << ", vision " << vision;
        }
      }
    }
  }
}

TEST(LatticeQueries, CountInViewCountsCopsAndActivesWithTheCentre) {
  for (const double vision : {1.7, 7.0}) {
    const View view = view_of(vision);
    const core::SiteBitmap b = random_lattice(5, 0.7, 0.1, 0.4);
    int with_cops = 0;
    for (int cy = 0; cy < kSize; ++cy) {
      for (int cx = 0; cx < kSize; ++cx) {
        if (b.test(kCops, cx, cy)) continue;  // the centre is the citizen asking
        int cops = -1;
        int actives = -1;
        count_in_view(b, view, cx, cy, cops, actives);
        const int naive_cops = naive_count(b, kCops, vision, cx, cy, false);
        ASSERT_EQ(cops, naive_cops) << "centre " << cx << "," << cy << ", vision " << vision;
        const int naive_actives = naive_count(b, kActives, vision, cx, cy, true);
        if (naive_cops > 0) {
          ++with_cops;
          ASSERT_EQ(actives, naive_actives)
              << "centre " << cx << "," << cy << ", vision " << vision;
        } else {
          // Unused by the rule without a cop: 0 on the seam path, the count on the interior one.
          ASSERT_EQ(actives, b.interior(view.masks, cx, cy) ? naive_actives : 0) << cx << "," << cy;
        }
      }
    }
    EXPECT_GT(with_cops, 0);
  }
}

// The header says `actives` is left 0 without a cop; the interior (tile-mask) path counts them
// anyway (the rule ignores them then). Either way never a wrong count; the cop count is exact.
TEST(LatticeQueries, CountInViewWithASingleCopSeesItExactlyWhereItIsInView) {
  for (const double vision : {1.7, 7.0}) {
    const View view = view_of(vision);
    core::SiteBitmap b = random_lattice(6, 0.7, 0.0, 0.6);
    b.set(kBlocked, 3, 3);
    b.clear(kActives, 3, 3);
    b.set(kCops, 3, 3);  // the only cop
    int without_seam = 0;
    int without_interior = 0;
    int with = 0;
    for (int cy = 0; cy < kSize; ++cy) {
      for (int cx = 0; cx < kSize; ++cx) {
        if (cx == 3 && cy == 3) continue;
        int cops = -1;
        int actives = -1;
        count_in_view(b, view, cx, cy, cops, actives);
        const bool sees_cop = naive_count(b, kCops, vision, cx, cy, false) == 1;
        EXPECT_EQ(cops, sees_cop ? 1 : 0) << cx << "," << cy;
        const int naive_actives = naive_count(b, kActives, vision, cx, cy, true);
        if (sees_cop) {
          EXPECT_EQ(actives, naive_actives) << cx << "," << cy;
        } else {
          // Seam path: left 0, as documented; interior path: counted anyway.
          const bool interior = b.interior(view.masks, cx, cy);
          EXPECT_EQ(actives, interior ? naive_actives : 0) << cx << "," << cy;
          ++(interior ? without_interior : without_seam);
        }
        if (sees_cop && naive_actives > 0) ++with;
      }
    }
    EXPECT_GT(without_seam, 0) << "some seam centres see no cop";
    EXPECT_GT(without_interior, 0) << "some interior centres see no cop";
    EXPECT_GT(with, 0);
  }
}

TEST(LatticeQueries, ActiveNearPicksOnlyActivesInViewAndReachesEach) {
  for (const double vision : {1.7, 7.0}) {
    const View view = view_of(vision);
    for (const double actives : {0.05, 0.5}) {
      const core::SiteBitmap b = random_lattice(11, 0.7, 0.1, actives);
      for (int cy = 0; cy < kSize; ++cy) {
        for (int cx = 0; cx < kSize; ++cx) {
          std::set<Site> in_view;
          for (const Site s : sites_in_view(vision, cx, cy)) {
            if (b.test(kActives, s.x, s.y)) in_view.insert(s);
          }
          if (b.test(kActives, cx, cy)) continue;  // a cop's own site is never active
          const int draws = in_view.empty() ? 4 : 40 * static_cast<int>(in_view.size());
          std::set<Site> picked;
          for (int d = 0; d < draws; ++d) {
            core::Stream stream(2, core::Purpose::arrest, static_cast<std::uint32_t>(d),
                                static_cast<std::uint32_t>(cy * kSize + cx));
            int x = cx;
            int y = cy;
            const bool found = active_near(b, view, x, y, stream);
            ASSERT_EQ(found, !in_view.empty()) << "centre " << cx << "," << cy;
            if (!found) {
              EXPECT_EQ(x, cx);
              EXPECT_EQ(y, cy);
              continue;
            }
            ASSERT_EQ(in_view.count({x, y}), 1u)
                << "centre " << cx << "," << cy << " picked " << x << "," << y;
            picked.insert({x, y});
          }
          // 40 draws per active: a site missed by all has probability below e^-40 per site.
          ASSERT_EQ(picked, in_view) << "centre " << cx << "," << cy << ", vision " << vision;
        }
      }
    }
  }
}

}  // namespace
}  // namespace unrest::epstein
