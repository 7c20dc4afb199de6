// `unrest run --scheduler parallel --threads N`: the thread count never changes the results,
// the choice of scheduler is recorded, and bad values are refused before anything is written.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "e2e/cli_harness.hpp"

namespace unrest::e2e {
namespace {

const std::vector<std::string> kLattice200{"--set", "lattice.width=200", "--set",
                                           "lattice.height=200"};

std::vector<std::string> run2_args(const fs::path& out, std::vector<std::string> extra) {
  std::vector<std::string> args{"run", "epstein-run2", "--periods", "200", "--out", out.string()};
  args.insert(args.end(), kLattice200.begin(), kLattice200.end());
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

nlohmann::ordered_json summary_of(const fs::path& dir) {
  return nlohmann::ordered_json::parse(read_file(dir / "summary.json"));
}

TEST(Scheduler, ParallelRunsAreTheSameOnOneAndTwoThreads) {
  Sandbox box;
  const fs::path a = box.work() / "one";
  const fs::path b = box.work() / "two";
  const Result ra = box.unrest(run2_args(a, {"--scheduler", "parallel", "--threads", "1"}));
  ASSERT_EQ(ra.status, 0) << ra;
  const Result rb = box.unrest(run2_args(b, {"--scheduler", "parallel", "--threads", "2"}));
  ASSERT_EQ(rb.status, 0) << rb;

  const std::string ts = read_file(a / "timeseries.csv");
  EXPECT_EQ(lines_of(ts).size(), 2u + 200u) << "comment, header and one row per period";
  EXPECT_EQ(ts, read_file(b / "timeseries.csv"));
  EXPECT_EQ(read_file(a / "outbursts.csv"), read_file(b / "outbursts.csv"));

  nlohmann::ordered_json sa = summary_of(a);
  nlohmann::ordered_json sb = summary_of(b);
  ASSERT_TRUE(sa.contains("timing")) << sa.dump(2);
  ASSERT_TRUE(sb.contains("timing")) << sb.dump(2);
  EXPECT_EQ(sa["timing"]["threads"], 1);
  EXPECT_EQ(sb["timing"]["threads"], 2);
  EXPECT_GT(sa["timing"]["agent_updates_per_second"].get<double>(), 0.0);
  sa.erase("timing");
  sb.erase("timing");
  EXPECT_EQ(sa.dump(2), sb.dump(2)) << "only the timing block may differ";
  EXPECT_GT(sa["agent_updates"].get<std::uint64_t>(), 200u * 20000u);
}

TEST(Scheduler, SummaryRecordsTheSchedulerInItsParameters) {
  Sandbox box;
  const fs::path par = box.work() / "par";
  const fs::path ref = box.work() / "ref";
  ASSERT_EQ(box.unrest({"run", "epstein-run1", "--periods", "20", "--scheduler", "parallel",
                        "--threads", "2", "--out", par.string()})
                .status,
            0);
  ASSERT_EQ(box.unrest({"run", "epstein-run1", "--periods", "20", "--out", ref.string()}).status,
            0);
  const nlohmann::ordered_json sp = summary_of(par);
  EXPECT_EQ(sp["parameters"]["engine.scheduler"], "parallel") << sp["parameters"].dump(2);
  const nlohmann::ordered_json overrides = sp["overrides"];
  EXPECT_NE(std::find(overrides.begin(), overrides.end(), "engine.scheduler=parallel"),
            overrides.end())
      << overrides.dump();
  EXPECT_EQ(summary_of(ref)["parameters"]["engine.scheduler"], "reference")
      << "the default scheduler";
}

TEST(Scheduler, SetOfEngineSchedulerIsTheSameAsTheOption) {
  Sandbox box;
  const fs::path a = box.work() / "a";
  const fs::path b = box.work() / "b";
  ASSERT_EQ(box.unrest({"run", "epstein-run1", "--periods", "40", "--scheduler", "parallel",
                        "--out", a.string()})
                .status,
            0);
  ASSERT_EQ(box.unrest({"run", "epstein-run1", "--periods", "40", "--set",
                        "engine.scheduler=parallel", "--out", b.string()})
                .status,
            0);
  EXPECT_EQ(without_comments(read_file(a / "timeseries.csv")),
            without_comments(read_file(b / "timeseries.csv")));
  // --scheduler overrides the key.
  const fs::path c = box.work() / "c";
  ASSERT_EQ(
      box.unrest({"run", "epstein-run1", "--periods", "40", "--set", "engine.scheduler=reference",
                  "--scheduler", "parallel", "--out", c.string()})
          .status,
      0);
  EXPECT_EQ(summary_of(c)["parameters"]["engine.scheduler"], "parallel");
  EXPECT_EQ(without_comments(read_file(a / "timeseries.csv")),
            without_comments(read_file(c / "timeseries.csv")));
}

TEST(Scheduler, ReferenceAndParallelFollowDifferentRandomOrders) {
  Sandbox box;
  const fs::path ref = box.work() / "ref";
  const fs::path par = box.work() / "par";
  ASSERT_EQ(box.unrest(run2_args(ref, {"--scheduler", "reference"})).status, 0);
  ASSERT_EQ(box.unrest(run2_args(par, {"--scheduler", "parallel", "--threads", "2"})).status, 0);
  const std::vector<std::string> r = lines_of(without_comments(read_file(ref / "timeseries.csv")));
  const std::vector<std::string> p = lines_of(without_comments(read_file(par / "timeseries.csv")));
  ASSERT_EQ(r.size(), 201u);
  ASSERT_EQ(p.size(), 201u);
  EXPECT_EQ(r[0], p[0]) << "same columns";
  EXPECT_NE(r, p);
}

TEST(Scheduler, AnUnknownSchedulerIsRefusedNamingTheChoices) {
  Sandbox box;
  const fs::path out = box.work() / "out";
  const Result r = box.unrest(
      {"run", "epstein-run1", "--periods", "10", "--scheduler", "bogus", "--out", out.string()});
  EXPECT_EQ(r.status, 2) << r;
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("--scheduler"), std::string::npos) << r;
  EXPECT_NE(r.err.find("bogus"), std::string::npos) << r;
  EXPECT_NE(r.err.find("reference"), std::string::npos) << r;
  EXPECT_NE(r.err.find("parallel"), std::string::npos) << r;
  EXPECT_FALSE(fs::exists(out));
  EXPECT_TRUE(entries_of(box.work()).empty());
}

TEST(Scheduler, ThreadCountsOutOfRangeAreRefusedBeforeAnythingIsWritten) {
  for (const std::string threads : {"0", "1025", "-1", "many"}) {
    Sandbox box;
    const fs::path out = box.work() / "out";
    const Result r = box.unrest({"run", "epstein-run1", "--periods", "10", "--scheduler",
                                 "parallel", "--threads", threads, "--out", out.string()});
    EXPECT_EQ(r.status, 2) << "--threads " << threads << "\n" << r;
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find("--threads"), std::string::npos) << r;
    EXPECT_FALSE(fs::exists(out)) << threads;
    // Nor the default output directory.
    const Result d = box.unrest({"run", "epstein-run1", "--periods", "10", "--threads", threads});
    EXPECT_EQ(d.status, 2) << d;
    EXPECT_TRUE(entries_of(box.work()).empty()) << threads;
  }
}

TEST(Scheduler, ALatticeTooLargeForMemoryIsRefusedByTheParallelEstimate) {
  // 65535 x 65535 sites need about 145 GiB by the parallel scheduler's estimate (18 B a site
  // and 24 B an agent): more than any machine we run on, so this fails the same everywhere.
  Sandbox box;
  const fs::path out = box.work() / "out";
  const Result r =
      box.unrest({"run", "epstein-run2", "--scheduler", "parallel", "--set", "lattice.width=65535",
                  "--set", "lattice.height=65535", "--out", out.string()});
  EXPECT_EQ(r.status, 2) << r;
  EXPECT_NE(r.err.find("lattice.width"), std::string::npos) << r;
  EXPECT_NE(r.err.find("GiB"), std::string::npos) << r;
  EXPECT_FALSE(fs::exists(out));
}

TEST(Scheduler, MoreThreadsThanCoresAreFine) {
  Sandbox box;
  const fs::path out = box.work() / "out";
  const fs::path one = box.work() / "one";
  const Result r = box.unrest({"run", "epstein-run2", "--periods", "30", "--scheduler", "parallel",
                               "--threads", "16", "--out", out.string()});
  EXPECT_EQ(r.status, 0) << r;
  EXPECT_EQ(summary_of(out)["timing"]["threads"], 16);
  ASSERT_EQ(box.unrest({"run", "epstein-run2", "--periods", "30", "--scheduler", "parallel",
                        "--threads", "1", "--out", one.string()})
                .status,
            0);
  EXPECT_EQ(read_file(out / "timeseries.csv"), read_file(one / "timeseries.csv"));
}

}  // namespace
}  // namespace unrest::e2e
