// `unrest ensemble`, `compare`, `query` and `export` as a user runs them: the store, the odds
// table, identical results whatever the threads, resuming after a real kill, and bad input.
// The scenario is tests/e2e/data/country/small.toml (three regions, two days: 0.1 s a run).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "e2e/cli_harness.hpp"

namespace unrest::e2e {
namespace {

const fs::path kSmall = kData / "country" / "small.toml";
const fs::path kChild = kData / "country" / "child.toml";

// Every row of the store that a run's outcome decides (timings excluded), in a fixed order.
std::string outcome_rows(const Sandbox& box, const std::string& store) {
  std::string all;
  for (const char* sql :
       {"SELECT scenario, replicate, seed, scenario_sha256, parameters, status FROM runs "
        "ORDER BY 1, 2",
        "SELECT * FROM outcomes ORDER BY 1, 2", "SELECT * FROM region_outcomes ORDER BY 1, 2, 3",
        "SELECT * FROM series ORDER BY 1, 2, 3, 4"}) {
    const Result r = box.unrest({"query", store, sql});
    EXPECT_EQ(r.status, 0) << r;
    all += r.out;
  }
  return all;
}

std::string scalar(const Sandbox& box, const std::string& store, const std::string& sql) {
  const Result r = box.unrest({"query", store, sql});
  EXPECT_EQ(r.status, 0) << r;
  const std::vector<std::string> lines = lines_of(r.out);
  return lines.size() == 2 ? lines[1] : "";
}

TEST(Ensemble, WritesTheStoreAndTheOddsTable) {
  const Sandbox box;
  const Result r = box.unrest({"ensemble", kSmall.string(), "--runs", "6", "--out", "r.db"});
  ASSERT_EQ(r.status, 0) << r;
  EXPECT_NE(r.out.find("| small | 6 |"), std::string::npos) << r.out;
  EXPECT_EQ(scalar(box, "r.db", "SELECT count(*) FROM runs"), "6");
  EXPECT_EQ(scalar(box, "r.db", "SELECT count(DISTINCT seed) FROM runs"), "6");
  EXPECT_EQ(scalar(box, "r.db", "SELECT count(*) FROM region_outcomes"), "18");
  const std::vector<std::string> csv = lines_of(read_file(box.work() / "r.csv"));
  ASSERT_EQ(csv.size(), 3u);  // provenance, header, one scenario
  EXPECT_EQ(csv[0].rfind("# unrest ", 0), 0u);
  EXPECT_NE(csv[0].find("base_seed 3 runs 6"), std::string::npos) << csv[0];
  EXPECT_EQ(csv[1].rfind("scenario,runs,stands,contested,falls,p_stands,", 0), 0u);
  EXPECT_EQ(csv[2].rfind("small,6,", 0), 0u);
  EXPECT_NE(read_file(box.work() / "r.md").find("| small | 6 |"), std::string::npos);
}

TEST(Ensemble, SameStoreWhateverTheThreads) {
  const Sandbox box;
  for (const char* threads : {"1", "2", "3"}) {
    const Result r = box.unrest({"ensemble", kSmall.string(), "--runs", "5", "--threads", threads,
                                 "--out", std::string("t") + threads + ".db", "--quiet"});
    ASSERT_EQ(r.status, 0) << r;
  }
  const std::string one = outcome_rows(box, "t1.db");
  EXPECT_GT(one.size(), 1000u);
  EXPECT_EQ(outcome_rows(box, "t2.db"), one);
  EXPECT_EQ(outcome_rows(box, "t3.db"), one);
}

TEST(Ensemble, ARerunCompletesOnlyTheMissingRuns) {
  const Sandbox box;
  ASSERT_EQ(box.unrest({"ensemble", kSmall.string(), "--runs", "5", "--out", "all.db"}).status, 0);
  ASSERT_EQ(box.unrest({"ensemble", kSmall.string(), "--runs", "2", "--out", "part.db"}).status, 0);
  const Result more = box.unrest({"ensemble", kSmall.string(), "--runs", "5", "--out", "part.db"});
  ASSERT_EQ(more.status, 0) << more;
  EXPECT_NE(more.err.find("2 of 5 runs already stored; running the 3 missing"), std::string::npos)
      << more;
  EXPECT_EQ(outcome_rows(box, "part.db"), outcome_rows(box, "all.db"));
}

// Kills an ensemble with `signal` once its store has grown past its first run, or after a few
// seconds, whichever comes first; returns how the process ended.
int kill_midway(const Sandbox& box, int signal, const std::vector<std::string>& args) {
  const pid_t pid =
      start_program(kBinary, args, box.work(), box.root() / ".kill-out", box.root() / ".kill-err");
  const fs::path store = box.work() / "killed.db";
  std::uintmax_t first_size = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (std::chrono::steady_clock::now() < deadline) {
    std::error_code ec;
    const std::uintmax_t size = fs::file_size(store, ec);
    if (!ec && size > 0 && first_size == 0) first_size = size;
    if (!ec && first_size > 0 && size > first_size) break;  // at least one run committed
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  ::kill(pid, signal);
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFSIGNALED(status) ? WTERMSIG(status) : -1;
}

TEST(Ensemble, KilledAndRerunGivesTheSameStoreAsAnUninterruptedRun) {
  const Sandbox box;
  const std::vector<std::string> base{"ensemble", kSmall.string(), "--runs", "40", "--threads",
                                      "2",        "--quiet",       "--out"};
  std::vector<std::string> whole = base;
  whole.push_back("whole.db");
  ASSERT_EQ(box.unrest(whole).status, 0);
  const std::string expected = outcome_rows(box, "whole.db");
  std::vector<std::string> killed = base;
  killed.push_back("killed.db");
  for (const int signal : {SIGKILL, SIGTERM, SIGINT}) {
    fs::remove(box.work() / "killed.db");
    ASSERT_EQ(kill_midway(box, signal, killed), signal) << "the ensemble ended before the kill";
    if (signal != SIGKILL) {
      EXPECT_NE(read_file(box.root() / ".kill-err").find("run the same command again"),
                std::string::npos)
          << signal;
    }
    const std::string stored = scalar(box, "killed.db", "SELECT count(*) FROM runs");
    EXPECT_LT(std::stoi(stored.empty() ? "0" : stored), 40) << signal;
    const Result resumed = box.unrest(killed);
    ASSERT_EQ(resumed.status, 0) << resumed;
    EXPECT_EQ(outcome_rows(box, "killed.db"), expected) << "after signal " << signal;
  }
}

TEST(Compare, RunsEveryScenarioOnTheSameSeeds) {
  const Sandbox box;
  const Result r = box.unrest(
      {"compare", kSmall.string(), kChild.string(), "--runs", "4", "--out", "c.db", "--seed", "9"});
  ASSERT_EQ(r.status, 0) << r;
  EXPECT_NE(r.out.find("| small | 4 |"), std::string::npos) << r.out;
  EXPECT_EQ(scalar(box, "c.db", "SELECT count(*) FROM runs"), "8");
  // Common random numbers: replicate i has the same seed in both scenarios.
  EXPECT_EQ(scalar(box, "c.db",
                   "SELECT count(*) FROM runs a JOIN runs b ON a.replicate = b.replicate "
                   "AND a.scenario = 0 AND b.scenario = 1 AND a.seed = b.seed"),
            "4");
  EXPECT_EQ(lines_of(without_comments(read_file(box.work() / "c.csv"))).size(), 3u);
  // child.toml switches the intervention off: no troops in any period of its runs.
  EXPECT_EQ(scalar(box, "c.db", "SELECT max(troops) FROM series WHERE scenario = 1"), "0.0");
  EXPECT_NE(scalar(box, "c.db", "SELECT max(troops) FROM series WHERE scenario = 0"), "0.0");
}

TEST(Sweep, GridWritesItsDesignTableAndEveryPointsRuns) {
  const Sandbox box;
  const Result r =
      box.unrest({"sweep", kSmall.string(), "--vary", "legitimacy.national=0.7:0.9:3", "--vary",
                  "intervention.mandate=guard,suppress", "--runs", "2", "--out", "s.db"});
  ASSERT_EQ(r.status, 0) << r;
  const std::vector<std::string> design = lines_of(read_file(box.work() / "s-design.csv"));
  ASSERT_EQ(design.size(), 7u);  // header and 3 x 2 points
  EXPECT_EQ(design[0], "point,scenario_sha256,legitimacy.national,intervention.mandate");
  EXPECT_EQ(design[6].substr(design[6].size() - 13), ",0.9,suppress");
  EXPECT_EQ(scalar(box, "s.db", "SELECT count(*) FROM runs"), "12");
  EXPECT_EQ(scalar(box, "s.db", "SELECT parameters FROM scenarios WHERE scenario = 5"),
            "\"{\"\"legitimacy.national\"\":\"\"0.9\"\",\"\"intervention.mandate\"\":"
            "\"\"suppress\"\"}\"");
  // Under mandate suppress the troops engage, so attitude ends lower than under guard (the
  // points differ only in the mandate, and run on the same seeds).
  EXPECT_EQ(scalar(box, "s.db",
                   "SELECT (SELECT sum(attitude) FROM outcomes WHERE scenario = 1) < "
                   "(SELECT sum(attitude) FROM outcomes WHERE scenario = 0)"),
            "1");
}

TEST(ExportAndQuery, EveryTableAsCsvOrJson) {
  const Sandbox box;
  ASSERT_EQ(box.unrest({"ensemble", kSmall.string(), "--runs", "2", "--out", "r.db"}).status, 0);
  const Result csv = box.unrest({"export", "r.db", "--format", "csv"});
  ASSERT_EQ(csv.status, 0) << csv;
  for (const char* table : {"meta", "scenarios", "runs", "outcomes", "region_outcomes", "series"}) {
    EXPECT_TRUE(fs::exists(box.work() / "r-csv" / (std::string(table) + ".csv"))) << table;
  }
  EXPECT_EQ(lines_of(read_file(box.work() / "r-csv" / "runs.csv")).size(), 3u);
  const Result json = box.unrest({"export", "r.db", "--format", "json", "--out", "r.json"});
  ASSERT_EQ(json.status, 0) << json;
  const auto j = nlohmann::json::parse(read_file(box.work() / "r.json"));
  EXPECT_EQ(j["runs"].size(), 2u);
  EXPECT_EQ(j["region_outcomes"].size(), 6u);
  EXPECT_TRUE(j["runs"][0]["seed"].is_number());
  const Result q = box.unrest({"query", "r.db", "SELECT regime FROM outcomes", "--format", "json"});
  ASSERT_EQ(q.status, 0) << q;
  EXPECT_EQ(nlohmann::json::parse(q.out).size(), 2u);
}

// Open MPI's settings for this machine: as root, more ranks than cores, and no cross-memory
// attach (not permitted in containers). Leak checking is off for these processes: Open MPI
// keeps allocations until exit by design.
void prepare_mpi_environment() {
  ::setenv("OMPI_ALLOW_RUN_AS_ROOT", "1", 1);
  ::setenv("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1", 1);
  ::setenv("OMPI_MCA_btl_vader_single_copy_mechanism", "none", 1);
  ::setenv("ASAN_OPTIONS", "detect_leaks=0", 1);
}

Result mpirun(const Sandbox& box, int ranks, std::vector<std::string> args) {
  prepare_mpi_environment();
  args.insert(args.begin(), {"--oversubscribe", "-np", std::to_string(ranks), kBinary.string()});
  return run_program("/usr/bin/mpirun", args, box.work(), box.root(), std::chrono::seconds(300));
}

TEST(Mpi, ThreeRanksGiveTheSameStoreAsOneProcess) {
  const Sandbox box;
  const std::vector<std::string> compare{"compare", kSmall.string(), kChild.string(), "--runs",
                                         "5",       "--quiet",       "--out"};
  std::vector<std::string> single = compare;
  single.push_back("single.db");
  ASSERT_EQ(box.unrest(single).status, 0);
  std::vector<std::string> ranks = compare;
  ranks.push_back("ranks.db");
  const Result r = mpirun(box, 3, ranks);
  ASSERT_EQ(r.status, 0) << r;
  EXPECT_EQ(scalar(box, "ranks.db", "SELECT count(*) FROM runs"), "10");
  EXPECT_EQ(outcome_rows(box, "ranks.db"), outcome_rows(box, "single.db"));
  EXPECT_EQ(read_file(box.work() / "ranks.md")
                .substr(read_file(box.work() / "ranks.md").find("| scenario")),
            read_file(box.work() / "single.md")
                .substr(read_file(box.work() / "single.md").find("| scenario")));
}

TEST(Mpi, BadInputStopsEveryRankWithOneMessage) {
  const Sandbox box;
  ASSERT_EQ(box.unrest({"ensemble", kSmall.string(), "--runs", "1", "--out", "r.db"}).status, 0);
  const Result r =
      mpirun(box, 3, {"ensemble", kSmall.string(), "--runs", "2", "--seed", "4", "--out", "r.db"});
  EXPECT_NE(r.status, 0) << r;
  EXPECT_FALSE(r.timed_out);
  const std::string message = "the store holds another study";
  const std::size_t first = r.err.find(message);
  ASSERT_NE(first, std::string::npos) << r;
  EXPECT_EQ(r.err.find(message, first + 1), std::string::npos) << "reported by more than one rank";
  EXPECT_EQ(scalar(box, "r.db", "SELECT count(*) FROM runs"), "1");
}

struct BadCase {
  std::vector<std::string> args;
  std::string message;
};

TEST(EnsembleBadInput, ClearErrorsAndExitStatusTwo) {
  const Sandbox box;
  ASSERT_EQ(box.unrest({"ensemble", kSmall.string(), "--runs", "1", "--out", "r.db"}).status, 0);
  write_file(box.work() / "plain", "a file, not a directory\n");
  const std::vector<BadCase> cases{
      {{"ensemble", kSmall.string(), "--runs", "0"}, "--runs"},
      {{"ensemble", kSmall.string()}, "--runs is required"},
      {{"ensemble", kSmall.string(), "--runs", "1", "--out", "plain/r.db"}, "plain"},
      {{"ensemble", kSmall.string(), "--runs", "1", "--out", "/proc/unrest.db"}, "/proc/unrest.db"},
      {{"ensemble", kChild.string(), "--runs", "1", "--out", "r.db"},
       "the store holds another study"},
      {{"ensemble", kSmall.string(), "--runs", "1", "--seed", "4", "--out", "r.db"},
       "base_seed is 3, this command's is 4"},
      {{"ensemble", "epstein-run2", "--runs", "1"}, "ensembles run country scenarios"},
      {{"ensemble", kSmall.string(), "--runs", "1", "--set", "nonsense.key=1"}, "nonsense.key"},
      {{"sweep", kSmall.string(), "--vary", "nonsense.key=1:2:2", "--runs", "1"}, "nonsense.key"},
      {{"sweep", kSmall.string(), "--vary", "legitimacy.national=0.9:0.7:3", "--runs", "1"},
       "empty range"},
      {{"sweep", kSmall.string(), "--vary", "intervention.mandate=", "--runs", "1"}, "empty list"},
      {{"sweep", kSmall.string(), "--vary", "legitimacy.national=0.7:0.9:3", "--design", "lhs",
        "--runs", "1"},
       "--points"},
      {{"query", "r.db", "DELETE FROM runs"}, "readonly"},
      {{"query", "r.db", "SELECT x FROM nowhere"}, "no such table"},
      {{"query", "missing.db", "SELECT 1"}, "no such results store"},
      {{"query", "plain", "SELECT 1"}, "plain"},
  };
  for (const BadCase& c : cases) {
    const Result r = box.unrest(c.args);
    EXPECT_EQ(r.status, 2) << c.args.back() << "\n" << r;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << c.message << "\n" << r;
  }
  EXPECT_EQ(scalar(box, "r.db", "SELECT count(*) FROM runs"), "1");
}

TEST(EnsembleBadInput, ASecondWriterIsRefusedWhileTheFirstRuns) {
  const Sandbox box;
  const pid_t first = start_program(
      kBinary, {"ensemble", kSmall.string(), "--runs", "400", "--threads", "1", "--out", "r.db"},
      box.work(), box.root() / ".first-out", box.root() / ".first-err");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!fs::exists(box.work() / "r.db") && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // past creating the schema
  const Result second = box.unrest({"ensemble", kSmall.string(), "--runs", "400", "--out", "r.db"});
  ::kill(first, SIGKILL);
  ::waitpid(first, nullptr, 0);
  EXPECT_EQ(second.status, 2) << second;
  EXPECT_NE(second.err.find("in use by another unrest process"), std::string::npos) << second;
}

}  // namespace
}  // namespace unrest::e2e
