// `unrest run|show|list` on country scenarios: the six output files, what is printed, provenance,
// reproducibility across thread counts and schedulers, inheritance, overrides, and the built-in
// Kazakhstan scenarios. The scenario is tests/e2e/data/country/small.toml: three small regions
// over two days at scale 10, so that each run takes a fraction of a second.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "e2e/cli_harness.hpp"

namespace unrest::e2e {
namespace {

const fs::path kCountry = kData / "country";
const fs::path kSmall = kCountry / "small.toml";
const fs::path kChild = kCountry / "child.toml";
const fs::path kScenarios = fs::path(UNREST_DOCS).parent_path() / "scenarios";

constexpr std::size_t kPeriods = 48;  // 2022-01-01T00:00 .. 2022-01-03T00:00, an hour each
const std::vector<std::string> kRegionIds{"west", "east", "capital"};
const std::vector<std::string> kCsvFiles{"national.csv", "regions.csv", "region_summary.csv",
                                         "sites.csv"};
const std::set<std::string> kOutputFiles{"national.csv", "regions.csv",  "region_summary.csv",
                                         "sites.csv",    "summary.json", "report.md"};
const std::string kNationalHeader =
    "time,period,quiet,active,jailed,police,troops,detained,citizens_killed,police_killed,"
    "troops_killed,deserted,engagements,sites_held,legitimacy,attitude";

Result run_ok(const Sandbox& box, const std::vector<std::string>& args) {
  Result r = box.unrest(args);
  EXPECT_EQ(r.status, 0) << r;
  return r;
}

nlohmann::ordered_json summary_of(const fs::path& dir) {
  return nlohmann::ordered_json::parse(read_file(dir / "summary.json"));
}

// summary.json without its "timing" object, the only part allowed to differ between identical
// runs. Fails the test if there is no timing object to remove.
nlohmann::ordered_json summary_without_timing(const fs::path& dir) {
  nlohmann::ordered_json j = summary_of(dir);
  EXPECT_TRUE(j.contains("timing") && j["timing"].is_object()) << dir;
  j.erase("timing");
  return j;
}

// Every output of run `a` equals that of run `b`, byte for byte, but for summary.json's timing.
void expect_same_outputs(const fs::path& a, const fs::path& b) {
  EXPECT_EQ(entries_of(a), kOutputFiles);
  EXPECT_EQ(entries_of(b), kOutputFiles);
  for (const std::string& file : kOutputFiles) {
    if (file == "summary.json") continue;
    EXPECT_EQ(read_file(a / file), read_file(b / file)) << file << " of " << a << " and " << b;
  }
  EXPECT_EQ(summary_without_timing(a).dump(2), summary_without_timing(b).dump(2));
}

// The end of period `p` (1 = the first) of small.toml: an hour each from 2022-01-01T00:00.
std::string period_end(std::size_t p) {
  char text[32];
  std::snprintf(text, sizeof text, "2022-01-%02zuT%02zu:00", 1 + p / 24, p % 24);
  return text;
}

// The fields of a CSV line without quoted fields.
std::vector<std::string> fields_of(const std::string& line) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t comma = line.find(',', start);
    out.push_back(line.substr(start, comma - start));
    if (comma == std::string::npos) return out;
    start = comma + 1;
  }
}

// The column `name` of national.csv in `dir`, one value per period.
std::vector<std::string> national_column(const fs::path& dir, const std::string& name) {
  const std::vector<std::string> lines = lines_of(read_file(dir / "national.csv"));
  EXPECT_GE(lines.size(), 2u);
  if (lines.size() < 2) return {};
  const std::vector<std::string> header = fields_of(lines[1]);
  const auto column = std::find(header.begin(), header.end(), name);
  EXPECT_NE(column, header.end()) << name << " in " << lines[1];
  if (column == header.end()) return {};
  const auto index = static_cast<std::size_t>(column - header.begin());
  std::vector<std::string> values;
  for (std::size_t i = 2; i < lines.size(); ++i) values.push_back(fields_of(lines[i]).at(index));
  return values;
}

// `show`'s output without its opening comment lines (which name the file and its bases).
std::string without_show_header(const std::string& text) {
  const std::size_t first_section = text.find("\n[");
  return first_section == std::string::npos ? text : text.substr(first_section + 1);
}

