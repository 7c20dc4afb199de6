#include "store/results_store.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "run/country_run.hpp"

namespace unrest::store {
namespace {

namespace fs = std::filesystem;

// A three-region country over two days (the end-to-end tests' small scenario): 0.1 s a run.
const scenario::CountryScenario& small_scenario() {
  static const scenario::CountryScenario s = scenario::load_country_scenario(
      std::string(UNREST_UNIT_TEST_DATA) + "/e2e/data/country/small.toml");
  return s;
}

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("unrest-store-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  Study study(std::uint32_t stride = 1) const {
    Study s;
    s.command = "ensemble";
    s.base_seed = 5;
    s.series_stride = stride;
    s.scenarios = {study_scenario(small_scenario())};
    return s;
  }

  static run::CountryRunResult run_with_seed(std::uint64_t seed) {
    scenario::CountryScenario s = small_scenario();
    s.seed = seed;
    return run::run_country(s, {}, {.threads = 1});
  }

  static std::string count(const ResultsStore& store, const std::string& table) {
    return *store.query("SELECT count(*) FROM " + table).rows.at(0).at(0);
  }

  fs::path dir_;
};

TEST_F(StoreTest, CreatesTheDocumentedTablesAndRecordsARunInEach) {
  ResultsStore store = ResultsStore::open_for_study(dir_ / "sub" / "r.db", study(6));
  for (const std::string& table : ResultsStore::tables()) {
    EXPECT_EQ(store.query("SELECT count(*) FROM sqlite_schema WHERE name = '" + table + "'")
                  .rows.at(0)
                  .at(0),
              "1")
        << table;
  }
  const run::CountryRunResult result = run_with_seed(11);
  store.record({0, 3, 11}, small_scenario(), result);
  EXPECT_EQ(store.completed(), (std::set<std::pair<std::size_t, std::uint32_t>>{{0, 3}}));
  EXPECT_EQ(count(store, "runs"), "1");
  EXPECT_EQ(count(store, "outcomes"), "1");
  EXPECT_EQ(count(store, "region_outcomes"), "3");  // one row per region
  // 48 hourly periods at a stride of 6: periods 6, 12, ..., 48, national only.
  EXPECT_EQ(count(store, "series"), "8");
  const auto run_row = store.query("SELECT seed, status, scenario_sha256 FROM runs").rows.at(0);
  EXPECT_EQ(run_row.at(0), "11");
  EXPECT_EQ(run_row.at(1), "done");
  EXPECT_EQ(run_row.at(2), effective_sha256(small_scenario()));
  const std::vector<country::RunOutcome> back = store.outcomes(0, 10);
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(back[0].regime, result.record.outcome.regime);
  EXPECT_DOUBLE_EQ(back[0].detained, result.record.outcome.detained);
  EXPECT_DOUBLE_EQ(back[0].peak_active, result.record.outcome.peak_active);
  EXPECT_TRUE(store.outcomes(0, 3).empty());  // replicate 3 is not among the first three
}

TEST_F(StoreTest, AFailedWriteLeavesNoPartOfTheRun) {
  const fs::path path = dir_ / "r.db";
  { ResultsStore::open_for_study(path, study()); }
  {
    // Plant a series row that replicate 1's last insert will collide with, so that its write
    // fails after its runs, outcomes and region rows and most of its series went in.
    Database raw(path, Database::Mode::read_write_create);
    raw.execute(
        "INSERT INTO series (scenario, replicate, region, period, time) "
        "VALUES (0, 1, '', 48, 'planted')");
  }
  ResultsStore store = ResultsStore::open_for_study(path, study());
  EXPECT_THROW(store.record({0, 1, 11}, small_scenario(), run_with_seed(11)), StoreError);
  EXPECT_TRUE(store.completed().empty());
  EXPECT_EQ(count(store, "runs"), "0");
  EXPECT_EQ(count(store, "outcomes"), "0");
  EXPECT_EQ(count(store, "region_outcomes"), "0");
  EXPECT_EQ(count(store, "series"), "1");  // only the planted row
  // The store is still usable: another run goes in whole.
  store.record({0, 0, 11}, small_scenario(), run_with_seed(11));
  EXPECT_EQ(count(store, "runs"), "1");
  EXPECT_EQ(count(store, "series"), "49");
}

TEST_F(StoreTest, AWriterKilledMidRunLeavesAStoreThatReadsAsBefore) {
  const fs::path path = dir_ / "r.db";
  std::string min_active;
  {
    ResultsStore store = ResultsStore::open_for_study(path, study());
    store.record({0, 0, 11}, small_scenario(), run_with_seed(11));
    min_active = *store.query("SELECT min(active) FROM series").rows.at(0).at(0);
  }
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // The child dies in the middle of a run's transaction, as under SIGKILL: no rollback, no
    // close; the journal is left hot.
    Database raw(path, Database::Mode::read_write);
    raw.execute("PRAGMA locking_mode = EXCLUSIVE; BEGIN IMMEDIATE");
    raw.execute("INSERT INTO runs VALUES (0, 1, 12, 'x', '{}', 'v', 'done', 1, 0, 0, 0)");
    raw.execute("DELETE FROM outcomes");
    raw.execute("PRAGMA cache_size = 0; UPDATE series SET active = -1");  // spill to the file
    ::_exit(0);
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  ASSERT_GT(fs::file_size(dir_ / "r.db-journal"), 0u);  // hot: the child changed the file
  const ResultsStore reader = ResultsStore::open_read_only(path);
  EXPECT_EQ(count(reader, "runs"), "1");
  EXPECT_EQ(count(reader, "outcomes"), "1");
  EXPECT_EQ(*reader.query("SELECT min(active) FROM series").rows.at(0).at(0), min_active);
}

TEST_F(StoreTest, ResumesTheSameStudyAndRefusesAnother) {
  {
    ResultsStore store = ResultsStore::open_for_study(dir_ / "r.db", study());
    store.record({0, 0, 11}, small_scenario(), run_with_seed(11));
  }
  {
    const ResultsStore again = ResultsStore::open_for_study(dir_ / "r.db", study());
    EXPECT_EQ(again.completed().size(), 1u);
  }
  Study other = study();
  other.base_seed = 6;
  try {
    ResultsStore::open_for_study(dir_ / "r.db", other);
    FAIL() << "a store of another study was reopened";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("base_seed is 5, this command's is 6"), std::string::npos)
        << e.what();
  }
  Study changed = study();
  changed.scenarios[0].sha256 = std::string(64, 'f');
  EXPECT_THROW(ResultsStore::open_for_study(dir_ / "r.db", changed), StoreError);
}

