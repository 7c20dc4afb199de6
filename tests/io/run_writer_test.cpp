#include "io/run_writer.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "io/atomic_file.hpp"
#include "io/build_info.hpp"
#include "scenario/scenario.hpp"

namespace unrest::io {
namespace {

const char* kText =
    "[scenario]\nname = \"writer-test\"\nseed = 42\nperiods = 2\n[jail]\nmax_term = inf\n";

scenario::Scenario test_scenario() {
  return scenario::load_scenario_text("writer.toml", kText, {{"citizens.legitimacy", "0.8"}});
}

run::RunResult hand_made_result() {
  run::RunResult r;
  run::PeriodRecord p1;
  p1.period = 1;
  p1.census = {10, 5, 3, 64, 0.1234567, 0.82};
  run::PeriodRecord p2;
  p2.period = 2;
  p2.census = {9, 60, 4, 64, 0.5, 0.8};
  r.series = {p1, p2};
  epstein::Outburst o;
  o.start = 2;
  o.end = 2;
  o.peak = 60;
  o.total_activation = 60;
  o.waiting_time = 1;
  o.first = true;
  o.complete = false;
  r.outbursts = {o};
  r.statistics = run::summarize(r.series, r.outbursts);
  r.agent_updates = 1234;
  r.wall_seconds = 0.5;
  return r;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

TEST(RunWriter, TimeseriesCsv) {
  const auto s = test_scenario();
  const auto l = lines(timeseries_csv(s, hand_made_result()));
  ASSERT_EQ(l.size(), 4u);
  EXPECT_EQ(l[0], std::string("# unrest ") + kVersion + " commit " + kGitCommit +
                      " scenario writer-test sha256 " + scenario::sha256_hex(kText) + " seed 42");
  EXPECT_EQ(l[1], "period,quiet,active,jailed,cops,tension,legitimacy");
  EXPECT_EQ(l[2], "1,10,5,3,64,0.123457,0.820000");
  EXPECT_EQ(l[3], "2,9,60,4,64,0.500000,0.800000");
}

TEST(RunWriter, OutburstsCsv) {
  const auto l = lines(outbursts_csv(test_scenario(), hand_made_result()));
  ASSERT_EQ(l.size(), 3u);
  EXPECT_EQ(l[0].rfind("# unrest ", 0), 0u);
  EXPECT_EQ(l[1], "start,end,duration,peak,total_activation,waiting_time,first,complete");
  EXPECT_EQ(l[2], "2,2,1,60,60,1,true,false");
}

TEST(RunWriter, SummaryJson) {
  const auto s = test_scenario();
  const auto j = nlohmann::json::parse(summary_json(s, hand_made_result(), 777));
  EXPECT_EQ(j.at("version"), kVersion);
  EXPECT_EQ(j.at("git_commit"), kGitCommit);
  EXPECT_EQ(j.at("seed"), 42);
  EXPECT_EQ(j.at("periods"), 2);
  EXPECT_EQ(j.at("scenario").at("text"), kText);
  EXPECT_EQ(j.at("scenario").at("name"), "writer-test");
  EXPECT_EQ(j.at("scenario").at("source"), "writer.toml");
  const std::string sha = j.at("scenario").at("sha256");
  ASSERT_EQ(sha.size(), 64u);
  EXPECT_EQ(sha.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(sha, scenario::sha256_hex(kText));
  EXPECT_EQ(j.at("overrides"), nlohmann::json::array({"citizens.legitimacy=0.8"}));
  const auto& params = j.at("parameters");
  EXPECT_EQ(params.size(), scenario::parameter_specs().size());
  for (const auto& spec : scenario::parameter_specs())
    EXPECT_TRUE(params.contains(spec.key)) << spec.key;
  EXPECT_EQ(params.at("jail.max_term"), "inf");
  EXPECT_DOUBLE_EQ(params.at("citizens.legitimacy").get<double>(), 0.8);
  EXPECT_EQ(params.at("lattice.width"), 40);
  EXPECT_EQ(params.at("citizens.move"), true);
  EXPECT_EQ(params.at("arrest.ratio"), "floor");
  EXPECT_TRUE(params.at("citizens.legitimacy_schedule").is_array());
  const auto& st = j.at("statistics");
  EXPECT_DOUBLE_EQ(st.at("mean_active").get<double>(), 32.5);
  EXPECT_EQ(st.at("peak_active"), 60);
  EXPECT_DOUBLE_EQ(st.at("mean_jailed").get<double>(), 3.5);
  EXPECT_EQ(st.at("outbursts"), 1);
  EXPECT_DOUBLE_EQ(st.at("share_periods_in_outburst").get<double>(), 0.5);
  for (const char* m : {"waiting_time", "total_activation", "outburst_peak", "outburst_duration"}) {
    EXPECT_TRUE(st.at(m).contains("count") && st.at(m).contains("mean") && st.at(m).contains("sd"))
        << m;
  }
  EXPECT_EQ(j.at("agent_updates"), 1234);
  EXPECT_EQ(j.at("timing").at("peak_memory_bytes"), 777);
  EXPECT_DOUBLE_EQ(j.at("timing").at("agent_updates_per_second").get<double>(), 2468.0);
}

TEST(RunWriter, ScheduleParametersInJson) {
  const auto s = scenario::load_scenario("epstein-run3");
  const auto j = nlohmann::json::parse(summary_json(s, hand_made_result(), 0));
  const auto& sched = j.at("parameters").at("citizens.legitimacy_schedule");
  ASSERT_EQ(sched.size(), 1u);
  EXPECT_EQ(sched[0].at("kind"), "ramp");
  EXPECT_EQ(sched[0].at("start"), 50);
  EXPECT_EQ(sched[0].at("end"), 120);
  EXPECT_DOUBLE_EQ(sched[0].at("value").get<double>(), 0.2);
}

TEST(RunWriter, WriteRunWritesTheThreeFilesAndNothingElse) {
  namespace fs = std::filesystem;
  const fs::path dir =
      fs::temp_directory_path() / ("unrest-writer-test-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  prepare_output_directory(dir, false);
  const auto s = test_scenario();
  const auto r = hand_made_result();
  write_run(dir, s, r, 5);
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"outbursts.csv", "summary.json", "timeseries.csv"}));
  const auto read = [&](const char* name) {
    std::ifstream in(dir / name, std::ios::binary);
    std::ostringstream o;
    o << in.rdbuf();
    return o.str();
  };
  EXPECT_EQ(read("timeseries.csv"), timeseries_csv(s, r));
  EXPECT_EQ(read("outbursts.csv"), outbursts_csv(s, r));
  EXPECT_EQ(read("summary.json"), summary_json(s, r, 5));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace unrest::io
