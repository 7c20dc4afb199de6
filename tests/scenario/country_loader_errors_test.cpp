// Every refusal of the country loader names the file and line, the key and what it expected.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "scenario/builtins.hpp"
#include "scenario/country_detail.hpp"
#include "scenario/country_parameters.hpp"
#include "scenario/country_scenario.hpp"
#include "scenario/country_test_support.hpp"

namespace unrest::scenario {
namespace {

namespace fs = std::filesystem;
using country::EventType;
using namespace country_test;

TEST(CountryLoader, RefusesBadOverrides) {
  const std::string base = data("base.toml");
  expect_message(error_of(base, {{"hardship.nonsense", "1"}}),
                 {"--set hardship.nonsense=1", "key 'hardship.nonsense'",
                  "[hardship] accepts:", "sensitivity", "exposure"});
  expect_message(error_of(base, {{"lattice.width", "1"}}),
                 {"key 'lattice.width'", "expected base or a section: scenario"});
  expect_message(error_of(base, {{"scale", "big"}}),
                 {"--set scale=big", "key 'country.scale'", "expected a number in (0,", "big"});
  expect_message(error_of(base, {{"scale", "0"}}), {"key 'country.scale'", "(0, "});
  expect_message(error_of(base, {{"hardship.exposure.atlantis", "0.5"}}),
                 {"--set hardship.exposure.atlantis=0.5", "key 'hardship.exposure.atlantis'",
                  "unknown region 'atlantis'", "west, east, capital"});
  expect_message(error_of(base, {{"legitimacy.offset.west", "-2"}}),
                 {"key 'legitimacy.offset.west'", "expected a number in [-1, 1]", "-2"});
  expect_message(error_of(base, {{"verbose", "1"}}), {"key 'verbose'", "scale or seed"});
}

TEST(CountryLoader, AnInheritanceLoopIsNamed) {
  expect_message(
      error_of(data("loop_a.toml")),
      {"loop_b.toml:1: key 'base'", "inheritance loop: ", "loop_a.toml -> ", "loop_b.toml -> "});
  const std::string loop = error_of(data("loop_a.toml"));
  EXPECT_EQ(loop.substr(loop.size() - std::string("loop_a.toml").size()), "loop_a.toml") << loop;
  expect_message(error_of(data("self_loop.toml")),
                 {"self_loop.toml:1: key 'base'", "inheritance loop: ", "self_loop.toml -> ",
                  "self_loop.toml"});
}

TEST(CountryLoader, AnUnknownBaseIsRefused) {
  expect_error("base = \"nowhere.toml\"\n",
               {"test.toml:1: key 'base'", "nowhere.toml", "no such file"});
  expect_error("base = \"no-such-builtin\"\n",
               {"test.toml:1: key 'base'", "expected a built-in scenario", "no-such-builtin"});
  expect_error("base = 3\n", {"test.toml:1: key 'base'", "got 3"});
  expect_message(error_of("/no/such/scenario.toml"),
                 {"/no/such/scenario.toml", "unknown scenario"});
}

TEST(CountryLoader, AnEventInAnUnknownRegionIsRefused) {
  expect_error(head() + R"(
[[events.timeline]]
date = "2022-01-02"
region = "atlantis"
type = "protest_start"
)",
               {"test.toml:8: key 'events.timeline[1].region'", "unknown region 'atlantis'",
                "expected \"national\" or one of west, east, capital"});
  const TempDir dir;
  dir.write("events.csv",
            "date,time_local,region_id,event_type,description,source_url\n"
            "2022-01-02,,atlantis,protest_start,d,u\n");
  const std::string path =
      dir.write("scenario.toml", head() + "[events]\nimport = \"events.csv\"\n");
  expect_message(error_of(path),
                 {"events.csv:2", "column 'region_id'", "unknown region 'atlantis'"});
}

TEST(CountryLoader, AnEventOutsideTheHorizonIsRefused) {
  const std::string horizon = "outside the horizon 2022-01-01T00:00 .. 2022-01-11T00:00";
  expect_error(head() +
                   "[[events.timeline]]\ndate = \"2022-02-01\"\nregion = \"west\"\n"
                   "type = \"protest_start\"\n",
               {"test.toml:6: key 'events.timeline[1].date'", horizon, "got 2022-02-01T00:00"});
  expect_error(head() +
                   "[[events.timeline]]\ndate = \"2022-01-11\"\nregion = \"west\"\n"
                   "type = \"protest_start\"\n",
               {"events.timeline[1].date", horizon});  // the end is outside
  expect_error(head() +
                   "[[events.timeline]]\ndate = \"2021-12-31\"\ntime = \"23:59\"\n"
                   "region = \"national\"\ntype = \"concession\"\n",
               {"events.timeline[1].date", horizon, "2021-12-31T23:59"});
  // An imported event names the CSV's line.
  const TempDir dir;
  const std::string path = dir.write(
      "scenario.toml", "[country]\nregions = \"" + data("regions.csv") +
                           "\"\nstart = \"2022-01-01T00:00\"\nend = \"2022-01-03T00:00\"\n"
                           "[events]\nimport = \"" +
                           data("events.csv") + "\"\n");
  expect_message(error_of(path), {"events.csv:3: key 'events.import'",
                                  "outside the horizon 2022-01-01T00:00 .. 2022-01-03T00:00"});
}

TEST(CountryLoader, APriceIsRequiredOnPriceEventsAndRefusedOnOthers) {
  expect_error(head() +
                   "[[events.timeline]]\ndate = \"2022-01-02\"\nregion = \"west\"\n"
                   "type = \"price_hike\"\n",
               {"test.toml:5: key 'events.timeline[1].price'", "price_hike event needs a price",
                "expected the price relative to the base"});
  expect_error(head() +
                   "[[events.timeline]]\ndate = \"2022-01-02\"\nregion = \"west\"\n"
                   "type = \"concession\"\nprice = 2.0\n",
               {"test.toml:9: key 'events.timeline[1].price'", "concession event takes no price",
                "expected none"});
  expect_error(head() +
                   "[[events.timeline]]\ndate = \"2022-01-02\"\nregion = \"west\"\n"
                   "type = \"price_cap\"\nprice = 0\n",
               {"events.timeline[1].price", "expected a number in (0, "});
  // Imported: a price event needs the optional price column, unless left out by type.
  const std::string no_price = data("events_no_price.csv");
  expect_error(head() + "[events]\nimport = \"" + no_price + "\"\n",
               {"events_no_price.csv:3: key 'events.import'", "column 'price'",
                "price_rollback event needs a price", "events.import_types"});
  const TempDir dir;
  const CountryScenario s =
      load_text(dir, head() + "[events]\nimport = \"" + no_price +
                         "\"\nimport_types = [\"protest_start\", \"internet_shutdown\"]\n");
  ASSERT_EQ(s.params.events.size(), 2u);
  EXPECT_EQ(s.params.events[1].type, EventType::internet_shutdown);
}

TEST(CountryLoader, AContingentArrivingOutsideTheHorizonIsRefused) {
  expect_error(head() + R"(
[[intervention.contingents]]
country = "Late"
region = "east"
troops = 100
arrival = "2030-01-01T00:00"
)",
               {"test.toml:", "key 'intervention.contingents[1].arrival'",
                "arrival outside the horizon", "got 2030-01-01T00:00"});
}