TEST(CountryRun, WritesTheSixFilesAndPrintsTheSummaryAndTheDirectory) {
  Sandbox box;
  const fs::path out = box.work() / "out";
  const Result r = run_ok(box, {"run", kSmall.string(), "--out", out.string()});
  EXPECT_EQ(entries_of(out), kOutputFiles);
  EXPECT_EQ(entries_of(box.work()), std::set<std::string>{"out"}) << "nothing else, no temp files";

  // The terminal: a short summary, then the output directory as the last line.
  EXPECT_EQ(r.err, "") << "no progress bar when stderr is not a terminal";
  const std::vector<std::string> lines = lines_of(r.out);
  ASSERT_GE(lines.size(), 4u) << r;
  EXPECT_EQ(lines.front(),
            "small (seed 3, scale 10 people per agent, 2022-01-01T00:00 .. 2022-01-03T00:00)")
      << r;
  EXPECT_EQ(lines[1].rfind("Regime: ", 0), 0u) << r;
  EXPECT_NE(r.out.find("\nProtest: "), std::string::npos) << r;
  EXPECT_NE(r.out.find("\nSites seized: "), std::string::npos) << r;
  EXPECT_EQ(lines.back(), out.string()) << r;

  // national.csv: provenance, header, one row per period, stamped with the period's end.
  const std::vector<std::string> national = lines_of(read_file(out / "national.csv"));
  ASSERT_EQ(national.size(), 2u + kPeriods);
  EXPECT_EQ(national[1], kNationalHeader);
  for (std::size_t p = 1; p <= kPeriods; ++p) {
    const std::vector<std::string> f = fields_of(national[1 + p]);
    ASSERT_EQ(f.size(), 16u) << national[1 + p];
    EXPECT_EQ(f[0], period_end(p)) << national[1 + p];
    EXPECT_EQ(f[1], std::to_string(p)) << national[1 + p];
  }
  EXPECT_EQ(fields_of(national.back())[0], "2022-01-03T00:00");

  // regions.csv: periods x regions rows, in the regions file's order, at the same times.
  const std::vector<std::string> regions = lines_of(read_file(out / "regions.csv"));
  ASSERT_EQ(regions.size(), 2u + kPeriods * kRegionIds.size());
  EXPECT_EQ(regions[1], "time,period,region," + kNationalHeader.substr(12) + ",perceived");
  for (std::size_t p = 1; p <= kPeriods; ++p) {
    for (std::size_t g = 0; g < kRegionIds.size(); ++g) {
      const std::string& line = regions[2 + (p - 1) * kRegionIds.size() + g];
      const std::vector<std::string> f = fields_of(line);
      ASSERT_EQ(f.size(), 18u) << line;
      EXPECT_EQ(f[0], period_end(p)) << line;
      EXPECT_EQ(f[1], std::to_string(p)) << line;
      EXPECT_EQ(f[2], kRegionIds[g]) << line;
    }
  }

  // region_summary.csv: one row per region; sites.csv: one row per declared site.
  const std::vector<std::string> summary_rows = lines_of(read_file(out / "region_summary.csv"));
  ASSERT_EQ(summary_rows.size(), 2u + kRegionIds.size());
  for (std::size_t g = 0; g < kRegionIds.size(); ++g) {
    EXPECT_EQ(fields_of(summary_rows[2 + g]).at(0), kRegionIds[g]);
  }
  EXPECT_EQ(fields_of(summary_rows[2]).at(2), "20000") << "population of west";
  const std::vector<std::string> sites = lines_of(read_file(out / "sites.csv"));
  ASSERT_EQ(sites.size(), 4u);
  EXPECT_EQ(sites[1], "site,region,times_seized,first_seized_at,hours_held,held_at_end");
  EXPECT_EQ(sites[2].rfind("West administration,west,", 0), 0u) << sites[2];
  EXPECT_EQ(sites[3].rfind("Capital airport,capital,", 0), 0u) << sites[3];

  // summary.json: the run as the scenario declares it.
  const nlohmann::ordered_json s = summary_of(out);
  EXPECT_EQ(s["scenario"]["name"], "small");
  EXPECT_EQ(s["scenario"]["text"], read_file(kSmall));
  EXPECT_EQ(s["seed"], 3);
  EXPECT_EQ(s["scheduler"], "parallel");
  EXPECT_EQ(s["scale"], 10);
  EXPECT_EQ(s["start"], "2022-01-01T00:00");
  EXPECT_EQ(s["end"], "2022-01-03T00:00");
  EXPECT_EQ(s["period_minutes"], 60);
  EXPECT_EQ(s["periods"], kPeriods);
  EXPECT_EQ(s["overrides"], nlohmann::ordered_json::array());
  EXPECT_EQ(s["regions"].size(), kRegionIds.size());
  EXPECT_EQ(s["sites"].size(), 2u);
  EXPECT_TRUE(s["outcome"].contains("regime")) << s["outcome"].dump(2);
  EXPECT_GT(s["timing"]["agents"].get<std::uint64_t>(), 0u);

  // report.md: the same summary, and the provenance.
  const std::string report = read_file(out / "report.md");
  EXPECT_EQ(report.rfind("# small\n", 0), 0u) << report;
  EXPECT_NE(report.find(lines[1]), std::string::npos) << "the Regime line\n" << report;
  EXPECT_NE(report.find(s["scenario"]["sha256"].get<std::string>()), std::string::npos) << report;
}

