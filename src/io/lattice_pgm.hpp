// The lattice's screens as binary PGM images (Netpbm P5), one byte a pixel, so that any image
// tool opens them: the action screen with maxval 3 (palette indexes: 0 empty, 1 quiet,
// 2 active, 3 cop) and the grievance screen with maxval 255 (0..254 = G × 254, 255 no citizen).
// A comment line in the header records the version, scenario, its SHA-256, seed and period.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace unrest::io {

struct GreyImage {
  int width = 0;
  int height = 0;
  int maxval = 255;
  std::vector<std::uint8_t> pixels;  // row-major
};

std::string pgm_text(const GreyImage& image, const std::string& comment);

// Reads a P5 image with maxval <= 255; throws io::OutputError naming the file and what was
// wrong with it (a report reads these back).
GreyImage read_pgm(const std::filesystem::path& path);

}  // namespace unrest::io
