#include "core/site_map.hpp"

#include <gtest/gtest.h>

#include <map>

#include "core/rng.hpp"

namespace unrest::core {
namespace {

TEST(SiteMap, FindsWhatWasInsertedAndNothingElse) {
  SiteMap m;
  EXPECT_EQ(m.find(7), SiteMap::kNone);
  m.insert_or_assign(7, 70);
  m.insert_or_assign(8, 80);
  EXPECT_EQ(m.find(7), 70u);
  EXPECT_EQ(m.find(8), 80u);
  EXPECT_EQ(m.find(9), SiteMap::kNone);
  m.insert_or_assign(7, 71);  // assign, not a second entry
  EXPECT_EQ(m.find(7), 71u);
  EXPECT_EQ(m.size(), 2u);
  m.erase(7);
  m.erase(12345);  // absent: no effect
  EXPECT_EQ(m.find(7), SiteMap::kNone);
  EXPECT_EQ(m.find(8), 80u);
  EXPECT_EQ(m.size(), 1u);
  m.clear();
  EXPECT_EQ(m.size(), 0u);
  EXPECT_EQ(m.find(8), SiteMap::kNone);
}

// Backward-shift deletion must keep every remaining key reachable, also across probe runs
// that wrap around the end of the table and through growth: checked against std::map over
// many random operations on a small key range (so that runs are long and keys recur). Half
// the insertions are deferred (insert_later), so keys also move between the batch and the
// table while they are found, reassigned and erased.
TEST(SiteMap, AgreesWithAReferenceMapUnderRandomInsertsAndErases) {
  SiteMap m;
  std::map<std::uint32_t, std::uint32_t> reference;
  Stream s(11, Purpose::placement, 0, 0);
  for (int step = 0; step < 200000; ++step) {
    const std::uint32_t key = s.below(3000);
    if (s.below(3) == 0) {
      m.erase(key);
      reference.erase(key);
    } else {
      const std::uint32_t value = s.next_u32() >> 1;
      if (s.below(2) == 0) {
        m.insert_or_assign(key, value);
      } else {
        m.insert_later(key, value);
      }
      reference[key] = value;
    }
    if (step % 997 == 0) {
      ASSERT_EQ(m.size(), reference.size()) << "step " << step;
      for (std::uint32_t k = 0; k < 3000; ++k) {
        const auto it = reference.find(k);
        ASSERT_EQ(m.find(k), it == reference.end() ? SiteMap::kNone : it->second)
            << "key " << k << " at step " << step;
      }
    }
  }
}

TEST(SiteMap, DeferredInsertionsAreFoundAtOnceAndSurviveTheirBatch) {
  SiteMap m;
  m.insert_or_assign(5, 50);
  m.insert_later(5, 51);  // reassigns a key already in the table
  EXPECT_EQ(m.find(5), 51u);
  EXPECT_EQ(m.size(), 1u);
  for (std::uint32_t k = 100; k < 200; ++k) m.insert_later(k, k + 1);  // several batches
  EXPECT_EQ(m.size(), 101u);
  for (std::uint32_t k = 100; k < 200; ++k) ASSERT_EQ(m.find(k), k + 1) << k;
  m.erase(5);
  m.erase(150);
  EXPECT_EQ(m.find(5), SiteMap::kNone);
  EXPECT_EQ(m.find(150), SiteMap::kNone);
  EXPECT_EQ(m.size(), 99u);
  m.clear();
  EXPECT_EQ(m.find(199), SiteMap::kNone);
  EXPECT_EQ(m.size(), 0u);
}

}  // namespace
}  // namespace unrest::core
