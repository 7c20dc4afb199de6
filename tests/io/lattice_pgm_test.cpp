#include "io/lattice_pgm.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "io/atomic_file.hpp"

namespace unrest::io {
namespace {

namespace fs = std::filesystem;

class LatticePgm : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("unrest-pgm-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path write(const std::string& name, const std::string& content) {
    write_file_atomically(dir_ / name, content);
    return dir_ / name;
  }
  fs::path dir_;
};

TEST_F(LatticePgm, RoundTripsWithTheCommentInTheHeader) {
  const GreyImage image{3, 2, 3, {0, 1, 2, 3, 2, 1}};
  const std::string text = pgm_text(image, "unrest 0.1.0 seed 7 period 50 screen action");
  EXPECT_EQ(text.rfind("P5\n# unrest 0.1.0 seed 7 period 50 screen action\n3 2\n3\n", 0), 0u);
  const GreyImage back = read_pgm(write("a.pgm", text));
  EXPECT_EQ(back.width, 3);
  EXPECT_EQ(back.height, 2);
  EXPECT_EQ(back.maxval, 3);
  EXPECT_EQ(back.pixels, image.pixels);
}

TEST_F(LatticePgm, ABodyThatIsNotAllWhiteSpaceStillReads) {
  // Pixel values 10 and 32 (a space) must not be taken for header white space.
  const GreyImage image{2, 1, 255, {10, 32}};
  EXPECT_EQ(read_pgm(write("b.pgm", pgm_text(image, "x"))).pixels, image.pixels);
}

TEST_F(LatticePgm, DamagedFilesAreRefusedNamingTheFile) {
  const auto message = [&](const std::string& content) {
    const fs::path path = write("bad.pgm", content);
    try {
      read_pgm(path);
    } catch (const OutputError& e) {
      EXPECT_NE(std::string(e.what()).find(path.string()), std::string::npos) << e.what();
      return std::string(e.what());
    }
    ADD_FAILURE() << "accepted: " << content;
    return std::string();
  };
  EXPECT_NE(message("P6\n1 1\n255\nabc").find("P5"), std::string::npos);
  EXPECT_NE(message("P5\n# c\nx 1\n255\n\x01").find("width"), std::string::npos);
  EXPECT_NE(message("P5\n2 2\n255\n\x01\x02").find("4 pixels"), std::string::npos);
  EXPECT_NE(message("P5\n1 1\n65535\n\x01\x02").find("maxval"), std::string::npos);
  EXPECT_NE(message("").find("P5"), std::string::npos);
  EXPECT_THROW(read_pgm(dir_ / "missing.pgm"), OutputError);
}

}  // namespace
}  // namespace unrest::io
