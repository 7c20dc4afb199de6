#include "report/report_html.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "io/atomic_file.hpp"

namespace unrest::report {
namespace {

namespace fs = std::filesystem;

class ReportHtml : public ::testing::Test {
 protected:
  void SetUp() override {
    assets_ = fs::temp_directory_path() / ("unrest-report-html-" + std::to_string(::getpid()));
    fs::create_directories(assets_);
  }
  void TearDown() override { fs::remove_all(assets_); }
  fs::path assets_;
};

TEST_F(ReportHtml, InlinesScriptStyleAndDataSoThatNoneClosesItsElementEarly) {
  io::write_file_atomically(assets_ / "report.js", "var s = \"</script>\"; draw();");
  io::write_file_atomically(assets_ / "report.css", "body { color: red } /* </style> */");
  const nlohmann::ordered_json data = {{"title", "a <b> & c"}, {"note", "</script><script>x"}};
  const std::string html = report_html(data, assets_);
  EXPECT_EQ(html.rfind("<!doctype html>", 0), 0u);
  EXPECT_NE(html.find("<title>a &lt;b&gt; &amp; c — unrest report</title>"), std::string::npos);
  EXPECT_NE(html.find("var s = \"<\\/script>\"; draw();"), std::string::npos);
  EXPECT_NE(html.find("/* <\\/style> */"), std::string::npos);
  EXPECT_NE(html.find("\"<\\/script><script>x\""), std::string::npos);
  // Exactly the three elements the page is made of, each closed once.
  const auto count = [&](const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = html.find(what); at != std::string::npos; at = html.find(what, at + 1))
      ++n;
    return n;
  };
  EXPECT_EQ(count("</script>"), 2u);
  EXPECT_EQ(count("</style>"), 1u);
  EXPECT_EQ(count("src="), 0u) << "nothing is fetched";
}

TEST_F(ReportHtml, MissingAssetsNameTheFileAndHowToBuildIt) {
  try {
    report_html({{"title", "x"}}, assets_ / "nowhere");
    ADD_FAILURE() << "no assets, yet a page";
  } catch (const io::OutputError& e) {
    EXPECT_NE(std::string(e.what()).find("report.js"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("UNREST_WEB"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace unrest::report