TEST(CountryLoader, AContingentThatDoesNotFitIsRefused) {
  // East: 100,000 people at scale 100 is 1,000 citizens and 4 police (445 officers) on a 38 x 38
  // lattice: 440 empty sites.
  expect_error(head() + R"(
[[intervention.contingents]]
country = "Elsewhere"
region = "east"
troops = 5000000
)",
               {"test.toml:9: key 'intervention.contingents[1].troops'",
                "5000000 troops (50000 agents at scale 100) do not fit in region 'east'",
                "whose lattice has 440 empty sites", "expected at most 44000 troops"});
  // Contingents landing in the same region share its empty sites.
  expect_error(head() + R"(
[[intervention.contingents]]
country = "A"
region = "east"
troops = 40000
[[intervention.contingents]]
country = "B"
region = "east"
troops = 5000
)",
               {"key 'intervention.contingents[2].troops'", "400 of them taken"});
  const TempDir dir;
  EXPECT_EQ(load_text(dir, head() + "[intervention]\nenabled = false\n"
                                    "[[intervention.contingents]]\ncountry = \"A\"\n"
                                    "region = \"east\"\ntroops = 5000000\n")
                .params.intervention.contingents.size(),
            1u);
}

TEST(CountryLoader, GuardsBeyondTheRegionsPoliceAreRefused) {
  const std::string sites = R"(
[[sites.list]]
name = "A"
region = "east"
guards = 300
[[sites.list]]
name = "B"
region = "east"
guards = 200
)";
  expect_error(head() + sites, {"test.toml:13: key 'sites.list[2].guards'", "region 'east'",
                                "sum to at most its police, 445", "got 500"});
  const TempDir dir;
  EXPECT_EQ(load_text(dir, head() + "[sites]\nenabled = false\n" + sites).params.sites.sites.size(),
            2u);
}

