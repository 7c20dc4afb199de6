#include "serve/static_files.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace unrest::serve {
namespace {

namespace fs = std::filesystem;

// An asset directory with index.html, a script and a subdirectory, next to a secret that no
// request may reach.
class StaticFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = fs::temp_directory_path() /
            ("unrest-static-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(base_);
    root_ = base_ / "viewer";
    fs::create_directories(root_ / "sub");
    write(root_ / "index.html", "<html></html>");
    write(root_ / "viewer.js", "1;");
    write(root_ / "sub" / "index.html", "sub");
    write(root_ / ".hidden", "dot");
    write(base_ / "secret.txt", "secret");
  }
  void TearDown() override { fs::remove_all(base_); }

  static void write(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
  }
  std::optional<StaticFile> get(std::string_view target) const {
    return resolve_static(root_, target);
  }
  fs::path canonical(const fs::path& p) const { return fs::weakly_canonical(p); }

  fs::path base_;
  fs::path root_;
};

TEST_F(StaticFiles, RootAndDirectoriesMapToIndexHtml) {
  ASSERT_TRUE(get("/"));
  EXPECT_EQ(get("/")->path, canonical(root_ / "index.html"));
  EXPECT_EQ(get("/")->content_type, "text/html; charset=utf-8");
  ASSERT_TRUE(get("/sub/"));
  EXPECT_EQ(get("/sub/")->path, canonical(root_ / "sub" / "index.html"));
  ASSERT_TRUE(get("/sub"));
  EXPECT_EQ(get("/sub")->path, canonical(root_ / "sub" / "index.html"));
}

TEST_F(StaticFiles, FilesWithQueryAndEncodedNames) {
  ASSERT_TRUE(get("/viewer.js?v=3"));
  EXPECT_EQ(get("/viewer.js?v=3")->path, canonical(root_ / "viewer.js"));
  EXPECT_EQ(get("/viewer.js")->content_type, "text/javascript; charset=utf-8");
  ASSERT_TRUE(get("/viewer%2ejs"));
  EXPECT_EQ(get("/viewer%2ejs")->path, canonical(root_ / "viewer.js"));
  EXPECT_FALSE(get("/missing.js"));
}

TEST_F(StaticFiles, TraversalIsRefused) {
  for (const char* target : {"/../secret.txt",
                             "/..",
                             "/sub/../../secret.txt",
                             "/%2e%2e/secret.txt",
                             "/%2E%2E/secret.txt",
                             "/..%2fsecret.txt",
                             "/..%2Fsecret.txt",
                             "/sub/..%2f..%2fsecret.txt",
                             "/..%5csecret.txt",
                             "/..\\secret.txt",
                             "/sub\\..\\..\\secret.txt",
                             "//etc/passwd",
                             "/%2fetc/passwd",
                             "/%2e%2e/%2e%2e/etc/passwd",
                             "/.%2e/secret.txt",
                             "/./index.html",
                             "/index.html%00.png",
                             "/%00",
                             "/.hidden",
                             "/sub//index.html",
                             "../secret.txt",
                             "secret.txt",
                             "",
                             "*",
                             "http://example.com/index.html",
                             "/%",
                             "/%2",
                             "/%zz",
                             "/%2g"}) {
    EXPECT_FALSE(get(target)) << target;
  }
}

TEST_F(StaticFiles, SymbolicLinkOutOfTheDirectoryIsRefused) {
  std::error_code error;
  fs::create_symlink(base_ / "secret.txt", root_ / "link.txt", error);
  if (error) GTEST_SKIP() << "cannot create a symbolic link here";
  EXPECT_FALSE(get("/link.txt"));
  fs::create_directory_symlink(base_, root_ / "up", error);
  ASSERT_FALSE(error);
  EXPECT_FALSE(get("/up/secret.txt"));
}

TEST(StaticContentTypes, ByExtension) {
  EXPECT_EQ(content_type_of("a.html"), "text/html; charset=utf-8");
  EXPECT_EQ(content_type_of("a.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(content_type_of("a.css"), "text/css; charset=utf-8");
  EXPECT_EQ(content_type_of("a.png"), "image/png");
  EXPECT_EQ(content_type_of("a.svg"), "image/svg+xml");
  EXPECT_EQ(content_type_of("a.json"), "application/json");
  EXPECT_EQ(content_type_of("a.bin"), "application/octet-stream");
}

TEST(StaticPercentDecode, DecodesAndRejectsMalformed) {
  EXPECT_EQ(percent_decode("a%20b%2F%2e"), "a b/.");
  EXPECT_EQ(percent_decode("plain+text"), "plain+text");
  EXPECT_FALSE(percent_decode("%"));
  EXPECT_FALSE(percent_decode("%4"));
  EXPECT_FALSE(percent_decode("%x1"));
}

}  // namespace
}  // namespace unrest::serve