TEST(CountryRun, EveryCsvRecordsTheSeedAndTheHashOfSummaryJson) {
  Sandbox box;
  const fs::path out = box.work() / "out";
  run_ok(box, {"run", kSmall.string(), "--seed", "9", "--out", out.string()});
  const nlohmann::ordered_json s = summary_of(out);
  EXPECT_EQ(s["seed"], 9);
  const std::string sha = s["scenario"]["sha256"];
  EXPECT_EQ(sha.size(), 64u) << sha;
  EXPECT_EQ(sha.find_first_not_of("0123456789abcdef"), std::string::npos) << sha;
  const std::string tail = " scenario small sha256 " + sha + " seed 9";
  for (const std::string& csv : kCsvFiles) {
    const std::vector<std::string> lines = lines_of(read_file(out / csv));
    ASSERT_GE(lines.size(), 2u) << csv;
    EXPECT_EQ(lines[0].rfind("# unrest ", 0), 0u) << csv << ": " << lines[0];
    ASSERT_GE(lines[0].size(), tail.size()) << csv;
    EXPECT_EQ(lines[0].substr(lines[0].size() - tail.size()), tail) << csv << ": " << lines[0];
    EXPECT_EQ(lines[0].find(" commit " + s["git_commit"].get<std::string>() + " "),
              std::string("# unrest ").size() + s["version"].get<std::string>().size())
        << lines[0];
    EXPECT_EQ(lines[1].find('#'), std::string::npos) << csv;
  }
}

TEST(CountryRun, HashCoversTheDataFilesButNotTheirDirectory) {
  Sandbox box;
  const fs::path copy = box.root() / "copy";
  fs::create_directory(copy);
  fs::copy_file(kSmall, copy / "small.toml");
  fs::copy_file(kCountry / "regions.csv", copy / "regions.csv");
  const fs::path original = box.work() / "original";
  const fs::path copied = box.work() / "copied";
  const fs::path edited = box.work() / "edited";
  run_ok(box, {"run", kSmall.string(), "--out", original.string(), "--quiet"});
  run_ok(box, {"run", (copy / "small.toml").string(), "--out", copied.string(), "--quiet"});
  const std::string sha = summary_of(original)["scenario"]["sha256"];
  EXPECT_EQ(summary_of(copied)["scenario"]["sha256"], sha) << "a copied tree hashes the same";
  EXPECT_EQ(read_file(original / "regions.csv"), read_file(copied / "regions.csv"));

  // One population changed in the regions file: another hash (and another run).
  std::string regions = read_file(copy / "regions.csv");
  const std::size_t at = regions.find(",20000,");
  ASSERT_NE(at, std::string::npos);
  regions.replace(at, 7, ",20001,");
  write_file(copy / "regions.csv", regions);
  run_ok(box, {"run", (copy / "small.toml").string(), "--out", edited.string(), "--quiet"});
  const nlohmann::ordered_json s = summary_of(edited);
  EXPECT_NE(s["scenario"]["sha256"], sha) << "the regions file is part of the hash";
  EXPECT_EQ(s["regions"][0]["population"], 20001);
}

TEST(CountryRun, ThreadCountNeverChangesTheOutputs) {
  Sandbox box;
  std::vector<fs::path> outs;
  for (const char* threads : {"1", "2", "3"}) {
    outs.push_back(box.work() / (std::string("threads") + threads));
    run_ok(box, {"run", kSmall.string(), "--scheduler", "parallel", "--threads", threads, "--out",
                 outs.back().string(), "--quiet"});
    EXPECT_EQ(summary_of(outs.back())["timing"]["threads"], std::stoi(threads));
  }
  expect_same_outputs(outs[0], outs[1]);
  expect_same_outputs(outs[0], outs[2]);
}

