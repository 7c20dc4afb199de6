#include "report/report_data.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "io/atomic_file.hpp"
#include "io/country_writer.hpp"
#include "io/run_writer.hpp"
#include "run/country_run.hpp"
#include "run/epstein_run.hpp"
#include "scenario/country_scenario.hpp"
#include "store/results_store.hpp"

namespace unrest::report {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

// The end-to-end tests' three-region country with a map of its regions: 48 hourly periods.
const scenario::CountryScenario& mapped_scenario() {
  static const scenario::CountryScenario s = scenario::load_country_scenario(
      std::string(UNREST_UNIT_TEST_DATA) + "/e2e/data/country/mapped.toml");
  return s;
}

class ReportData : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("unrest-report-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path country_run() {
    const run::CountryRunResult result = run::run_country(mapped_scenario(), {}, {.threads = 1});
    io::prepare_output_directory(dir_ / "country", false);
    io::write_country_run(dir_ / "country", mapped_scenario(), result, 0);
    return dir_ / "country";
  }
  fs::path dir_;
};

TEST_F(ReportData, CountryRunGivesEverySeriesAtEveryPeriodAndTheMap) {
  const Json data = report_data(country_run());
  EXPECT_EQ(data["kind"], "country-run");
  EXPECT_EQ(data["title"], "small-mapped, seed 3");
  EXPECT_EQ(data["provenance"]["sha256"], mapped_scenario().source_sha256);
  ASSERT_TRUE(data["map"].is_object());
  EXPECT_EQ(data["map"]["features"].size(), 3u);
  ASSERT_EQ(data["regions"].size(), 3u);
  EXPECT_EQ(data["regions"][0]["id"], "west");
  const std::size_t periods = data["times"].size();
  EXPECT_EQ(periods, 48u);
  for (const char* key : {"quiet", "active", "jailed", "killed", "sites_held", "legitimacy"}) {
    EXPECT_EQ(data["national"][key].size(), periods) << key;
  }
  for (const Json& region : data["regions"]) {
    const Json& series = data["by_region"][region["id"].get<std::string>()];
    for (const char* key : {"quiet", "active", "jailed", "killed", "sites_held"}) {
      EXPECT_EQ(series[key].size(), periods) << region["id"] << " " << key;
    }
  }
  // People, not agents: the national quiet count is the regions' sum.
  double quiet = 0.0;
  for (const Json& region : data["regions"]) {
    quiet += data["by_region"][region["id"].get<std::string>()]["quiet"][0].get<double>();
  }
  EXPECT_DOUBLE_EQ(data["national"]["quiet"][0].get<double>(), quiet);
  EXPECT_FALSE(data["events"].empty());
  EXPECT_TRUE(data["events"][0].contains("time"));
  EXPECT_EQ(data["sites"].size(), 2u);
  EXPECT_EQ(data["sites"][0]["site"], "West administration");
  EXPECT_TRUE(data["outcome"].contains("regime"));
}

TEST_F(ReportData, EpsteinRunGivesItsSnapshotsPixelForPixel) {
  const scenario::Scenario s =
      scenario::load_scenario("epstein-run2", {{"scenario.periods", "30"}});
  const run::RunResult result = run::run_epstein(s, {}, {.snapshot_periods = {30, 1}});
  ASSERT_EQ(result.snapshots.size(), 2u);
  EXPECT_EQ(result.snapshots[0].period, 1u);
  io::prepare_output_directory(dir_ / "epstein", false);
  io::write_run(dir_ / "epstein", s, result, 0);
  const Json data = report_data(dir_ / "epstein");
  EXPECT_EQ(data["kind"], "epstein-run");
  EXPECT_EQ(data["width"], 40);
  EXPECT_EQ(data["series"]["active"].size(), 30u);
  ASSERT_EQ(data["snapshots"].size(), 2u);
  const Json& last = data["snapshots"][1];
  EXPECT_EQ(last["period"], 30);
  EXPECT_EQ(last["width"], 40);
  // 1600 bytes in base64: 4 characters for every 3 bytes, padded.
  EXPECT_EQ(last["action"].get<std::string>().size(), 4u * ((1600 + 2) / 3));
  EXPECT_EQ(last["grievance"].get<std::string>().size(), 4u * ((1600 + 2) / 3));
}

