#include "io/atomic_file.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace unrest::io {
namespace {

namespace fs = std::filesystem;

class AtomicFile : public testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        fs::temp_directory_path() / ("unrest-io-test-" + std::to_string(::getpid()) + "-" +
                                     testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  static std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }
  std::vector<std::string> entries() const {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir_)) out.push_back(e.path().filename().string());
    return out;
  }

  fs::path dir_;
};

TEST_F(AtomicFile, WritesTheWholeContentAndLeavesNoTemporary) {
  std::string big(3'000'000, 'x');
  big[0] = '\0';
  big[1234567] = '\n';
  write_file_atomically(dir_ / "big.bin", big);
  EXPECT_EQ(read(dir_ / "big.bin"), big);
  EXPECT_EQ(entries(), std::vector<std::string>{"big.bin"});
}

TEST_F(AtomicFile, ReplacesAnExistingFile) {
  write_file_atomically(dir_ / "a.txt", "first version, longer\n");
  write_file_atomically(dir_ / "a.txt", "second\n");
  EXPECT_EQ(read(dir_ / "a.txt"), "second\n");
  write_file_atomically(dir_ / "a.txt", "");
  EXPECT_EQ(read(dir_ / "a.txt"), "");
  EXPECT_TRUE(fs::exists(dir_ / "a.txt"));
  EXPECT_EQ(entries(), std::vector<std::string>{"a.txt"});
}

TEST_F(AtomicFile, MissingDirectoryIsAnOutputErrorAndLeavesNothing) {
  EXPECT_THROW(write_file_atomically(dir_ / "no" / "such" / "dir.txt", "x"), OutputError);
  EXPECT_TRUE(entries().empty());
}

TEST_F(AtomicFile, TargetThatIsADirectoryIsRefusedAndTheTemporaryRemoved) {
  fs::create_directory(dir_ / "taken");
  fs::create_directory(dir_ / "taken" / "inside");
  EXPECT_THROW(write_file_atomically(dir_ / "taken", "x"), OutputError);
  EXPECT_EQ(entries(), std::vector<std::string>{"taken"});
}

TEST_F(AtomicFile, PrepareCreatesNestedDirectories) {
  const fs::path out = dir_ / "a" / "b" / "c";
  prepare_output_directory(out, false);
  EXPECT_TRUE(fs::is_directory(out));
  prepare_output_directory(out, false);  // existing and empty: fine
  EXPECT_TRUE(fs::is_empty(out));
}

TEST_F(AtomicFile, PrepareRefusesANonEmptyDirectoryUnlessForced) {
  const fs::path out = dir_ / "run";
  fs::create_directory(out);
  write_file_atomically(out / "summary.json", "{}");
  try {
    prepare_output_directory(out, false);
    ADD_FAILURE() << "no error";
  } catch (const OutputError& e) {
    EXPECT_NE(std::string(e.what()).find("not empty"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find(out.string()), std::string::npos) << e.what();
  }
  EXPECT_NO_THROW(prepare_output_directory(out, true));
  EXPECT_TRUE(fs::exists(out / "summary.json")) << "force does not delete anything by itself";
}

TEST_F(AtomicFile, PrepareRefusesAFileEvenWhenForced) {
  const fs::path file = dir_ / "plain";
  write_file_atomically(file, "x");
  EXPECT_THROW(prepare_output_directory(file, false), OutputError);
  try {
    prepare_output_directory(file, true);
    ADD_FAILURE() << "no error";
  } catch (const OutputError& e) {
    EXPECT_NE(std::string(e.what()).find("not a directory"), std::string::npos) << e.what();
  }
  EXPECT_EQ(read(file), "x");
}

TEST_F(AtomicFile, PrepareBelowAFileFails) {
  write_file_atomically(dir_ / "plain", "x");
  EXPECT_THROW(prepare_output_directory(dir_ / "plain" / "sub", false), OutputError);
}

}  // namespace
}  // namespace unrest::io
