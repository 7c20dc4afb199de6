// The lattice as a picture: the paper's two screens, downsampled to at most `max_side` pixels a
// side, for reports and the live viewer. Pure functions of the state; no I/O.
//
// Action screen, one palette index per pixel: empty, quiet (blue in the paper), active (red),
// cop (black). Jailed citizens are hidden, as in the paper. A pixel covering several sites
// shows the most common occupant among them; ties go to active, then cop, then quiet, so that
// a block with as many actives as quiet citizens reads as active.
// Grievance screen: the mean grievance G = H(1 - L) of the free citizens in the pixel, as
// 0..254 (G × 254, rounded), or kNoCitizen where there are none.
#pragma once

#include <cstdint>
#include <vector>

#include "models/epstein/lattice_world.hpp"
#include "models/epstein/world.hpp"

namespace unrest::epstein {

enum class Pixel : std::uint8_t { empty = 0, quiet = 1, active = 2, cop = 3 };
inline constexpr std::uint8_t kNoCitizen = 255;

struct LatticeImage {
  int width = 0;  // pixels
  int height = 0;
  int block = 1;                        // sites per pixel side
  std::vector<std::uint8_t> action;     // Pixel values, row-major
  std::vector<std::uint8_t> grievance;  // 0..254, or kNoCitizen
};

// The side of the square block of sites one pixel covers: the least b with
// ceil(width / b) and ceil(height / b) both at most max_side (max_side >= 1).
int image_block(int width, int height, int max_side);

// From the reference scheduler's world (slot-major) and from the parallel one's (site-major).
LatticeImage lattice_image(const World& world, double legitimacy, int max_side);
LatticeImage lattice_image(const LatticeWorld& world, double legitimacy, int max_side);

}  // namespace unrest::epstein
