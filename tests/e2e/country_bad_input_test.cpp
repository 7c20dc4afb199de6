// Bad country scenarios on the command line: exit status 2, one line on stderr that names the
// file (and line) and the key or column, nothing on stdout, and no output directory created.
// The loader's unit tests cover the messages in detail; these check what a user sees. The files
// are in tests/e2e/data/country/; most inherit from small.toml and break one thing.
#include <gtest/gtest.h>

#include <algorithm>

#include "e2e/cli_harness.hpp"

namespace unrest::e2e {
namespace {

struct CountryCase {
  std::string name;
  std::string file;                   // in data/country/
  std::vector<std::string> expected;  // substrings of the message
};

std::ostream& operator<<(std::ostream& os, const CountryCase& c) {
  return os << c.name;
}

void expect_rejected(const Result& r, const std::vector<std::string>& expected) {
  EXPECT_EQ(r.status, 2) << r;
  EXPECT_EQ(r.out, "") << r;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << "exactly one line\n" << r;
  EXPECT_EQ(r.err.rfind("unrest: error: ", 0), 0u) << r;
  for (const std::string& piece : expected) {
    EXPECT_NE(r.err.find(piece), std::string::npos) << "missing \"" << piece << "\"\n" << r;
  }
}

class CountryBadInput : public ::testing::TestWithParam<CountryCase> {};

TEST_P(CountryBadInput, RunIsRefusedBeforeAnythingIsCreated) {
  const CountryCase& c = GetParam();
  Sandbox box;
  const fs::path scenario = kData / "country" / c.file;
  ASSERT_TRUE(fs::exists(scenario)) << scenario;
  const fs::path out = box.work() / "out";
  expect_rejected(box.unrest({"run", scenario.string(), "--out", out.string()}), c.expected);
  EXPECT_FALSE(fs::exists(out));
  // Without --out: the default results/NAME-seedN is not created either.
  expect_rejected(box.unrest({"run", scenario.string()}), c.expected);
  EXPECT_TRUE(entries_of(box.work()).empty());
}

TEST_P(CountryBadInput, ShowIsRefused) {
  const CountryCase& c = GetParam();
  Sandbox box;
  expect_rejected(box.unrest({"show", (kData / "country" / c.file).string()}), c.expected);
}

const std::vector<CountryCase> kCases{
    {"EventInUnknownRegion",
     "bad_event_region.toml",
     {"bad_event_region.toml:5:", "'events.timeline[1].region'", "unknown region 'north'",
      "west, east, capital"}},
    {"EventOutsideTheHorizon",
     "bad_event_date.toml",
     {"bad_event_date.toml:4:", "'events.timeline[1].date'", "outside the horizon",
      "2022-01-05T00:00"}},
    {"ContingentTooLargeForItsRegion",
     "bad_contingent.toml",
     {"bad_contingent.toml:5:", "'intervention.contingents[1].troops'", "200000 troops",
      "region 'east'"}},
    {"RegionsCsvMissingAColumn",
     "bad_regions_missing_column.toml",
     {"regions_missing_column.csv:1:", "'centroid_lon'", "missing"}},
    {"RegionsCsvNegativePopulation",
     "bad_regions_negative_population.toml",
     {"regions_negative_population.csv:3:", "'population'", "-10000"}},
    {"RegionsCsvUnknownNeighbour",
     "bad_regions_unknown_neighbour.toml",
     {"regions_unknown_neighbour.csv:4:", "'neighbours'", "unknown region 'south'"}},
    {"InheritanceLoop",
     "loop_a.toml",
     {"loop_b.toml:1:", "'base'", "inheritance loop", "loop_a.toml -> ", "loop_b.toml -> "}},
    {"UnknownKey",
     "bad_unknown_key.toml",
     {"bad_unknown_key.toml:4:", "'country.scael'", "unknown key", "accepts: regions, scale"}},
    {"PriceEventWithoutPrice",
     "bad_price.toml",
     {"bad_price.toml:3:", "'events.timeline[1].price'", "price_rollback", "needs a price"}},
    {"MapFeatureOfAnUnknownRegion",
     "bad_map_id.toml",
     {"bad_map_id.toml:5:", "'country.map'", "GeoJSON FeatureCollection", "west, east, capital",
      "feature 0 with properties.id \"north\""}},
    {"MapThatIsNotJson",
     "bad_map_json.toml",
     {"bad_map_json.toml:5:", "'country.map'", "text that is not JSON"}},
};

INSTANTIATE_TEST_SUITE_P(Files, CountryBadInput, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<CountryCase>& param_info) {
                           return param_info.param.name;
                         });

// The same checks where the mistake is on the command line.
TEST(CountryBadSet, IsRefusedBeforeAnythingIsCreated) {
  Sandbox box;
  const std::string small = (kData / "country" / "small.toml").string();
  const std::vector<std::pair<std::vector<std::string>, std::vector<std::string>>> cases{
      {{"--set", "country.scael=20"}, {"--set country.scael=20", "'country.scael'", "unknown key"}},
      {{"--set", "scale=0"}, {"--set scale=0", "'country.scale'"}},
      {{"--set", "hardship.exposure.north=0.5"}, {"'hardship.exposure.north'", "north"}},
  };
  for (const auto& [extra, expected] : cases) {
    std::vector<std::string> args{"run", small};
    args.insert(args.end(), extra.begin(), extra.end());
    expect_rejected(box.unrest(args), expected);
  }
  EXPECT_TRUE(entries_of(box.work()).empty());
}

}  // namespace
}  // namespace unrest::e2e