TEST_F(StoreTest, RefusesAStoreWrittenByAnotherVersion) {
  { ResultsStore::open_for_study(dir_ / "r.db", study()); }
  {
    Database raw(dir_ / "r.db", Database::Mode::read_write);
    raw.execute("UPDATE meta SET value = '0.0.1+0123456789ab' WHERE key = 'version'");
  }
  try {
    ResultsStore::open_for_study(dir_ / "r.db", study());
    FAIL() << "a store of another version was reopened for writing";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("written by unrest 0.0.1+0123456789ab"), std::string::npos)
        << e.what();
  }
  EXPECT_NO_THROW(ResultsStore::open_read_only(dir_ / "r.db"));  // still readable
}

TEST_F(StoreTest, OneWriterAtATime) {
  const ResultsStore first = ResultsStore::open_for_study(dir_ / "r.db", study());
  try {
    ResultsStore::open_for_study(dir_ / "r.db", study());
    FAIL() << "a second writer opened the store";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("in use by another unrest process"), std::string::npos)
        << e.what();
  }
}

TEST_F(StoreTest, RefusesFilesThatAreNotStores) {
  {
    std::ofstream text(dir_ / "notes.db");
    text << "not a database\n";
  }
  EXPECT_THROW(ResultsStore::open_for_study(dir_ / "notes.db", study()), StoreError);
  EXPECT_THROW(ResultsStore::open_read_only(dir_ / "notes.db"), StoreError);
  EXPECT_THROW(ResultsStore::open_read_only(dir_ / "missing.db"), StoreError);
  { std::ofstream blocker(dir_ / "file"); }
  EXPECT_THROW(ResultsStore::open_for_study(dir_ / "file" / "r.db", study()), StoreError);
}

TEST_F(StoreTest, ReadOnlyQueriesCannotChangeTheStore) {
  {
    ResultsStore store = ResultsStore::open_for_study(dir_ / "r.db", study());
    store.record({0, 0, 11}, small_scenario(), run_with_seed(11));
  }
  const ResultsStore reader = ResultsStore::open_read_only(dir_ / "r.db");
  EXPECT_THROW(reader.query("DELETE FROM runs"), StoreError);
  EXPECT_EQ(count(reader, "runs"), "1");
  EXPECT_EQ(reader.scenario_names(), std::vector<std::string>{"small"});
}

}  // namespace
}  // namespace unrest::store
