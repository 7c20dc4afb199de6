// Parameters of Epstein's Model II (inter-group violence and peacekeepers) beyond Model I's:
// the two groups, killing, cloning, ageing and where released agents reappear. Everything
// Model I has (lattice, densities, visions, T, L(t), k, J_max, cop-density schedule) is read
// from ModelIParams unchanged; the scenario layer validates both. docs/models.md, "Model II".
#pragma once

#include <cstdint>

namespace unrest::epstein {

enum class ModelKind : std::uint8_t { one, two };
// The offspring's risk aversion: a fresh U(0, 1) draw (the spec) or the parent's.
enum class OffspringRisk : std::uint8_t { fresh, inherit };
// Where a released agent reappears: a uniformly chosen empty site (as Model I's paper jail
// mode), or its last site (if taken: an empty site in view of it, else anywhere).
enum class ReleaseSite : std::uint8_t { random_empty, last_site };

enum class Group : std::uint8_t { blue = 0, green = 1 };

struct ModelIIParams {
  double blue_share = 0.5;         // each initial citizen is Blue with this probability
  bool idle_killer_active = true;  // an agent that goes active with no victim in view stays active
  double reproduction = 0.05;      // chance per period that a free agent clones
  OffspringRisk offspring_risk = OffspringRisk::fresh;
  double max_age = 200.0;  // death age ~ U(0, max_age) periods
  ReleaseSite release = ReleaseSite::random_empty;
};

}  // namespace unrest::epstein