TEST(CountryRun, ReferenceSchedulerRunsAreIdentical) {
  Sandbox box;
  const fs::path a = box.work() / "a";
  const fs::path b = box.work() / "b";
  run_ok(box, {"run", kSmall.string(), "--scheduler", "reference", "--out", a.string()});
  run_ok(box, {"run", kSmall.string(), "--scheduler", "reference", "--out", b.string()});
  expect_same_outputs(a, b);
}

TEST(CountryRun, BothSchedulersRunAndAreRecorded) {
  Sandbox box;
  for (const char* scheduler : {"reference", "parallel"}) {
    const fs::path out = box.work() / scheduler;
    const Result r = run_ok(box, {"run", kSmall.string(), "--scheduler", scheduler, "--threads",
                                  "2", "--out", out.string()});
    EXPECT_NE(r.out.find("\nRegime: "), std::string::npos) << r;
    EXPECT_EQ(entries_of(out), kOutputFiles);
    const nlohmann::ordered_json s = summary_of(out);
    EXPECT_EQ(s["scheduler"], scheduler);
    EXPECT_EQ(s["overrides"],
              nlohmann::ordered_json::array({std::string("engine.scheduler=") + scheduler}));
    EXPECT_EQ(lines_of(read_file(out / "national.csv")).size(), 2u + kPeriods);
  }
}

TEST(CountryRun, DifferentSeedsGiveDifferentRuns) {
  Sandbox box;
  const fs::path a = box.work() / "a";
  const fs::path b = box.work() / "b";
  run_ok(box, {"run", kSmall.string(), "--seed", "11", "--out", a.string(), "--quiet"});
  run_ok(box, {"run", kSmall.string(), "--seed", "12", "--out", b.string(), "--quiet"});
  // The data, not the comment line (which records the seed and so always differs).
  for (const char* csv : {"national.csv", "regions.csv"}) {
    const std::string da = without_comments(read_file(a / csv));
    const std::string db = without_comments(read_file(b / csv));
    EXPECT_EQ(lines_of(da).size(), lines_of(db).size()) << csv;
    EXPECT_NE(da, db) << csv;
  }
}

TEST(CountryRun, DefaultOutputDirectoryAndQuiet) {
  Sandbox box;
  const Result r = run_ok(box, {"run", kSmall.string(), "--seed", "5", "--quiet"});
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(entries_of(box.work() / "results" / "small-seed5"), kOutputFiles);

  // A second run into the same directory is refused without --force, and leaves it alone.
  const std::string before = read_file(box.work() / "results" / "small-seed5" / "national.csv");
  const Result again = box.unrest({"run", kSmall.string(), "--seed", "5", "--quiet"});
  EXPECT_EQ(again.status, 2) << again;
  EXPECT_NE(again.err.find("--force"), std::string::npos) << again;
  EXPECT_EQ(read_file(box.work() / "results" / "small-seed5" / "national.csv"), before);
}

TEST(CountryRun, ChildShowsItsBaseWithOneKeyChanged) {
  Sandbox box;
  const Result base = run_ok(box, {"show", kSmall.string()});
  const Result child = run_ok(box, {"show", kChild.string()});
  EXPECT_NE(child.out.find("# Inherited: " + kSmall.string() + " -> " + kChild.string() + "\n"),
            std::string::npos)
      << child;

  // Line by line, the same but for [intervention]'s enabled.
  const std::vector<std::string> b = lines_of(without_show_header(base.out));
  const std::vector<std::string> c = lines_of(without_show_header(child.out));
  ASSERT_EQ(b.size(), c.size()) << base << child;
  ASSERT_GT(b.size(), 100u) << base;
  std::string section;
  std::vector<std::string> differences;
  for (std::size_t i = 0; i < b.size(); ++i) {
    if (!b[i].empty() && b[i][0] == '[') section = b[i];
    if (b[i] != c[i]) differences.push_back(section + " " + b[i] + " -> " + c[i]);
  }
  EXPECT_EQ(differences,
            std::vector<std::string>{"[intervention] enabled = true -> enabled = false"});

  // The base's values are inherited: its sites, contingent, events and regions file.
  for (const std::string& piece :
       {std::string("name = \"small\""), std::string("scale = 10.0"),
        "regions = \"" + (kCountry / "regions.csv").string() + "\"",
        std::string("name = \"Capital airport\""), std::string("country = \"Ally\""),
        std::string("type = \"csto_request\""), std::string("price = 3.0")}) {
    EXPECT_NE(child.out.find("\n" + piece + "\n"), std::string::npos) << piece << "\n" << child;
  }
}

