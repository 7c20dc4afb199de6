// `unrest run` on Model II scenarios: both schedulers, the extra time-series columns and
// summary.json's `model2`; Model I's time series keeps its columns.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "e2e/cli_harness.hpp"

namespace unrest::e2e {
namespace {

constexpr const char* kModel2Header =
    "period,quiet,active,jailed,cops,tension,legitimacy,blue,green,blue_jailed,green_jailed,kills,"
    "births,deaths";

TEST(Model2Run, GenocideRunWritesGroupCountsAndTheOutcome) {
  for (const char* scheduler : {"reference", "parallel"}) {
    Sandbox box;
    const fs::path out = box.work() / "out";
    const Result r = box.unrest({"run", "epstein-run7", "--periods", "400", "--scheduler",
                                 scheduler, "--threads", "2", "--quiet", "--out", out.string()});
    ASSERT_EQ(r.status, 0) << r;
    const std::vector<std::string> lines = lines_of(read_file(out / "timeseries.csv"));
    ASSERT_EQ(lines.size(), 2u + 400u);
    EXPECT_EQ(lines[1], kModel2Header) << scheduler;
    const nlohmann::json s = nlohmann::json::parse(read_file(out / "summary.json"));
    ASSERT_TRUE(s.contains("model2")) << scheduler;
    const nlohmann::json& m = s["model2"];
    ASSERT_TRUE(m["time_to_genocide"].is_number_integer()) << m.dump();
    EXPECT_GT(m["time_to_genocide"].get<int>(), 0);
    EXPECT_TRUE(m["survivor"] == "blue" || m["survivor"] == "green") << m.dump();
    EXPECT_EQ(m["enclaves"], 0) << "one group is gone: no enclave holds both";
    EXPECT_EQ(s["parameters"]["model.kind"], "II");
  }
}

TEST(Model2Run, PeacefulCoexistenceHasNoKillsAndNoGenocide) {
  Sandbox box;
  const fs::path out = box.work() / "out";
  ASSERT_EQ(
      box.unrest({"run", "epstein-run6", "--periods", "200", "--quiet", "--out", out.string()})
          .status,
      0);
  const std::vector<std::string> lines = lines_of(read_file(out / "timeseries.csv"));
  for (std::size_t i = 2; i < lines.size(); ++i) {
    // kills is the 12th column.
    std::size_t pos = 0;
    for (int c = 0; c < 11; ++c) pos = lines[i].find(',', pos) + 1;
    EXPECT_EQ(lines[i].substr(pos, lines[i].find(',', pos) - pos), "0") << lines[i];
  }
  const nlohmann::json s = nlohmann::json::parse(read_file(out / "summary.json"));
  EXPECT_TRUE(s["model2"]["time_to_genocide"].is_null());
  EXPECT_TRUE(s["model2"]["survivor"].is_null());
  EXPECT_GE(s["model2"]["enclaves"].get<int>(), 1);
}

TEST(Model2Run, ModelIKeepsItsColumnsAndHasNoModel2Summary) {
  Sandbox box;
  const fs::path out = box.work() / "out";
  ASSERT_EQ(box.unrest({"run", "epstein-run1", "--periods", "5", "--quiet", "--out", out.string()})
                .status,
            0);
  EXPECT_EQ(lines_of(read_file(out / "timeseries.csv"))[1],
            "period,quiet,active,jailed,cops,tension,legitimacy");
  EXPECT_FALSE(nlohmann::json::parse(read_file(out / "summary.json")).contains("model2"));
}

TEST(Model2Experiment, QuickGenocideCurveWritesOneRowPerDensity) {
  Sandbox box;
  const fs::path a = box.work() / "a.csv";
  const fs::path b = box.work() / "b.csv";
  const Result r = box.unrest({"experiment", "genocide", "--quick", "--runs", "3", "--threads", "2",
                               "--quiet", "--out", a.string()});
  ASSERT_EQ(r.status, 0) << r;
  EXPECT_EQ(r.out, "");
  const std::vector<std::string> lines = lines_of(read_file(a));
  ASSERT_EQ(lines.size(), 2u + 6u) << "comment, header, six densities";
  EXPECT_EQ(lines[0].rfind("# unrest ", 0), 0u) << lines[0];
  EXPECT_NE(lines[0].find("experiment genocide scenario epstein-run7"), std::string::npos);
  EXPECT_EQ(lines[1], "cop_density,runs,mean,sd,median,share_capped");
  EXPECT_EQ(lines[2].rfind("0.000,3,", 0), 0u) << lines[2];
  EXPECT_EQ(lines[7].rfind("0.100,3,", 0), 0u) << lines[7];
  // The thread count never changes the results.
  ASSERT_EQ(box.unrest({"experiment", "genocide", "--quick", "--runs", "3", "--threads", "1",
                        "--quiet", "--out", b.string()})
                .status,
            0);
  EXPECT_EQ(read_file(a), read_file(b));
}

TEST(Model2Experiment, RefusesAModelIScenarioAndUnknownExperiments) {
  Sandbox box;
  const fs::path out = box.work() / "c.csv";
  Result r = box.unrest(
      {"experiment", "genocide", "--quick", "--scenario", "epstein-run2", "--out", out.string()});
  EXPECT_EQ(r.status, 2) << r;
  EXPECT_NE(r.err.find("Model II"), std::string::npos) << r;
  EXPECT_FALSE(fs::exists(out));
  r = box.unrest({"experiment", "salami"});
  EXPECT_EQ(r.status, 2) << r;
  r = box.unrest(
      {"experiment", "genocide", "--quick", "--set", "groups.blue_share=2", "--out", out.string()});
  EXPECT_EQ(r.status, 2) << r;
  EXPECT_NE(r.err.find("'groups.blue_share'"), std::string::npos) << r;
}

}  // namespace
}  // namespace unrest::e2e
