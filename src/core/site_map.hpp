// A small open-addressing hash map from site to agent slot, for the few sites whose agent
// must be found by position (the active citizens a cop may arrest). Linear probing with
// backward-shift deletion: no tombstones, so it never degrades however often agents move.
// Key and value share one entry, so a probe that misses cache costs one line, not two.
// insert_later() defers an insertion to a small batch whose probes are prefetched together:
// an agent's new site is known only as it moves, too late to prefetch one probe alone.
#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>

#include "core/large_vector.hpp"

namespace unrest::core {

class SiteMap {
 public:
  static constexpr std::uint32_t kNone = UINT32_MAX;

  SiteMap() { clear(); }

  // Empties the map but keeps its capacity: it is refilled to about the same size at once.
  void clear() {
    if (entries_.empty()) entries_.resize(kInitialCapacity);
    std::fill(entries_.begin(), entries_.end(), Entry{});
    size_ = 0;
    pending_ = 0;
  }

  std::uint32_t find(std::uint32_t site) const {
    const int p = pending_index(site);
    return p >= 0 ? pending_values_[p] : find_in_table(site);
  }

  // Hints the cache about the entry of `site`, looked up, changed or erased a little later.
  void prefetch(std::uint32_t site) const { __builtin_prefetch(&entries_[home(site)]); }

  // The same as insert_or_assign, applied in a batch with the next few; find, erase and
  // size see it at once.
  void insert_later(std::uint32_t site, std::uint32_t slot) {
    const int p = pending_index(site);
    if (p >= 0) {
      pending_values_[p] = slot;
      return;
    }
    if (pending_ == kBatch) flush();
    pending_keys_[pending_] = site;
    pending_values_[pending_++] = slot;
  }

  void insert_or_assign(std::uint32_t site, std::uint32_t slot) {
    const int p = pending_index(site);
    if (p >= 0) remove_pending(p);
    insert_into_table(site, slot);
  }

  void erase(std::uint32_t site) {
    const int p = pending_index(site);
    if (p >= 0) remove_pending(p);
    erase_from_table(site);
  }

  // Entries, the batch included (a key is counted once).
  std::size_t size() const {
    std::size_t n = size_;
    for (std::size_t p = 0; p < pending_; ++p) n += find_in_table(pending_keys_[p]) == kNone;
    return n;
  }

  // Makes room for `n` entries at most half full, so that filling it never rehashes.
  void reserve(std::size_t n) {
    while (2 * n > entries_.size()) grow();
  }

 private:
  static constexpr std::size_t kInitialCapacity = 64;
  static constexpr std::size_t kBatch = 32;

  std::uint32_t find_in_table(std::uint32_t site) const {
    for (std::size_t i = home(site);; i = next(i)) {
      if (entries_[i].key == site) return entries_[i].value;
      if (entries_[i].key == kNone) return kNone;
    }
  }

  // Position of `site` in the batch, or -1. A branch-free scan: the batch is a few lines.
  int pending_index(std::uint32_t site) const {
    int found = -1;
    for (std::size_t p = 0; p < pending_; ++p) {
      if (pending_keys_[p] == site) found = static_cast<int>(p);
    }
    return found;
  }

  void remove_pending(int p) {
    --pending_;
    pending_keys_[static_cast<std::size_t>(p)] = pending_keys_[pending_];
    pending_values_[static_cast<std::size_t>(p)] = pending_values_[pending_];
  }

  // Applies the batch: every probe is prefetched before the first is made.
  void flush() {
    for (std::size_t p = 0; p < pending_; ++p) prefetch(pending_keys_[p]);
    for (std::size_t p = 0; p < pending_; ++p)
      insert_into_table(pending_keys_[p], pending_values_[p]);
    pending_ = 0;
  }

  void insert_into_table(std::uint32_t site, std::uint32_t slot) {
    if (2 * (size_ + 1) > entries_.size()) grow();
    std::size_t i = home(site);
    while (entries_[i].key != kNone && entries_[i].key != site) i = next(i);
    if (entries_[i].key == kNone) ++size_;
    entries_[i] = {site, slot};
  }

  void erase_from_table(std::uint32_t site) {
    std::size_t i = home(site);
    while (entries_[i].key != site) {
      if (entries_[i].key == kNone) return;
      i = next(i);
    }
    // Backward shift: pull later entries of the probe run into the hole.
    for (std::size_t j = next(i);; j = next(j)) {
      if (entries_[j].key == kNone) break;
      const std::size_t h = home(entries_[j].key);
      // Move j into i unless its home lies cyclically in (i, j].
      if ((j > i && (h <= i || h > j)) || (j < i && (h <= i && h > j))) {
        entries_[i] = entries_[j];
        i = j;
      }
    }
    entries_[i] = Entry{};
    --size_;
  }

  std::size_t home(std::uint32_t site) const {
    return (site * 0x9E3779B1u) >> (32 - std::countr_zero(entries_.size()));
  }
  std::size_t next(std::size_t i) const { return (i + 1) & (entries_.size() - 1); }

  void grow() {
    LargeVector<Entry> old(entries_.size() * 2);
    old.swap(entries_);
    size_ = 0;
    for (const Entry& e : old) {
      if (e.key != kNone) insert_into_table(e.key, e.value);
    }
  }

  struct Entry {
    std::uint32_t key = kNone;
    std::uint32_t value = kNone;
  };
  LargeVector<Entry> entries_;
  std::size_t size_ = 0;  // entries in the table
  std::uint32_t pending_keys_[kBatch];
  std::uint32_t pending_values_[kBatch];
  std::size_t pending_ = 0;
};

}  // namespace unrest::core