TEST(CountryRun, ChildRunDiffersOnlyOnceTheTroopsWouldHaveArrived) {
  Sandbox box;
  const fs::path base = box.work() / "base";
  const fs::path child = box.work() / "child";
  run_ok(box, {"run", kSmall.string(), "--out", base.string(), "--quiet"});
  const Result r = run_ok(box, {"run", kChild.string(), "--out", child.string()});
  EXPECT_NE(r.out.find("\nForeign intervention: none\n"), std::string::npos) << r;
  const nlohmann::ordered_json sc = summary_of(child);
  EXPECT_EQ(sc["scenario"]["chain"],
            nlohmann::ordered_json::array({kSmall.string(), kChild.string()}));
  EXPECT_NE(sc["scenario"]["sha256"], summary_of(base)["scenario"]["sha256"]);

  const std::vector<std::string> base_troops = national_column(base, "troops");
  const std::vector<std::string> child_troops = national_column(child, "troops");
  ASSERT_EQ(base_troops.size(), kPeriods);
  ASSERT_EQ(child_troops.size(), kPeriods);
  EXPECT_EQ(child_troops, std::vector<std::string>(kPeriods, "0"));
  const auto arrival = std::find_if(base_troops.begin(), base_troops.end(),
                                    [](const std::string& v) { return v != "0"; });
  ASSERT_NE(arrival, base_troops.end()) << "the base's contingent arrives within the horizon";
  const auto first = static_cast<std::size_t>(arrival - base_troops.begin());  // 0-based period

  // Until the contingent lands, nothing differs: every region, every column.
  const std::vector<std::string> base_rows = lines_of(read_file(base / "regions.csv"));
  const std::vector<std::string> child_rows = lines_of(read_file(child / "regions.csv"));
  ASSERT_EQ(base_rows.size(), child_rows.size());
  const std::size_t before = 2 + first * kRegionIds.size();
  for (std::size_t i = 1; i < before; ++i) EXPECT_EQ(base_rows[i], child_rows[i]) << "line " << i;
  EXPECT_NE(std::vector<std::string>(base_rows.begin() + static_cast<std::ptrdiff_t>(before),
                                     base_rows.end()),
            std::vector<std::string>(child_rows.begin() + static_cast<std::ptrdiff_t>(before),
                                     child_rows.end()));
}

TEST(CountryRun, SetOfScaleIsRecorded) {
  Sandbox box;
  const fs::path ten = box.work() / "ten";
  const fs::path twenty = box.work() / "twenty";
  run_ok(box, {"run", kSmall.string(), "--out", ten.string(), "--quiet"});
  const Result r =
      run_ok(box, {"run", kSmall.string(), "--set", "scale=20", "--out", twenty.string()});
  EXPECT_NE(r.out.find(", scale 20 people per agent, "), std::string::npos) << r;
  const nlohmann::ordered_json s = summary_of(twenty);
  EXPECT_EQ(s["scale"], 20);
  EXPECT_EQ(s["overrides"], nlohmann::ordered_json::array({"scale=20"}));
  EXPECT_EQ(summary_of(ten)["scale"], 10);
  // Half the agents of scale 10 (each region's numbers are rounded, so roughly).
  const double ratio =
      summary_of(ten)["timing"]["agents"].get<double>() / s["timing"]["agents"].get<double>();
  EXPECT_GT(ratio, 1.8);
  EXPECT_LT(ratio, 2.2);
}

TEST(CountryRun, PeriodsOptionIsRefused) {
  Sandbox box;
  const fs::path out = box.work() / "out";
  const std::vector<std::vector<std::string>> commands{
      {"run", kSmall.string(), "--periods", "5", "--out", out.string()},
      {"run", kSmall.string(), "--periods", "5"},
      {"show", kSmall.string(), "--periods", "5"}};
  for (const std::vector<std::string>& args : commands) {
    const Result r = box.unrest(args);
    EXPECT_EQ(r.status, 2) << r;
    EXPECT_EQ(r.out, "") << r;
    EXPECT_EQ(lines_of(r.err).size(), 1u) << r;
    EXPECT_EQ(r.err.rfind("unrest: error: --periods 5: ", 0), 0u) << r;
    EXPECT_NE(r.err.find("country.end"), std::string::npos) << r;
  }
  EXPECT_TRUE(entries_of(box.work()).empty()) << "neither out/ nor results/ created";
}

