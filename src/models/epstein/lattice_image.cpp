#include "models/epstein/lattice_image.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace unrest::epstein {
namespace {

// Per pixel: how many quiet citizens, actives and cops, and the grievance of the citizens.
class PixelTally {
 public:
  PixelTally(int width, int height, int max_side)
      : lattice_width_(width), block_(image_block(width, height, max_side)) {
    image_.block = block_;
    image_.width = (width + block_ - 1) / block_;
    image_.height = (height + block_ - 1) / block_;
    const auto pixels = static_cast<std::size_t>(image_.width) * image_.height;
    counts_.assign(pixels, {0, 0, 0});
    grievance_.assign(pixels, 0.0);
  }

  void add(std::uint32_t site, Pixel what, double grievance) {
    const auto w = static_cast<std::uint32_t>(lattice_width_);
    const auto x = static_cast<int>(site % w) / block_;
    const auto y = static_cast<int>(site / w) / block_;
    add_at(static_cast<std::size_t>(y) * image_.width + x, what, grievance);
  }
  // The same for the pixel `p` (row-major), when the caller walks the lattice row by row.
  void add_at(std::size_t p, Pixel what, double grievance) {
    ++counts_[p][static_cast<std::size_t>(what) - 1];
    if (what != Pixel::cop) grievance_[p] += grievance;
  }
  int block() const { return block_; }
  int image_width() const { return image_.width; }

  LatticeImage finish() {
    const std::size_t pixels = counts_.size();
    image_.action.resize(pixels);
    image_.grievance.resize(pixels);
    for (std::size_t p = 0; p < pixels; ++p) {
      const auto [quiet, active, cops] = counts_[p];
      Pixel shown = Pixel::empty;
      if (active > 0 && active >= quiet && active >= cops) {
        shown = Pixel::active;
      } else if (cops > 0 && cops >= quiet) {
        shown = Pixel::cop;
      } else if (quiet > 0) {
        shown = Pixel::quiet;
      }
      image_.action[p] = static_cast<std::uint8_t>(shown);
      const std::uint32_t citizens = quiet + active;
      image_.grievance[p] =
          citizens == 0 ? kNoCitizen
                        : static_cast<std::uint8_t>(
                              std::lround(std::clamp(grievance_[p] / citizens, 0.0, 1.0) * 254.0));
    }
    return std::move(image_);
  }

 private:
  int lattice_width_;
  int block_;
  LatticeImage image_;
  std::vector<std::array<std::uint32_t, 3>> counts_;  // quiet, active, cop
  std::vector<double> grievance_;                     // summed over free citizens
};

}  // namespace

int image_block(int width, int height, int max_side) {
  const int side = std::max(width, height);
  const int limit = std::max(max_side, 1);
  return std::max(1, (side + limit - 1) / limit);
}

LatticeImage lattice_image(const World& world, double legitimacy, int max_side) {
  PixelTally tally(world.width, world.height, max_side);
  for (std::uint32_t slot = 0; slot < world.slot_count(); ++slot) {
    const Status status = world.status[slot];
    if (status == Status::jailed || status == Status::withdrawn) continue;
    if (world.kind[slot] == AgentKind::cop) {
      tally.add(world.site[slot], Pixel::cop, 0.0);
    } else {
      tally.add(world.site[slot], status == Status::active ? Pixel::active : Pixel::quiet,
                world.hardship[slot] * (1.0 - legitimacy));
    }
  }
  return tally.finish();
}

// Row by row, with each column's pixel worked out once: the live viewer pictures a large
// lattice every period, and a division per site would cost as much as the rest.
LatticeImage lattice_image(const LatticeWorld& world, double legitimacy, int max_side) {
  PixelTally tally(world.width, world.height, max_side);
  std::vector<std::uint32_t> column_pixel(static_cast<std::size_t>(world.width));
  for (int x = 0; x < world.width; ++x) {
    column_pixel[static_cast<std::size_t>(x)] = static_cast<std::uint32_t>(x / tally.block());
  }
  const double weight = 1.0 - legitimacy;
  std::uint32_t site = 0;
  for (int y = 0; y < world.height; ++y) {
    const std::size_t row =
        static_cast<std::size_t>(y / tally.block()) * static_cast<std::size_t>(tally.image_width());
    for (int x = 0; x < world.width; ++x, ++site) {
      const std::size_t p = row + column_pixel[static_cast<std::size_t>(x)];
      switch (world.occupant[site]) {
        case Occupant::quiet:
          tally.add_at(p, Pixel::quiet, world.hardship[site] * weight);
          break;
        case Occupant::active:
          tally.add_at(p, Pixel::active, world.hardship[site] * weight);
          break;
        case Occupant::cop:
          tally.add_at(p, Pixel::cop, 0.0);
          break;
        case Occupant::empty:
        case Occupant::jailed:
          break;
      }
    }
  }
  return tally.finish();
}

}  // namespace unrest::epstein
