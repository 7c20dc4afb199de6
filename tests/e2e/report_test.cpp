// `unrest report`: one offline HTML file from a run's directory or a results store; bad input.
// (The page itself is tested in a real browser: tests/web/report.test.mjs.)
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "e2e/cli_harness.hpp"

namespace unrest::e2e {
namespace {

const fs::path kCountry = kData / "country";

Result run_ok(const Sandbox& box, const std::vector<std::string>& args) {
  Result r = box.unrest(args);
  EXPECT_EQ(r.status, 0) << r;
  return r;
}

// The data the page is drawn from, as inlined.
std::string inlined_data(const std::string& html) {
  const std::string open = "<script type=\"application/json\" id=\"unrest-data\">";
  const std::size_t start = html.find(open);
  if (start == std::string::npos) return "";
  const std::size_t end = html.find("</script>", start);
  return html.substr(start + open.size(), end - start - open.size());
}

void expect_self_contained(const std::string& html) {
  EXPECT_EQ(html.rfind("<!doctype html>", 0), 0u);
  for (const char* fetch : {"<script src", "<link", "@import", "<iframe", "<img src"}) {
    EXPECT_EQ(html.find(fetch), std::string::npos) << fetch;
  }
}

TEST(Report, CountryRunDirectoryGivesOneSelfContainedPage) {
  Sandbox box;
  const fs::path out = box.work() / "run";
  run_ok(box, {"run", (kCountry / "mapped.toml").string(), "--out", out.string(), "--quiet"});
  EXPECT_TRUE(fs::exists(out / "map.geojson"));
  const Result r = run_ok(box, {"report", out.string()});
  EXPECT_EQ(r.out, (out / "report.html").string() + "\n");
  const std::string html = read_file(out / "report.html");
  expect_self_contained(html);
  const nlohmann::json data = nlohmann::json::parse(inlined_data(html));
  EXPECT_EQ(data["kind"], "country-run");
  EXPECT_EQ(data["map"]["features"].size(), 3u);
  EXPECT_EQ(data["times"].size(), 48u);
}

TEST(Report, EpsteinRunDirectoryCarriesTheChosenSnapshots) {
  Sandbox box;
  const fs::path out = box.work() / "run";
  run_ok(box, {"run", "epstein-run2", "--periods", "60", "--snapshots", "60,10", "--out",
               out.string(), "--quiet"});
  EXPECT_TRUE(fs::exists(out / "lattice-000010-action.pgm"));
  EXPECT_TRUE(fs::exists(out / "lattice-000060-grievance.pgm"));
  run_ok(box, {"report", out.string(), "--out", (box.work() / "e.html").string()});
  const nlohmann::json data = nlohmann::json::parse(inlined_data(read_file(box.work() / "e.html")));
  EXPECT_EQ(data["kind"], "epstein-run");
  ASSERT_EQ(data["snapshots"].size(), 2u);
  EXPECT_EQ(data["snapshots"][0]["period"], 10);
  EXPECT_EQ(data["snapshots"][1]["period"], 60);
}

TEST(Report, StoreGivesTheOddsTableNextToTheStore) {
  Sandbox box;
  const fs::path store = box.work() / "c.db";
  run_ok(box, {"compare", (kCountry / "mapped.toml").string(), (kCountry / "child.toml").string(),
               "--runs", "2", "--out", store.string(), "--quiet"});
  const Result r = run_ok(box, {"report", store.string()});
  EXPECT_EQ(r.out, (box.work() / "c.html").string() + "\n");
  const std::string html = read_file(box.work() / "c.html");
  expect_self_contained(html);
  const nlohmann::json data = nlohmann::json::parse(inlined_data(html));
  EXPECT_EQ(data["kind"], "compare");
  EXPECT_EQ(data["scenarios"].size(), 2u);
  EXPECT_EQ(data["odds"]["rows"].size(), 2u);
}

TEST(Report, BadInputIsRefusedAndWritesNothing) {
  Sandbox box;
  const fs::path run = box.work() / "run";
  run_ok(box, {"run", "epstein-run1", "--periods", "10", "--out", run.string(), "--quiet"});
  write_file(box.work() / "notes.txt", "not a store\n");
  write_file(box.work() / "taken.html", "mine\n");
  fs::create_directories(box.work() / "empty");
  struct Case {
    std::vector<std::string> args;
    std::string expected;
  };
  const std::vector<Case> cases{
      {{"report", "missing"}, "missing: expected a run's output directory or a results store"},
      {{"report", "empty"}, "empty: expected a run's output directory"},
      {{"report", "notes.txt"}, "notes.txt"},
      {{"report", "run", "--out", "taken.html"}, "--out: taken.html exists"},
      {{"report", "run", "--assets", "nowhere"}, "nowhere/report.js"},
      {{"run", "epstein-run1", "--periods", "10", "--snapshots", "0", "--out", "x"},
       "--snapshots: expected auto, none or periods from 1 to 10"},
      {{"run", "epstein-run1", "--periods", "10", "--snapshots", "5,11", "--out", "x"}, "got '11'"},
      {{"run", "epstein-run1", "--periods", "10", "--snapshots", "5,,6", "--out", "x"}, "got ''"},
  };
  for (const Case& c : cases) {
    const Result r = box.unrest(c.args);
    EXPECT_EQ(r.status, 2) << r;
    EXPECT_NE(r.err.find(c.expected), std::string::npos) << r;
  }
  EXPECT_EQ(read_file(box.work() / "taken.html"), "mine\n");
  EXPECT_FALSE(fs::exists(run / "report.html"));
  EXPECT_FALSE(fs::exists(box.work() / "x"));
}

}  // namespace
}  // namespace unrest::e2e
