// Parameters of Epstein's Model I (citizens and cops), as the model code sees them: plain
// values and enums, already validated by the scenario layer. Every "detail on which
// implementations differ" of the spec is one enum here; presets.hpp sets them together.
#pragma once

#include <cstdint>
#include <limits>

#include "core/neighbourhood.hpp"
#include "core/schedule.hpp"

namespace unrest::epstein {

// How the cop-to-active ratio enters the arrest probability.
enum class ArrestRatio : std::uint8_t { literal, floor, round_half_even };
// Whether an active citizen's own site adds to A a second time (NetLogo) or not.
enum class ActiveSelfCount : std::uint8_t { once, twice_when_active };
enum class ActivationOrder : std::uint8_t { move_then_act, act_then_move };
// Where jailed citizens are: off the lattice (paper), on their site but invisible and not
// blocking (NetLogo), or on their site and blocking it (Mesa).
enum class JailMode : std::uint8_t { off_lattice, stay_invisible, stay_blocking };
// Jail term: U(0, J_max) real (paper), integer 0..J_max-1 (NetLogo) or 0..J_max (Mesa).
enum class JailTerm : std::uint8_t { continuous, integer_below_max, integer_up_to_max };
// Initial placement: exact counts, cops first (paper, NetLogo) or an independent draw per site
// (Mesa).
enum class Placement : std::uint8_t { exact_counts, per_site };

struct ModelIParams {
  int width = 40;
  int height = 40;

  double citizen_density = 0.7;
  double citizen_vision = 7.0;
  bool citizens_move = true;
  double threshold = 0.1;           // T
  core::Schedule legitimacy{0.82};  // L(t)

  core::Schedule cop_density{0.04};
  double cop_vision = 7.0;
  bool cops_move = true;

  double arrest_constant = 2.3;  // k
  double max_jail_term = 30.0;   // J_max; may be +infinity

  core::VisionShape vision_shape = core::VisionShape::disk;
  ArrestRatio arrest_ratio = ArrestRatio::floor;
  ActiveSelfCount self_count = ActiveSelfCount::once;
  ActivationOrder order = ActivationOrder::move_then_act;
  JailMode jail_mode = JailMode::off_lattice;
  JailTerm jail_term = JailTerm::continuous;
  Placement placement = Placement::exact_counts;
};

inline constexpr double kInfiniteJail = std::numeric_limits<double>::infinity();

}  // namespace unrest::epstein