TEST(CountryLoader, AMalformedRegionsFileNamesItsLine) {
  const std::string header =
      "id,name,type,capital,population,area_km2,centroid_lat,centroid_lon,neighbours,"
      "oil_gas_region\n";
  const std::string west = "west,W,oblast,W,100,10,45,50,east,no\n";
  const std::string scenario = "[country]\nregions = \"bad.csv\"\n";
  const auto error_with = [&](const std::string& csv) {
    const TempDir dir;
    dir.write("bad.csv", csv);
    return error_of(dir.write("test.toml", scenario));
  };
  expect_message(error_with("id,name,type,capital,population,area_km2,centroid_lat,centroid_lon,"
                            "oil_gas_region\nwest,W,oblast,W,100,10,45,50,no\n"),
                 {"bad.csv:1", "column 'neighbours'", "missing"});
  expect_message(error_with(header + west + "east,E,oblast,E,-5,10,45,50,west,no\n"),
                 {"bad.csv:3", "column 'population'", "expected a positive number", "-5"});
  expect_message(error_with(header + "west,W,oblast,W,100,10,45,50,atlantis,no\n"),
                 {"bad.csv:2", "column 'neighbours'", "unknown region 'atlantis'"});
  expect_error("[country]\nregions = \"none.csv\"\n",
               {"test.toml:2: key 'country.regions'", "none.csv", "no such file"});
  expect_error("[scenario]\nname = \"x\"\n",
               {"test.toml: key 'country.regions'", "expected a path to a regions CSV"});
}

TEST(CountryLoader, UnknownKeysListWhatIsAccepted) {
  expect_error(head() + "[hardship]\nsensitivty = 0.5\n",
               {"test.toml:6: key 'hardship.sensitivty'", "unknown key",
                "[hardship] accepts:", "sensitivity", "exposure"});
  expect_error(head() + "[lattice]\nwidth = 3\n",
               {"test.toml:5: key 'lattice'", "expected base or a section: scenario, engine"});
  expect_error(head() + "[[sites.list]]\nname = \"x\"\nregion = \"west\"\ncolour = \"red\"\n",
               {"test.toml:8: key 'sites.list[1].colour'", "unknown field",
                "[[sites.list]] accepts: name, region, kind, guards, importance"});
  expect_error(
      head() + "[[sites.list]]\nname = \"x\"\n",
      {"test.toml:5: key 'sites.list[1].region'", "missing", "expected an id of the regions file"});
  expect_error(
      head() + "[events]\nimports = \"x.csv\"\n",
      {"key 'events.imports'", "[events] accepts: import, import_types, remove, timeline"});
  expect_error(head() + "[events]\nremove = [\"riot\"]\n",
               {"key 'events.remove'", "expected an array of event types", "price_hike", "riot"});
  expect_error(head() +
                   "[[events.timeline]]\ndate = \"2022-01-02\"\nregion = \"west\"\n"
                   "type = \"riot\"\n",
               {"test.toml:8: key 'events.timeline[1].type'", "one of price_hike", "riot"});
}

