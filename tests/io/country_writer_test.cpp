#include "io/country_writer.hpp"

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

namespace unrest::io {
namespace {

const std::string kSha(64, 'a');

// Two regions, hourly periods from 2022-01-01T00:00, 20 people per agent.
scenario::CountryScenario test_scenario() {
  scenario::CountryScenario s;
  s.source = "country-writer.toml";
  s.chain = {"builtin:base-country", "country-writer.toml"};
  s.source_text = "base = \"base-country\"\n[scenario]\nname = \"writer-country\"\nseed = 7\n";
  s.source_sha256 = kSha;
  s.overrides = {{"country.periods", "3"}};
  s.name = "writer-country";
  s.seed = 7;
  country::Region north;
  north.id = "north";
  north.name = "North, the oblast";
  north.population = 1'250'000;
  country::Region south;
  south.id = "south";
  south.name = "South";
  south.population = 800'000;
  s.params.geography.regions = {north, south};
  s.params.people_per_agent = 20;
  s.params.start = {2022, 1, 1, 0, 0};
  s.params.period_minutes = 60;
  s.params.periods = 3;
  s.params.legitimacy.national = 0.8;
  country::Contingent c;
  c.country = "elsewhere";
  c.troops = 2000;
  s.params.intervention.contingents = {c};
  return s;
}

country::RegionPeriod period(double active, double legitimacy) {
  country::RegionPeriod p;
  p.quiet = 1000 - active;
  p.active = active;
  p.jailed = 20;
  p.police = 40;
  p.troops = 0;
  p.detained = 60;
  p.citizens_killed = 0;
  p.legitimacy = legitimacy;
  p.attitude = 0.5;
  p.perceived = 0.125;
  return p;
}

run::CountryRunResult hand_made_result() {
  run::CountryRunResult r;
  country::CountryRecord& rec = r.record;
  rec.time = {{2022, 1, 1, 1, 0}, {2022, 1, 1, 2, 0}, {2022, 1, 1, 3, 0}};
  for (int i = 0; i < 3; ++i) {
    const double active = 20.0 * (i + 1);
    country::RegionPeriod north = period(active, 0.79);
    country::RegionPeriod south = period(0, 0.81);
    country::RegionPeriod nation = period(active, 0.8);
    if (i == 1) {
      north.sites_held = 1;
      nation.sites_held = 1;
      north.citizens_killed = 40;
      nation.citizens_killed = 40;
    }
    rec.regions.push_back({north, south});
    rec.national.push_back(nation);
  }
  country::RegionSummary north;
  north.joined = 2;
  north.peak_active = 60;
  north.peak_period = 3;
  north.detained = 60;
  north.citizens_killed = 40;
  country::RegionSummary south;  // never joined
  rec.region_summaries = {north, south};
  country::SiteRecord admin;
  admin.name = "North administration";
  admin.region = 0;
  admin.times_seized = 1;
  admin.first_seized = 2;
  admin.hours_held = 1;
  admin.held_at_end = false;
  country::SiteRecord airport;
  airport.name = "South airport";
  airport.region = 1;
  rec.sites = {admin, airport};
  country::RunOutcome& o = rec.outcome;
  o.regime = country::Regime::contested;
  o.reason = "actives above 1 % of citizens at the horizon";
  o.peak_active = 60;
  o.peak_period = 3;
  o.regions_joined = 1;
  o.first_active_period = 2;
  o.last_active_period = 3;
  o.duration_hours = 2;
  o.detained = 60;
  o.citizens_killed = 40;
  o.attitude = 0.45;
  o.home_support = 0.3;
  o.legitimacy = 0.8;
  r.agent_updates = 1000;
  r.agents = 100;
  r.wall_seconds = 0.25;
  r.threads = 2;
  return r;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::string provenance() {
  return std::string("# unrest ") + kVersion + " commit " + kGitCommit +
         " scenario writer-country sha256 " + kSha + " seed 7";
}

TEST(CountryWriter, NationalCsv) {
  const auto l = lines(national_csv(test_scenario(), hand_made_result()));
  ASSERT_EQ(l.size(), 2u + 3u);
  EXPECT_EQ(l[0], provenance());
  EXPECT_EQ(l[1],
            "time,period,quiet,active,jailed,police,troops,detained,citizens_killed,police_killed,"
            "troops_killed,deserted,engagements,sites_held,legitimacy,attitude");
  // Each row is stamped with the end of its period.
  EXPECT_EQ(l[2], "2022-01-01T01:00,1,980,20,20,40,0,60,0,0,0,0,0,0,0.800000,0.500000");
  EXPECT_EQ(l[3], "2022-01-01T02:00,2,960,40,20,40,0,60,40,0,0,0,0,1,0.800000,0.500000");
  EXPECT_EQ(l[4].substr(0, 19), "2022-01-01T03:00,3,");
}

TEST(CountryWriter, RegionsCsv) {
  const auto l = lines(regions_csv(test_scenario(), hand_made_result()));
  ASSERT_EQ(l.size(), 2u + 3u * 2u);
  EXPECT_EQ(l[0], provenance());
  EXPECT_EQ(l[1],
            "time,period,region,quiet,active,jailed,police,troops,detained,citizens_killed,"
            "police_killed,troops_killed,deserted,engagements,sites_held,legitimacy,attitude,"
            "perceived");
  EXPECT_EQ(l[2],
            "2022-01-01T01:00,1,north,980,20,20,40,0,60,0,0,0,0,0,0,0.790000,0.500000,"
            "0.125000");
  EXPECT_EQ(l[3].substr(0, 25), "2022-01-01T01:00,1,south,");
  EXPECT_EQ(l[7].substr(0, 25), "2022-01-01T03:00,3,south,");
}

TEST(CountryWriter, RegionSummaryCsv) {
  const auto l = lines(region_summary_csv(test_scenario(), hand_made_result()));
  ASSERT_EQ(l.size(), 2u + 2u);
  EXPECT_EQ(l[0], provenance());
  EXPECT_EQ(l[1],
            "region,name,population,joined_at,peak_active,peak_at,detained,citizens_killed,"
            "police_killed,troops_killed,deserted,seizures,site_hours_held");
  // Joined in period 2: the end of period 2. A name with a comma is quoted.
  EXPECT_EQ(l[2],
            "north,\"North, the oblast\",1250000,2022-01-01T02:00,60,2022-01-01T03:00,60,40,0,0,"
            "0,1,1");
  // Never joined, never peaked: empty times.
  EXPECT_EQ(l[3], "south,South,800000,,0,,0,0,0,0,0,0,0");
}

TEST(CountryWriter, SitesCsv) {
  const auto l = lines(sites_csv(test_scenario(), hand_made_result()));
  ASSERT_EQ(l.size(), 2u + 2u);
  EXPECT_EQ(l[0], provenance());
  EXPECT_EQ(l[1], "site,region,times_seized,first_seized_at,hours_held,held_at_end");
  EXPECT_EQ(l[2], "North administration,north,1,2022-01-01T02:00,1,false");
  EXPECT_EQ(l[3], "South airport,south,0,,0,false");
}

TEST(CountryWriter, FractionalCountsAreNotRoundedAway) {
  auto r = hand_made_result();
  r.record.national[0].active = 2.5;
  r.record.national[0].quiet = -0.0;
  const auto l = lines(national_csv(test_scenario(), r));
  EXPECT_EQ(l[2].substr(0, 25), "2022-01-01T01:00,1,0,2.5,");
}

TEST(CountryWriter, SummaryJson) {
  const auto j =
      nlohmann::json::parse(country_summary_json(test_scenario(), hand_made_result(), 777));
  EXPECT_EQ(j.at("version"), kVersion);
  EXPECT_EQ(j.at("git_commit"), kGitCommit);
  EXPECT_EQ(j.at("seed"), 7);
  EXPECT_EQ(j.at("scenario").at("name"), "writer-country");
  EXPECT_EQ(j.at("scenario").at("source"), "country-writer.toml");
  EXPECT_EQ(j.at("scenario").at("sha256"), kSha);
  EXPECT_EQ(j.at("scenario").at("chain"),
            nlohmann::json::array({"builtin:base-country", "country-writer.toml"}));
  EXPECT_EQ(j.at("scenario").at("text"), test_scenario().source_text);
  EXPECT_EQ(j.at("overrides"), nlohmann::json::array({"country.periods=3"}));
  EXPECT_EQ(j.at("scale"), 20);
  EXPECT_EQ(j.at("start"), "2022-01-01T00:00");
  EXPECT_EQ(j.at("end"), "2022-01-01T03:00");
  EXPECT_EQ(j.at("period_minutes"), 60);
  EXPECT_EQ(j.at("periods"), 3);

  const auto& o = j.at("outcome");
  for (const char* key :
       {"regime", "reason", "peak_active", "peak_at", "regions_joined", "first_active_at",
        "last_active_at", "duration_hours", "detained", "citizens_killed", "police_killed",
        "troops_killed", "deserted", "attitude", "home_support", "legitimacy"}) {
    EXPECT_TRUE(o.contains(key)) << key;
  }
  EXPECT_EQ(o.at("regime"), "contested");
  EXPECT_EQ(o.at("peak_active"), 60);
  EXPECT_EQ(o.at("peak_at"), "2022-01-01T03:00");
  EXPECT_EQ(o.at("regions_joined"), 1);
  EXPECT_EQ(o.at("first_active_at"), "2022-01-01T02:00");
  EXPECT_EQ(o.at("last_active_at"), "2022-01-01T03:00");
  EXPECT_EQ(o.at("citizens_killed"), 40);
  EXPECT_DOUBLE_EQ(o.at("attitude").get<double>(), 0.45);

  const auto& regions = j.at("regions");
  ASSERT_EQ(regions.size(), 2u);
  EXPECT_EQ(regions[0].at("id"), "north");
  EXPECT_EQ(regions[0].at("joined_at"), "2022-01-01T02:00");
  EXPECT_EQ(regions[0].at("seizures"), 1);
  EXPECT_EQ(regions[1].at("id"), "south");
  EXPECT_TRUE(regions[1].at("joined_at").is_null());
  ASSERT_EQ(j.at("sites").size(), 2u);

  const auto& t = j.at("timing");
  EXPECT_EQ(t.at("agent_updates"), 1000);
  EXPECT_DOUBLE_EQ(t.at("agent_updates_per_second").get<double>(), 4000.0);
  EXPECT_EQ(t.at("agents"), 100);
  EXPECT_EQ(t.at("threads"), 2);
  EXPECT_EQ(t.at("peak_memory_bytes"), 777);
}

TEST(CountryWriter, OnlyTimingDiffersBetweenIdenticalRuns) {
  const auto s = test_scenario();
  const auto a = hand_made_result();
  auto b = hand_made_result();
  b.wall_seconds = 9.0;
  b.threads = 16;
  auto ja = nlohmann::json::parse(country_summary_json(s, a, 1));
  auto jb = nlohmann::json::parse(country_summary_json(s, b, 2));
  EXPECT_NE(ja, jb);
  ja.erase("timing");
  jb.erase("timing");
  EXPECT_EQ(ja, jb);
  EXPECT_EQ(country_terminal_summary(s, a), country_terminal_summary(s, b));
  EXPECT_EQ(country_report_md(s, a), country_report_md(s, b));
}

TEST(CountryWriter, TerminalSummary) {
  const std::string text = country_terminal_summary(test_scenario(), hand_made_result());
  const auto l = lines(text);
  EXPECT_GE(l.size(), 6u);
  EXPECT_LE(l.size(), 15u);
  EXPECT_EQ(l[0],
            "writer-country (seed 7, scale 20 people per agent, 2022-01-01T00:00 .. "
            "2022-01-01T03:00)");
  EXPECT_EQ(l[1], "Regime: contested (actives above 1 % of citizens at the horizon)");
  EXPECT_NE(text.find("1 of 2 regions joined"), std::string::npos) << text;
  EXPECT_NE(text.find("peak 60 active at 2022-01-01T03:00"), std::string::npos) << text;
  EXPECT_NE(text.find("North administration 1 h"), std::string::npos) << text;
  EXPECT_NE(text.find("First to join: north 2022-01-01T02:00"), std::string::npos) << text;
  EXPECT_NE(text.find("Attitude towards the intervener: 0.45 (from 0.50)"), std::string::npos)
      << text;
}

TEST(CountryWriter, TerminalSummaryUsesThousandsSeparators) {
  auto r = hand_made_result();
  r.record.outcome.peak_active = 48'200;
  r.record.outcome.detained = 1'234'567;
  r.record.outcome.duration_hours = 125;
  const std::string text = country_terminal_summary(test_scenario(), r);
  EXPECT_NE(text.find("peak 48,200 active"), std::string::npos) << text;
  EXPECT_NE(text.find("Detained 1,234,567;"), std::string::npos) << text;
  EXPECT_NE(text.find("lasted 5.2 days"), std::string::npos) << text;
}

TEST(CountryWriter, WriteCountryRunWritesEveryFileAndNothingElse) {
  namespace fs = std::filesystem;
  const fs::path dir =
      fs::temp_directory_path() / ("unrest-country-writer-test-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  prepare_output_directory(dir, false);
  const auto s = test_scenario();
  const auto r = hand_made_result();
  const auto read = [&](const char* name) {
    std::ifstream in(dir / name, std::ios::binary);
    std::ostringstream o;
    o << in.rdbuf();
    return o.str();
  };
  const std::vector<const char*> files = {"national.csv", "regions.csv",  "region_summary.csv",
                                          "sites.csv",    "summary.json", "report.md"};

  write_country_run(dir, s, r, 5);
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"national.csv", "region_summary.csv", "regions.csv",
                                             "report.md", "sites.csv", "summary.json"}));
  EXPECT_EQ(read("national.csv"), national_csv(s, r));
  EXPECT_EQ(read("regions.csv"), regions_csv(s, r));
  EXPECT_EQ(read("region_summary.csv"), region_summary_csv(s, r));
  EXPECT_EQ(read("sites.csv"), sites_csv(s, r));
  EXPECT_EQ(read("summary.json"), country_summary_json(s, r, 5));
  const std::string report = read("report.md");
  EXPECT_NE(report.find(country_terminal_summary(s, r)), std::string::npos);
  EXPECT_NE(report.find("| north | North, the oblast | 1,250,000 | 2022-01-01T02:00 |"),
            std::string::npos)
      << report;

  // A second write of the same run gives the same bytes.
  std::vector<std::string> first;
  for (const char* f : files) first.push_back(read(f));
  write_country_run(dir, s, r, 5);
  for (std::size_t i = 0; i < files.size(); ++i) EXPECT_EQ(read(files[i]), first[i]) << files[i];
  names.clear();
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  EXPECT_EQ(names.size(), 6u);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace unrest::io