TEST(CountryShow, KazakhstanHasItsRegionsAndEvents) {
  Sandbox box;
  const Result r = run_ok(box, {"show", "kazakhstan-2022"});
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out.rfind("# Effective country scenario from ", 0), 0u) << r.out.substr(0, 200);
  EXPECT_NE(r.out.find("\nname = \"kazakhstan-2022\"\n"), std::string::npos);
  EXPECT_NE(r.out.find("\nregions = \"builtin:data/kazakhstan/regions.csv\"\n"), std::string::npos);

  // Every region table is written out in full: the 17 units of January 2022.
  const std::size_t table = r.out.find("\n[hardship.exposure]\n");
  ASSERT_NE(table, std::string::npos);
  const std::size_t table_end = r.out.find("\n\n", table + 1);
  const std::vector<std::string> entries =
      lines_of(r.out.substr(table + 21, table_end - (table + 21)));
  std::vector<std::string> ids;
  for (const std::string& e : entries) ids.push_back(e.substr(0, e.find(' ')));
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids,
            (std::vector<std::string>{"akmola", "aktobe", "almaty_city", "almaty_region", "atyrau",
                                      "east_kazakhstan", "karaganda", "kostanay", "kyzylorda",
                                      "mangystau", "north_kazakhstan", "nur_sultan", "pavlodar",
                                      "shymkent", "turkistan", "west_kazakhstan", "zhambyl"}))
      << r.out.substr(table, table_end - table);

  // The events: its own price timeline and those imported from the sources' timeline.
  std::map<std::string, int> types;
  for (const std::string& line : lines_of(r.out)) {
    if (line.rfind("type = \"", 0) == 0) ++types[line.substr(8, line.size() - 9)];
  }
  EXPECT_EQ(types["price_hike"], 1);
  EXPECT_EQ(types["csto_request"], 1);
  EXPECT_EQ(types["state_of_emergency"], 17) << "one per region";
  EXPECT_GE(types["internet_shutdown"], 1);
  EXPECT_NE(r.out.find("\nregion = \"mangystau\"\ntype = \"price_hike\"\nprice = 2.0\n"),
            std::string::npos);
  EXPECT_NE(r.out.find("\nsource = \"http"), std::string::npos)
      << "imported events keep their sources";

  // The effective scenario stands alone: shown again from a file, it is the same.
  const fs::path file = box.root() / "kazakhstan.toml";
  write_file(file, r.out);
  const Result again = run_ok(box, {"show", file.string()});
  EXPECT_EQ(without_show_header(again.out), without_show_header(r.out));
}

TEST(CountryList, ListsTheKazakhstanScenarios) {
  Sandbox box;
  const Result r = run_ok(box, {"list"});
  EXPECT_EQ(r.err, "");
  std::map<std::string, std::string> listed;
  for (const std::string& line : lines_of(r.out)) {
    const std::size_t space = line.find(' ');
    if (space == std::string::npos) continue;
    const std::size_t text = line.find_first_not_of(' ', space);
    listed[line.substr(0, space)] = text == std::string::npos ? "" : line.substr(text);
  }
  std::vector<std::string> expected;
  for (const auto& e : fs::directory_iterator(kScenarios)) {
    const std::string name = e.path().stem().string();
    if (name.rfind("kazakhstan-2022", 0) == 0 && e.path().extension() == ".toml") {
      expected.push_back(name);
    }
  }
  EXPECT_GE(expected.size(), 2u) << kScenarios;
  EXPECT_NE(std::find(expected.begin(), expected.end(), "kazakhstan-2022"), expected.end());
  for (const std::string& name : expected) {
    ASSERT_EQ(listed.count(name), 1u) << name << "\n" << r.out;
    EXPECT_FALSE(listed[name].empty()) << name << ": a description";
  }
  EXPECT_EQ(listed["kazakhstan-2022"].rfind("Kazakhstan, January 2022", 0), 0u)
      << listed["kazakhstan-2022"];
}

}  // namespace
}  // namespace unrest::e2e