TEST_F(ReportData, StoreGivesOddsFansAndHistograms) {
  const fs::path path = dir_ / "r.db";
  {
    store::Study study;
    study.command = "compare";
    study.scenarios = {store::study_scenario(mapped_scenario())};
    study.region_series = true;
    store::ResultsStore results = store::ResultsStore::open_for_study(path, study);
    for (std::uint32_t r = 0; r < 3; ++r) {
      scenario::CountryScenario s = mapped_scenario();
      s.seed = 100 + r;
      results.record({0, r, s.seed}, s, run::run_country(s, {}, {.threads = 1}));
    }
  }
  const Json data = report_data(path);
  EXPECT_EQ(data["kind"], "compare");
  ASSERT_TRUE(data["map"].is_object());
  EXPECT_EQ(data["regions"].size(), 3u);
  EXPECT_EQ(data["regions"][0]["name"], "Capital") << "named from the map";
  ASSERT_EQ(data["scenarios"].size(), 1u);
  const Json& s = data["scenarios"][0];
  EXPECT_EQ(s["runs"], 3);
  EXPECT_EQ(s["regime"]["stands"].get<int>() + s["regime"]["contested"].get<int>() +
                s["regime"]["fallen"].get<int>(),
            3);
  const std::size_t periods = s["times"].size();
  EXPECT_EQ(periods, 48u);
  for (const char* series : {"active", "jailed", "killed", "sites_held"}) {
    for (const char* band : {"p05", "p25", "p50", "p75", "p95"}) {
      ASSERT_EQ(s["fan"][series][band].size(), periods) << series << band;
    }
    for (std::size_t t = 0; t < periods; ++t) {
      EXPECT_LE(s["fan"][series]["p05"][t].get<double>(), s["fan"][series]["p50"][t].get<double>());
      EXPECT_LE(s["fan"][series]["p50"][t].get<double>(), s["fan"][series]["p95"][t].get<double>());
    }
  }
  EXPECT_EQ(s["outcomes"]["detained"].size(), 3u);
  ASSERT_TRUE(s["region_active_share"].is_object());
  EXPECT_EQ(s["region_active_share"]["west"].size(), periods);
  EXPECT_EQ(s["region_joined_share"].size(), 3u);
  ASSERT_EQ(data["odds"]["rows"].size(), 1u);
  EXPECT_EQ(data["odds"]["rows"][0][0], "small-mapped");
  EXPECT_EQ(data["odds"]["rows"][0][1], "3");
  EXPECT_EQ(data["odds"]["columns"].size(), data["odds"]["rows"][0].size());
}

TEST_F(ReportData, BadResultsAreRefusedNamingThePath) {
  const auto refused = [](const fs::path& path, const std::string& expected) {
    try {
      report_data(path);
      ADD_FAILURE() << "accepted " << path;
    } catch (const std::runtime_error& e) {
      EXPECT_NE(std::string(e.what()).find(path.string()), std::string::npos) << e.what();
      EXPECT_NE(std::string(e.what()).find(expected), std::string::npos) << e.what();
    }
  };
  refused(dir_ / "missing", "got no such file");
  fs::create_directories(dir_ / "empty");
  refused(dir_ / "empty", "expected a run's output directory");
  io::write_file_atomically(dir_ / "notes.txt", "not a store\n");
  refused(dir_ / "notes.txt", "notes.txt");
  const fs::path run = country_run();
  io::write_file_atomically(run / "summary.json", "{ damaged");
  try {
    report_data(run);
    ADD_FAILURE() << "accepted a damaged summary.json";
  } catch (const scenario::InputError& e) {
    EXPECT_NE(std::string(e.what()).find((run / "summary.json").string() + ": expected the JSON"),
              std::string::npos)
        << e.what();
    EXPECT_NE(std::string(e.what()).find("damaged JSON"), std::string::npos) << e.what();
  }
}

TEST_F(ReportData, ADamagedSeriesNamesItsLineAndColumn) {
  const fs::path run = country_run();
  io::write_file_atomically(run / "national.csv",
                            "# unrest\ntime,quiet,active,jailed,citizens_killed,police_killed,"
                            "troops_killed,detained,sites_held,legitimacy,attitude\n"
                            "2022-01-01T01:00,1,x,0,0,0,0,0,0,0.8,0.3\n");
  try {
    report_data(run);
    ADD_FAILURE() << "accepted a damaged national.csv";
  } catch (const scenario::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("national.csv:3: column 'active'"), std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace unrest::report
