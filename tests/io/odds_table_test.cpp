#include "io/odds_table.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace unrest::io {
namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::size_t fields(const std::string& line) {
  std::size_t n = 1;
  bool quoted = false;
  for (char c : line) {
    if (c == '"') quoted = !quoted;
    if (c == ',' && !quoted) ++n;
  }
  return n;
}

ensemble::ScenarioOdds odds(const std::string& name) {
  ensemble::ScenarioOdds o;
  o.scenario = name;
  o.runs = 20;
  o.stands = 19;
  o.falls = 1;
  o.stands_interval = core::wilson_interval(19, 20);
  o.detained = {14000, 12775, 14250.5};
  o.attitude = {0.347, 0.312, 0.35};
  return o;
}

TEST(OddsTable, CsvHasAFieldForEveryColumnAndQuotesNames) {
  const auto lines = lines_of(odds_csv({odds("base"), odds("a, b")}, "unrest test"));
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0], "# unrest test");
  EXPECT_EQ(fields(lines[1]), 26u);  // 8 + 6 measures x (median, q1, q3)
  EXPECT_EQ(fields(lines[2]), fields(lines[1]));
  EXPECT_EQ(lines[2].rfind("base,20,19,0,1,0.95,", 0), 0u) << lines[2];
  EXPECT_EQ(lines[3].rfind("\"a, b\",20,", 0), 0u) << lines[3];
  EXPECT_NE(lines[2].find(",14000,12775,14250.5,"), std::string::npos) << lines[2];
}

TEST(OddsTable, MarkdownRowShowsOddsWithTheirInterval) {
  const std::string md = odds_markdown({odds("base")});
  EXPECT_NE(md.find("| base | 20 | 0.95 (0.76–0.99) | 0 / 1 |"), std::string::npos) << md;
  EXPECT_NE(md.find("| 14000 (12775–14250) |"), std::string::npos) << md;  // whole people
  EXPECT_NE(md.find("| 0.347 (0.312–0.35) |"), std::string::npos) << md;
}

}  // namespace
}  // namespace unrest::io
