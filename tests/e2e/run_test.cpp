// `unrest run`: reproducibility, the output directory, what is printed, and provenance.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include <algorithm>

#include "e2e/cli_harness.hpp"

namespace unrest::e2e {
namespace {

// The files of an Epstein run of `periods` periods: the CSVs, summary.json, and the two screens
// of the lattice at the default snapshots (five periods, evenly spaced from the first).
std::set<std::string> output_files(unsigned periods) {
  std::set<std::string> files{"outbursts.csv", "summary.json", "timeseries.csv"};
  for (unsigned k = 0; k <= 4; ++k) {
    std::string period = std::to_string(std::max(1u, periods * k / 4));
    period.insert(0, 6 - period.size(), '0');
    for (const char* screen : {"action", "grievance"}) {
      std::string name = "lattice-";
      name.append(period).append("-").append(screen).append(".pgm");
      files.insert(name);
    }
  }
  return files;
}

// summary.json parsed, with its "timing" object (the only part allowed to differ between
// identical runs) removed. Fails the test if there is no timing object to remove.
nlohmann::ordered_json summary_without_timing(const fs::path& file) {
  nlohmann::ordered_json j = nlohmann::ordered_json::parse(read_file(file));
  EXPECT_TRUE(j.contains("timing") && j["timing"].is_object()) << file;
  if (j.contains("timing")) {
    EXPECT_TRUE(j["timing"].contains("wall_seconds")) << j["timing"].dump();
    j.erase("timing");
  }
  return j;
}

Result run_ok(const Sandbox& box, const std::vector<std::string>& args) {
  Result r = box.unrest(args);
  EXPECT_EQ(r.status, 0) << r;
  return r;
}

TEST(Run, SameScenarioAndSeedGiveIdenticalOutputs) {
  Sandbox box;
  const fs::path a = box.work() / "a";
  const fs::path b = box.work() / "b";
  run_ok(box, {"run", "epstein-run2", "--periods", "300", "--out", a.string()});
  run_ok(box, {"run", "epstein-run2", "--periods", "300", "--out", b.string()});

  const std::string ts = read_file(a / "timeseries.csv");
  EXPECT_EQ(lines_of(ts).size(), 2u + 300u) << "comment, header and one row per period";
  EXPECT_EQ(ts, read_file(b / "timeseries.csv"));
  EXPECT_EQ(read_file(a / "outbursts.csv"), read_file(b / "outbursts.csv"));
  const nlohmann::ordered_json sa = summary_without_timing(a / "summary.json");
  const nlohmann::ordered_json sb = summary_without_timing(b / "summary.json");
  EXPECT_EQ(sa.dump(2), sb.dump(2));
  EXPECT_EQ(sa["periods"], 300);
}

TEST(Run, DifferentSeedGivesDifferentTimeseries) {
  Sandbox box;
  const fs::path a = box.work() / "a";
  const fs::path b = box.work() / "b";
  run_ok(box, {"run", "epstein-run2", "--periods", "150", "--seed", "11", "--out", a.string()});
  run_ok(box, {"run", "epstein-run2", "--periods", "150", "--seed", "12", "--out", b.string()});
  // Compare the data, not the comment line (which records the seed and so always differs).
  const std::string da = without_comments(read_file(a / "timeseries.csv"));
  const std::string db = without_comments(read_file(b / "timeseries.csv"));
  EXPECT_EQ(lines_of(da).size(), 151u);
  EXPECT_NE(da, db);
}

TEST(Run, SeedOptionAndSetOfSeedAreTheSameRun) {
  Sandbox box;
  const fs::path a = box.work() / "a";
  const fs::path b = box.work() / "b";
  run_ok(box, {"run", "epstein-run1", "--periods", "60", "--seed", "77", "--out", a.string()});
  run_ok(box, {"run", "epstein-run1", "--set", "scenario.periods=60", "--set", "scenario.seed=77",
               "--out", b.string()});
  EXPECT_EQ(read_file(a / "timeseries.csv"), read_file(b / "timeseries.csv"));
}

TEST(Run, RefusesNonEmptyOutputDirectoryWithoutForce) {
  Sandbox box;
  const fs::path out = box.work() / "out";
  fs::create_directory(out);
  write_file(out / "timeseries.csv", "old timeseries\n");
  write_file(out / "notes.txt", "mine\n");

  const Result r = box.unrest({"run", "epstein-run1", "--periods", "20", "--out", out.string()});
  EXPECT_EQ(r.status, 2) << r;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(lines_of(r.err).size(), 1u) << r;
  EXPECT_NE(r.err.find(out.string()), std::string::npos) << r;
  EXPECT_NE(r.err.find("--force"), std::string::npos) << r;
  EXPECT_EQ(entries_of(out), (std::set<std::string>{"notes.txt", "timeseries.csv"}));
  EXPECT_EQ(read_file(out / "timeseries.csv"), "old timeseries\n");
  EXPECT_EQ(read_file(out / "notes.txt"), "mine\n");

  const Result forced =
      box.unrest({"run", "epstein-run1", "--periods", "20", "--out", out.string(), "--force"});
  EXPECT_EQ(forced.status, 0) << forced;
  const std::string ts = read_file(out / "timeseries.csv");
  EXPECT_EQ(ts.rfind("# unrest ", 0), 0u) << ts;
  EXPECT_EQ(lines_of(ts).size(), 22u);
  EXPECT_TRUE(fs::exists(out / "outbursts.csv"));
  EXPECT_TRUE(fs::exists(out / "summary.json"));
}

TEST(Run, ForceOverwritesAPreviousRun) {
  Sandbox box;
  const fs::path out = box.work() / "out";
  run_ok(box, {"run", "epstein-run1", "--periods", "30", "--seed", "1", "--out", out.string()});
  const Result again =
      box.unrest({"run", "epstein-run1", "--periods", "30", "--seed", "2", "--out", out.string()});
  EXPECT_EQ(again.status, 2) << again;
  EXPECT_NE(read_file(out / "timeseries.csv").find(" seed 1\n"), std::string::npos);
  run_ok(box, {"run", "epstein-run1", "--periods", "30", "--seed", "2", "--out", out.string(),
               "--force"});
  EXPECT_NE(read_file(out / "timeseries.csv").find(" seed 2\n"), std::string::npos);
  EXPECT_EQ(summary_without_timing(out / "summary.json")["seed"], 2);
  EXPECT_EQ(entries_of(out), output_files(30));
}

TEST(Run, RefusesAnOutputPathThatIsAFile) {
  Sandbox box;
  const fs::path out = box.work() / "out";
  write_file(out, "not a directory\n");
  for (const bool force : {false, true}) {
    std::vector<std::string> args{"run", "epstein-run1", "--periods", "10", "--out", out.string()};
    if (force) args.push_back("--force");
    const Result r = box.unrest(args);
    EXPECT_EQ(r.status, 2) << r;
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find("not a directory"), std::string::npos) << r;
    EXPECT_EQ(read_file(out), "not a directory\n");
  }
}

TEST(Run, QuietPrintsNothing) {
  Sandbox box;
  const fs::path out = box.work() / "out";
  const Result r =
      box.unrest({"run", "epstein-run1", "--periods", "30", "--out", out.string(), "--quiet"});
  EXPECT_EQ(r.status, 0) << r;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(entries_of(out), output_files(30));
}

TEST(Run, PipedOutputIsJustTheOutputDirectory) {
  Sandbox box;
  const fs::path out = box.work() / "out";
  const Result r = box.unrest({"run", "epstein-run2", "--periods", "200", "--out", out.string()});
  EXPECT_EQ(r.status, 0) << r;
  EXPECT_EQ(r.out, out.string() + "\n");
  EXPECT_EQ(r.err, "") << "no progress bar when stderr is not a terminal";
}

TEST(Run, DefaultOutputDirectoryIsResultsNameSeed) {
  Sandbox box;
  const Result r = box.unrest({"run", "epstein-run3", "--periods", "20", "--seed", "5"});
  EXPECT_EQ(r.status, 0) << r;
  EXPECT_EQ(r.out, "results/epstein-run3-seed5\n");
  EXPECT_EQ(entries_of(box.work() / "results" / "epstein-run3-seed5"), output_files(20));
}

TEST(Run, EveryOutputFileRecordsVersionScenarioAndSeed) {
  Sandbox box;
  const Result version = box.unrest({"--version"});
  ASSERT_EQ(version.status, 0) << version;
  // "unrest VERSION (commit COMMIT)\n"
  std::istringstream words(version.out);
  std::string program, ver, commit_word, commit;
  words >> program >> ver >> commit_word >> commit;
  ASSERT_EQ(program, "unrest") << version;
  ASSERT_EQ(commit_word, "(commit") << version;
  ASSERT_TRUE(!commit.empty() && commit.back() == ')') << version;
  commit.pop_back();
  EXPECT_EQ(version.out, "unrest " + ver + " (commit " + commit + ")\n");

  // A scenario from a file, so that its hash can be checked independently.
  const fs::path scenario = box.root() / "my-scenario.toml";
  write_file(scenario,
             "[scenario]\nname = \"provenance-check\"\nperiods = 40\n[lattice]\nwidth = 30\n"
             "height = 30\n");
  const fs::path out = box.work() / "out";
  run_ok(box, {"run", scenario.string(), "--seed", "4242", "--out", out.string()});
  EXPECT_EQ(entries_of(out), output_files(40));

  const nlohmann::ordered_json s = nlohmann::ordered_json::parse(read_file(out / "summary.json"));
  EXPECT_EQ(s["version"], ver);
  EXPECT_EQ(s["git_commit"], commit);
  EXPECT_EQ(s["seed"], 4242);
  EXPECT_EQ(s["scenario"]["name"], "provenance-check");
  EXPECT_EQ(s["scenario"]["text"], read_file(scenario));
  const std::string sha = s["scenario"]["sha256"];
  EXPECT_EQ(sha.size(), 64u) << sha;
  EXPECT_EQ(sha.find_first_not_of("0123456789abcdef"), std::string::npos) << sha;
  const Result sum = run_program("/usr/bin/sha256sum", {scenario.string()}, box.root(), box.root());
  if (sum.status == 0) {
    EXPECT_EQ(sum.out.substr(0, 64), sha);
  }

  const std::string expected = "# unrest " + ver + " commit " + commit +
                               " scenario provenance-check sha256 " + sha + " seed 4242";
  // The lattice pictures carry the same line in their PGM header, with the period and screen.
  const std::vector<std::string> picture = lines_of(read_file(out / "lattice-000020-action.pgm"));
  ASSERT_GE(picture.size(), 3u);
  EXPECT_EQ(picture[0], "P5");
  EXPECT_EQ(picture[1], expected + " period 20 block 1 screen action");
  EXPECT_EQ(picture[2], "30 30");
  for (const char* csv : {"timeseries.csv", "outbursts.csv"}) {
    const std::vector<std::string> lines = lines_of(read_file(out / csv));
    ASSERT_GE(lines.size(), 2u) << csv;
    EXPECT_EQ(lines[0], expected) << csv;
    EXPECT_EQ(lines[1].find('#'), std::string::npos) << csv;
  }
}

TEST(Run, BuiltinHashIsTheHashOfItsText) {
  Sandbox box;
  const fs::path out = box.work() / "out";
  run_ok(box, {"run", "epstein-run5", "--periods", "10", "--out", out.string()});
  const nlohmann::ordered_json s = nlohmann::ordered_json::parse(read_file(out / "summary.json"));
  EXPECT_EQ(s["scenario"]["name"], "epstein-run5");
  EXPECT_EQ(s["scenario"]["source"], "builtin:epstein-run5");
  const fs::path text = box.root() / "builtin.toml";
  write_file(text, s["scenario"]["text"].get<std::string>());
  const Result sum = run_program("/usr/bin/sha256sum", {text.string()}, box.root(), box.root());
  if (sum.status == 0) {
    EXPECT_EQ(sum.out.substr(0, 64), s["scenario"]["sha256"]);
  }
  const std::string header = lines_of(read_file(out / "timeseries.csv")).at(0);
  EXPECT_NE(header.find(" scenario epstein-run5 sha256 " +
                        s["scenario"]["sha256"].get<std::string>() + " seed 1"),
            std::string::npos)
      << header;
}

TEST(Run, LeavesNoTemporaryFiles) {
  Sandbox box;
  const fs::path out = box.work() / "out";
  run_ok(box, {"run", "epstein-run4", "--periods", "40", "--out", out.string()});
  run_ok(box, {"run", "epstein-run4", "--periods", "40", "--out", out.string(), "--force"});
  for (const std::string& name : entries_of(out)) {
    EXPECT_EQ(name.find(".tmp-"), std::string::npos) << name;
  }
  EXPECT_EQ(entries_of(out), output_files(40));
  EXPECT_EQ(entries_of(box.work()), std::set<std::string>{"out"});
}

}  // namespace
}  // namespace unrest::e2e
