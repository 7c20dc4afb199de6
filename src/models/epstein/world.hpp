// The state of a Model I world, as structure-of-arrays.
// Agents are indexed by a stable id (the RNG streams are keyed by it); the lattice is an
// occupant index per site plus three bitmaps (blocked, cop, active) that the rules count.
// Populations may change (cops added or withdrawn by schedule, later births and deaths in
// Model II): ids are never reused while an agent is alive, only withdrawn ones are recycled.
#pragma once

#include <cstdint>
#include <vector>

#include "core/site_bitmap.hpp"

namespace unrest::epstein {

enum class AgentKind : std::uint8_t { citizen, cop };
enum class Status : std::uint8_t { quiet, active, jailed, withdrawn };

inline constexpr std::uint32_t kNoAgent = UINT32_MAX;

struct JailedCitizen {
  std::uint32_t id = 0;
  double remaining = 0.0;  // periods left; +inf for life
};

struct World {
  int width = 0;
  int height = 0;

  // Per agent.
  std::vector<AgentKind> kind;
  std::vector<Status> status;
  std::vector<std::uint32_t> site;
  std::vector<float> hardship;       // H ~ U(0,1), citizens only
  std::vector<float> risk_aversion;  // R ~ U(0,1), citizens only

  // Per site.
  std::vector<std::uint32_t> occupant;  // the actor holding the site, or kNoAgent
  core::SiteBitmap blocked;             // no free actor may move here
  core::SiteBitmap cops;                // a cop on duty stands here
  core::SiteBitmap actives;             // an active citizen stands here

  std::vector<JailedCitizen> jailed;    // in order of arrest
  std::vector<std::uint32_t> withdrawn_cops;  // ids free for reuse, in order of withdrawal

  std::uint32_t site_count() const {
    return static_cast<std::uint32_t>(width) * static_cast<std::uint32_t>(height);
  }
  int x_of(std::uint32_t s) const { return static_cast<int>(s % static_cast<std::uint32_t>(width)); }
  int y_of(std::uint32_t s) const { return static_cast<int>(s / static_cast<std::uint32_t>(width)); }
  std::uint32_t site_at(int x, int y) const {
    return static_cast<std::uint32_t>(y) * static_cast<std::uint32_t>(width) +
           static_cast<std::uint32_t>(x);
  }
  std::uint32_t agent_count() const { return static_cast<std::uint32_t>(kind.size()); }
};

// Bytes of state per agent (kind, status, site, H, R, plus the scheduler's order and scratch
// ids) and per site (occupant index and three bitmaps), for memory estimates and reports.
inline constexpr std::size_t kBytesPerAgent =
    2 * sizeof(std::uint8_t) + sizeof(std::uint32_t) + 2 * sizeof(float) + 2 * sizeof(std::uint32_t);
inline constexpr double kBytesPerSite = sizeof(std::uint32_t) + 3.0 / 8.0;

}  // namespace unrest::epstein
