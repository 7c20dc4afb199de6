// The state of a Model I world, as structure-of-arrays.
//
// Agents live in slots. Every period the reference scheduler permutes the slots into a fresh
// random order and activates them front to back, so the agent data streams through the cache
// instead of being read at random; `id` travels with each agent and is stable for its life
// (the RNG streams are keyed by it).
//
// The lattice is one tiled bitmap of three interleaved planes (blocked, cop, active: 1.5 MB at
// 2000×2000, cache-sized) plus a small map from the sites of active citizens to their slots,
// so a cop can find whom to arrest.
// Populations may change (cops added or withdrawn by schedule; later births and deaths in
// Model II): withdrawn cops keep their slot, marked, and are reused before new ids are issued.
#pragma once

#include <cstdint>

#include "core/large_vector.hpp"
#include "core/site_bitmap.hpp"
#include "core/site_map.hpp"

namespace unrest::epstein {

enum class AgentKind : std::uint8_t { citizen, cop };
enum class Status : std::uint8_t { quiet, active, jailed, withdrawn };

inline constexpr std::uint32_t kNoSite = UINT32_MAX;

// The planes of World::lattice.
inline constexpr core::Plane kBlocked{0};  // no free actor may move here
inline constexpr core::Plane kCops{1};     // a cop on duty stands here
inline constexpr core::Plane kActives{2};  // an active citizen stands here
inline constexpr int kPlanes = 3;

struct World {
  int width = 0;
  int height = 0;

  // Per slot.
  core::LargeVector<std::uint32_t> id;
  core::LargeVector<AgentKind> kind;
  core::LargeVector<Status> status;
  core::LargeVector<std::uint32_t> site;   // while jailed off the lattice: its last site
  core::LargeVector<float> hardship;       // H ~ U(0,1), citizens only
  core::LargeVector<float> risk_aversion;  // R ~ U(0,1), citizens only
  core::LargeVector<float> jail_left;      // periods left while jailed; +inf for life

  // Per site.
  core::SiteBitmap lattice;   // planes kBlocked, kCops, kActives
  core::SiteMap active_slot;  // site of each active citizen -> its slot

  std::uint32_t site_count() const {
    return static_cast<std::uint32_t>(width) * static_cast<std::uint32_t>(height);
  }
  std::uint32_t slot_count() const { return static_cast<std::uint32_t>(id.size()); }
  int x_of(std::uint32_t s) const {
    return static_cast<int>(s % static_cast<std::uint32_t>(width));
  }
  int y_of(std::uint32_t s) const {
    return static_cast<int>(s / static_cast<std::uint32_t>(width));
  }
  std::uint32_t site_at(int x, int y) const {
    return static_cast<std::uint32_t>(y) * static_cast<std::uint32_t>(width) +
           static_cast<std::uint32_t>(x);
  }
};

// Bytes of state per agent and per site, for the memory pre-flight check and reports:
// the seven slot arrays (22 B), the shuffle plan (bucket and within-bucket index, 6 B), the
// packed record each agent is staged in while the slots are permuted (20 B free, 24 B dormant),
// and the active map's share (an 8-byte entry at most half full, counted for every agent as a
// bound).
inline constexpr std::size_t kBytesPerAgent =
    2 * sizeof(std::uint32_t) + 2 * sizeof(std::uint8_t) + 3 * sizeof(float)  // slot arrays
    + sizeof(std::uint16_t) + sizeof(std::uint32_t)                           // shuffle plan
    + 24                                                                      // staged record
    + 2 * sizeof(std::uint64_t);                                              // active map
inline constexpr double kBytesPerSite = 3.0 / 8.0;

}  // namespace unrest::epstein
