#include "io/lattice_pgm.hpp"

#include <fmt/format.h>

#include <cctype>
#include <fstream>
#include <iterator>

#include "io/atomic_file.hpp"

namespace unrest::io {
namespace {

// Reads the header's next number, skipping white space and comment lines.
int header_number(const std::string& text, std::size_t& at, const std::filesystem::path& path,
                  const char* what) {
  while (at < text.size()) {
    if (text[at] == '#') {
      while (at < text.size() && text[at] != '\n') ++at;
    } else if (std::isspace(static_cast<unsigned char>(text[at]))) {
      ++at;
    } else {
      break;
    }
  }
  long value = 0;
  const std::size_t start = at;
  while (at < text.size() && std::isdigit(static_cast<unsigned char>(text[at])) && at - start < 6) {
    value = value * 10 + (text[at] - '0');
    ++at;
  }
  if (at == start || value <= 0) {
    throw OutputError(fmt::format("{}: expected a PGM image (P5) with a positive {} in its header",
                                  path.string(), what));
  }
  return static_cast<int>(value);
}

}  // namespace

std::string pgm_text(const GreyImage& image, const std::string& comment) {
  std::string out =
      fmt::format("P5\n# {}\n{} {}\n{}\n", comment, image.width, image.height, image.maxval);
  out.append(image.pixels.begin(), image.pixels.end());
  return out;
}

GreyImage read_pgm(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw OutputError(fmt::format("{}: cannot read the image", path.string()));
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (text.rfind("P5", 0) != 0) {
    throw OutputError(
        fmt::format("{}: expected a PGM image (P5), got another format", path.string()));
  }
  std::size_t at = 2;
  GreyImage image;
  image.width = header_number(text, at, path, "width");
  image.height = header_number(text, at, path, "height");
  image.maxval = header_number(text, at, path, "maxval");
  if (image.maxval > 255) {
    throw OutputError(fmt::format("{}: expected one byte a pixel (maxval <= 255), got maxval {}",
                                  path.string(), image.maxval));
  }
  const std::size_t pixels = static_cast<std::size_t>(image.width) * image.height;
  ++at;  // the single white-space character before the pixels
  if (text.size() < at || text.size() - at != pixels) {
    throw OutputError(fmt::format("{}: expected {} × {} = {} pixels, got {} bytes", path.string(),
                                  image.width, image.height, pixels,
                                  text.size() < at ? 0 : text.size() - at));
  }
  image.pixels.assign(text.begin() + static_cast<std::ptrdiff_t>(at), text.end());
  return image;
}

}  // namespace unrest::io
