#include "scenario/regions_csv.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "scenario/scenario.hpp"

namespace unrest::scenario {
namespace {

namespace fs = std::filesystem;

const std::string kHeader =
    "id,name,type,capital,population,population_year,area_km2,centroid_lat,centroid_lon,"
    "neighbours,oil_gas_region,oil_gas_towns,iso3166_2\n";

// A temporary regions file, removed at the end of the test.
class RegionsFile {
 public:
  explicit RegionsFile(const std::string& text)
      : path_(fs::temp_directory_path() /
              ("unrest-regions-" +
               std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".csv")) {
    std::ofstream(path_) << text;
  }
  ~RegionsFile() { fs::remove(path_); }
  std::string path() const { return path_.string(); }

 private:
  fs::path path_;
};

const std::string kWest = "west,West,oblast,W,100,2021-01-01,50.5,45,50,east,yes,,\n";
const std::string kEast = "east,\"East, the big one\",oblast,E,200,2021-01-01,60,45,60,west,no,,\n";

// The message of the InputError `load` throws, or "" if it does not throw.
std::string error_of(const std::string& text) {
  const RegionsFile f(text);
  try {
    load_regions_csv(f.path());
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(RegionsCsv, ReadsTheKazakhstanData) {
  const country::Geography g = load_regions_csv(UNREST_DATA_DIR "/kazakhstan/regions.csv");
  ASSERT_EQ(g.regions.size(), 17u);
  EXPECT_EQ(g.population(), 18'879'552u);  // the sum sources.md gives
  const auto mangystau = g.index_of("mangystau");
  ASSERT_TRUE(mangystau.has_value());
  const country::Region& m = g.regions[*mangystau];
  EXPECT_EQ(m.population, 719'571u);
  EXPECT_TRUE(m.oil_gas);
  ASSERT_EQ(m.neighbours.size(), 2u);
  EXPECT_EQ(g.regions[m.neighbours[0]].id, "aktobe");
  EXPECT_EQ(g.regions[m.neighbours[1]].id, "atyrau");
  EXPECT_EQ(g.regions[*g.index_of("almaty_region")].name,
            "Almaty Region (pre-June-2022 borders, incl. later Jetisu)");
  int oil_gas = 0;
  for (std::size_t i = 0; i < g.regions.size(); ++i) {
    oil_gas += g.regions[i].oil_gas;
    for (const std::size_t j : g.regions[i].neighbours) {
      const auto& back = g.regions[j].neighbours;
      EXPECT_NE(std::find(back.begin(), back.end(), i), back.end()) << g.regions[i].id;
    }
  }
  EXPECT_EQ(oil_gas, 5);  // Aktobe, Atyrau, West Kazakhstan, Kyzylorda, Mangystau
}

TEST(RegionsCsv, ReadsQuotedNamesAndResolvesNeighbours) {
  const RegionsFile f(kHeader + kWest + kEast);
  const country::Geography g = load_regions_csv(f.path());
  ASSERT_EQ(g.regions.size(), 2u);
  EXPECT_EQ(g.regions[1].name, "East, the big one");
  EXPECT_EQ(g.regions[0].neighbours, std::vector<std::size_t>{1});
  EXPECT_DOUBLE_EQ(g.regions[0].area_km2, 50.5);
}

TEST(RegionsCsv, AMissingColumnNamesIt) {
  const std::string err = error_of("id,name,type,capital,area_km2\nx,X,oblast,C,1\n");
  EXPECT_NE(err.find("population"), std::string::npos) << err;
}

TEST(RegionsCsv, ANegativePopulationNamesLineAndColumn) {
  const std::string err =
      error_of(kHeader + kWest + "east,East,oblast,E,-200,2021-01-01,60,45,60,west,no,,\n");
  EXPECT_NE(err.find(":3: column 'population'"), std::string::npos) << err;
  EXPECT_NE(err.find("-200"), std::string::npos) << err;
}

TEST(RegionsCsv, AnUnknownNeighbourNamesIt) {
  const std::string err = error_of(
      kHeader + "west,West,oblast,W,100,2021-01-01,50,45,50,east;atlantis,yes,,\n" + kEast);
  EXPECT_NE(err.find(":2: column 'neighbours': unknown region 'atlantis'"), std::string::npos)
      << err;
}

TEST(RegionsCsv, NeighboursMustBeMutual) {
  const std::string err =
      error_of(kHeader + kWest + "east,East,oblast,E,200,2021-01-01,60,45,60,,no,,\n");
  EXPECT_NE(err.find(":3: column 'neighbours'"), std::string::npos) << err;
  EXPECT_NE(err.find("'east' does not list 'west'"), std::string::npos) << err;
}

TEST(RegionsCsv, OtherBadValuesAreRefused) {
  EXPECT_NE(error_of(kHeader + kWest + kWest).find("listed twice"), std::string::npos);
  EXPECT_NE(error_of(kHeader + "w,W,oblast,W,100,2021,50,95,50,,no,,\n").find("centroid_lat"),
            std::string::npos);
  EXPECT_NE(error_of(kHeader + "w,W,oblast,W,100,2021,0,45,50,,no,,\n").find("area_km2"),
            std::string::npos);
  EXPECT_NE(error_of(kHeader + "w,W,oblast,W,100,2021,50,45,50,,maybe,,\n").find("oil_gas_region"),
            std::string::npos);
  EXPECT_NE(error_of(kHeader + "w,W,oblast,W,lots,2021,50,45,50,,no,,\n").find("population"),
            std::string::npos);
  EXPECT_NE(error_of(kHeader + "w,W,oblast,W,100,2021,50,45,50,w,no,,\n").find("itself"),
            std::string::npos);
  EXPECT_NE(error_of(kHeader).find("at least one region"), std::string::npos);
  EXPECT_THROW(load_regions_csv("/nonexistent/regions.csv"), InputError);
}

}  // namespace
}  // namespace unrest::scenario