TEST(CountryLoader, WrongTypesAndRangesAreRefused) {
  expect_error(head("scale = \"big\"\n"),
               {"test.toml:5: key 'country.scale'", "expected a number in (0, ", "got 'big'"});
  expect_error(head("density = 1.5\n"),
               {"test.toml:5: key 'country.density'", "expected a number in (0, 1]", "got 1.5"});
  expect_error(head("density = 0\n"), {"key 'country.density'", "(0, 1]"});
  expect_error(head() + "[hardship]\nenabled = \"yes\"\n",
               {"test.toml:6: key 'hardship.enabled'", "expected true or false"});
  expect_error(
      head() + "[hardship.exposure]\nwest = 2\n",
      {"test.toml:6: key 'hardship.exposure.west'", "expected a number in [0, 1]", "got 2"});
  expect_error(head() + "[hardship]\nexposure = 0.5\n",
               {"key 'hardship.exposure'", "expected a table [hardship.exposure]"});
  expect_error(head() + "[emergency]\ncurfew_end = 24\n",
               {"key 'emergency.curfew_end'", "expected an integer in [0, 23]"});
  expect_error(head() + "[intervention]\nmandate = \"invade\"\n",
               {"key 'intervention.mandate'", "one of guard, suppress, none"});
  expect_error(head() + "[reserve]\nbase = \"atlantis\"\n",
               {"test.toml:6: key 'reserve.base'", "an id of the regions file", "atlantis",
                "regions: west, east, capital"});
  expect_error(head() + "[[sites.list]]\nname = \"x\"\nregion = \"west\"\nguards = -1\n",
               {"test.toml:8: key 'sites.list[1].guards'", "expected a number in [0, "});
  expect_error(head() +
                   "[[intervention.contingents]]\ncountry = \"x\"\nregion = \"west\"\n"
                   "troops = 10\narrival = \"soon\"\n",
               {"key 'intervention.contingents[1].arrival'", "expected a date and time", "soon"});
}

TEST(CountryLoader, TheHorizonMustBeAWholeNumberOfPeriodsAfterTheStart) {
  const std::string regions = "[country]\nregions = \"" + data("regions.csv") + "\"\n";
  expect_error(regions + "start = \"2022-01-05T00:00\"\nend = \"2022-01-01T00:00\"\n",
               {"test.toml:4: key 'country.end'", "expected country.end after country.start"});
  expect_error(regions + "start = \"2022-01-01T00:00\"\nend = \"2022-01-01T00:30\"\n",
               {"test.toml:4: key 'country.end'", "whole number of periods", "30 minutes"});
  expect_error(regions +
                   "start = \"2022-01-01T00:00\"\nend = \"2022-01-02T00:00\"\n"
                   "period_minutes = 7\n",
               {"test.toml:5: key 'country.period_minutes'", "whole number of periods"});
  expect_error(regions + "start = \"2022-13-01T00:00\"\n",
               {"test.toml:3: key 'country.start'", "expected a date and time", "2022-13-01"});
  // Both date spellings, and TOML's own local date-times.
  const TempDir dir;
  const CountryScenario s = load_text(
      dir,
      regions + "start = \"2022-01-01 00:00\"\nend = 2022-01-03T00:00:00\nperiod_minutes = 30\n");
  EXPECT_EQ(s.params.periods, 96u);
  EXPECT_EQ(std::get<std::string>(s.values.at("country.end")), "2022-01-03T00:00");
}

TEST(CountryLoader, TheMemoryPreflightBlamesTheScale) {
  LoadOptions tiny;
  tiny.available_memory = 1024;
  expect_message(error_of(data("minimal.toml"), {}, tiny),
                 {"key 'country.scale'", "the 3 regions need about", "GiB"});
  LoadOptions plenty;
  plenty.available_memory = std::uint64_t{1} << 40;
  EXPECT_NO_THROW(load_country_scenario(data("minimal.toml"), {}, plenty));
}

}  // namespace
}  // namespace unrest::scenario
