// `unrest list` and `unrest show`.
#include <gtest/gtest.h>

#include "e2e/cli_harness.hpp"

namespace unrest::e2e {
namespace {

TEST(List, ListsTheEpsteinRunsAndTheKazakhstanScenarios) {
  Sandbox box;
  const Result r = box.unrest({"list"});
  EXPECT_EQ(r.status, 0) << r;
  EXPECT_EQ(r.err, "");
  const std::vector<std::string> lines = lines_of(r.out);
  std::vector<std::string> names{"epstein-havens"};  // in name order
  for (int i = 1; i <= 7; ++i) names.push_back("epstein-run" + std::to_string(i));
  for (const char* n : {"epstein-run8", "epstein-run8-withdrawal"}) names.push_back(n);
  for (const char* n : {"", "-early-concessions", "-no-intervention", "-no-rollback",
                        "-no-shoot-order", "-no-shutdown", "-suppress"}) {
    names.push_back(std::string("kazakhstan-2022") + n);
  }
  ASSERT_EQ(lines.size(), names.size()) << r;
  for (std::size_t i = 0; i < names.size(); ++i) {
    EXPECT_EQ(lines[i].rfind(names[i] + " ", 0), 0u) << lines[i];
    EXPECT_GT(lines[i].size(), 36u + 5) << "a description follows the name: " << lines[i];
  }
}

TEST(Show, PrintsEverySectionAndTheSchedule) {
  Sandbox box;
  const Result r = box.unrest({"show", "epstein-run4"});
  EXPECT_EQ(r.status, 0) << r;
  EXPECT_EQ(r.err, "");
  for (const char* section : {"[scenario]", "[lattice]", "[citizens]", "[cops]", "[arrest]",
                              "[jail]", "[rules]", "[measures]", "[engine]"}) {
    EXPECT_NE(r.out.find(std::string("\n") + section + "\n"), std::string::npos) << section;
  }
  for (const char* line : {"name = \"epstein-run4\"", "legitimacy = 0.9", "density = 0.074",
                           "max_term = inf", "preset = \"paper\"", "width = 40"}) {
    EXPECT_NE(r.out.find(std::string("\n") + line + "\n"), std::string::npos) << line << r;
  }
  EXPECT_NE(r.out.find("legitimacy_schedule = [\n  { kind = \"step\", at = 77, value = 0.7 },\n]"),
            std::string::npos)
      << r.out;
  // Every parameter comes with its description and what it allows.
  EXPECT_NE(r.out.find("Allowed: a number in [0, 1]."), std::string::npos);
}

TEST(Show, AppliesSetAndSeed) {
  Sandbox box;
  const Result r =
      box.unrest({"show", "epstein-run4", "--set", "citizens.legitimacy=0.5", "--seed", "99"});
  EXPECT_EQ(r.status, 0) << r;
  EXPECT_NE(r.out.find("\nlegitimacy = 0.5\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\nseed = 99\n"), std::string::npos) << r.out;
}

TEST(Show, SavedOutputRunsLikeTheBuiltin) {
  Sandbox box;
  const Result shown = box.unrest({"show", "epstein-run4"});
  ASSERT_EQ(shown.status, 0) << shown;
  const fs::path file = box.root() / "run4-shown.toml";
  write_file(file, shown.out);

  // Showing the saved file gives the same effective scenario.
  const Result reshown = box.unrest({"show", file.string()});
  ASSERT_EQ(reshown.status, 0) << reshown;
  EXPECT_EQ(lines_of(reshown.out).size(), lines_of(shown.out).size());
  EXPECT_EQ(reshown.out.substr(reshown.out.find('\n')), shown.out.substr(shown.out.find('\n')))
      << "all but the first line (which names the source) are equal";

  const fs::path a = box.work() / "builtin";
  const fs::path b = box.work() / "from-file";
  for (const auto& [scenario, out] :
       {std::pair{std::string("epstein-run4"), a}, std::pair{file.string(), b}}) {
    const Result r = box.unrest(
        {"run", scenario, "--seed", "3", "--periods", "120", "--out", out.string(), "--quiet"});
    ASSERT_EQ(r.status, 0) << r;
  }
  // Only the comment line differs: it records the hash of a different scenario text.
  const std::string ta = read_file(a / "timeseries.csv");
  const std::string tb = read_file(b / "timeseries.csv");
  EXPECT_EQ(lines_of(without_comments(ta)).size(), 121u);
  EXPECT_EQ(without_comments(ta), without_comments(tb));
  EXPECT_EQ(without_comments(read_file(a / "outbursts.csv")),
            without_comments(read_file(b / "outbursts.csv")));
  EXPECT_NE(lines_of(tb).at(0).find(" scenario epstein-run4 "), std::string::npos) << tb;
}

}  // namespace
}  // namespace unrest::e2e
