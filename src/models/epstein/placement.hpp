// The initial population of Model I, shared by both schedulers so that a seed starts them
// from the same world: which sites hold a cop or a citizen, in id order, and each citizen's
// hardship and risk aversion.
#pragma once

#include <cstdint>
#include <functional>

#include "models/epstein/params.hpp"
#include "models/epstein/world.hpp"

namespace unrest::epstein {

// Calls place(site, kind) for each initial agent; the n-th call is the agent with id n.
void place_initial_agents(const ModelIParams& params, std::uint64_t seed, std::uint32_t sites,
                          const std::function<void(std::uint32_t, AgentKind)>& place);

// Agent count for a density on `sites` sites, as placement and cop schedules round it.
std::uint64_t count_for_density(double density, std::uint32_t sites);

struct CitizenAttributes {
  float hardship = 0.0f;       // H ~ U(0, 1)
  float risk_aversion = 0.0f;  // R ~ U(0, 1)
};
CitizenAttributes citizen_attributes(std::uint64_t seed, std::uint32_t id);

}  // namespace unrest::epstein
