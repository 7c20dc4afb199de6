// A small open-addressing hash map from site to agent slot, for the few sites whose agent
// must be found by position (the active citizens a cop may arrest). Linear probing with
// backward-shift deletion: no tombstones, so it never degrades however often agents move.
#pragma once

#include <bit>
#include <cstdint>
#include <vector>

namespace unrest::core {

class SiteMap {
 public:
  static constexpr std::uint32_t kNone = UINT32_MAX;

  SiteMap() { clear(); }

  void clear() {
    keys_.assign(kInitialCapacity, kNone);
    values_.assign(kInitialCapacity, kNone);
    size_ = 0;
  }

  std::uint32_t find(std::uint32_t site) const {
    for (std::size_t i = home(site);; i = next(i)) {
      if (keys_[i] == site) return values_[i];
      if (keys_[i] == kNone) return kNone;
    }
  }

  void insert_or_assign(std::uint32_t site, std::uint32_t slot) {
    if (2 * (size_ + 1) > keys_.size()) grow();
    std::size_t i = home(site);
    while (keys_[i] != kNone && keys_[i] != site) i = next(i);
    if (keys_[i] == kNone) ++size_;
    keys_[i] = site;
    values_[i] = slot;
  }

  void erase(std::uint32_t site) {
    std::size_t i = home(site);
    while (keys_[i] != site) {
      if (keys_[i] == kNone) return;
      i = next(i);
    }
    // Backward shift: pull later entries of the probe run into the hole.
    for (std::size_t j = next(i);; j = next(j)) {
      if (keys_[j] == kNone) break;
      const std::size_t h = home(keys_[j]);
      // Move j into i unless its home lies cyclically in (i, j].
      if ((j > i && (h <= i || h > j)) || (j < i && (h <= i && h > j))) {
        keys_[i] = keys_[j];
        values_[i] = values_[j];
        i = j;
      }
    }
    keys_[i] = kNone;
    values_[i] = kNone;
    --size_;
  }

  std::size_t size() const { return size_; }

 private:
  static constexpr std::size_t kInitialCapacity = 64;

  std::size_t home(std::uint32_t site) const {
    return (site * 0x9E3779B1u) >> (32 - std::countr_zero(keys_.size()));
  }
  std::size_t next(std::size_t i) const { return (i + 1) & (keys_.size() - 1); }

  void grow() {
    std::vector<std::uint32_t> keys(keys_.size() * 2, kNone);
    std::vector<std::uint32_t> values(keys_.size() * 2, kNone);
    keys.swap(keys_);
    values.swap(values_);
    size_ = 0;
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (keys[i] != kNone) insert_or_assign(keys[i], values[i]);
    }
  }

  std::vector<std::uint32_t> keys_;
  std::vector<std::uint32_t> values_;
  std::size_t size_ = 0;
};

}  // namespace unrest::core
