// Loading country scenarios: defaults, tables and lists, overrides, inheritance, built-ins,
// the hash and the effective TOML. Refusals are in country_loader_errors_test.cpp.
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

TEST(CountryLoader, AMinimalScenarioTakesTheDefaults) {
  const CountryScenario s = load_country_scenario(data("minimal.toml"));
  const country::CountryParams d;
  const epstein::ModelIParams m;
  EXPECT_EQ(s.source, data("minimal.toml"));
  EXPECT_EQ(s.chain, std::vector<std::string>{data("minimal.toml")});
  EXPECT_EQ(s.name, "unnamed");
  EXPECT_EQ(s.seed, 1u);
  EXPECT_EQ(s.scheduler, SchedulerKind::parallel);
  EXPECT_EQ(s.values.size(), country_parameter_specs().size());
  const country::CountryParams& p = s.params;
  ASSERT_EQ(p.geography.regions.size(), 3u);
  EXPECT_EQ(p.geography.regions[0].id, "west");
  EXPECT_FALSE(p.whole_lattice_blocks);
  EXPECT_EQ(p.people_per_agent, d.people_per_agent);
  EXPECT_EQ(p.density, d.density);
  EXPECT_EQ(p.start, d.start);
  EXPECT_EQ(p.period_minutes, d.period_minutes);
  EXPECT_EQ(p.periods, d.periods);
  EXPECT_EQ(p.rules.citizen_vision, m.citizen_vision);
  EXPECT_EQ(p.rules.threshold, m.threshold);
  EXPECT_EQ(p.rules.arrest_constant, m.arrest_constant);
  EXPECT_EQ(p.rules.max_jail_term, m.max_jail_term);
  EXPECT_EQ(p.rules.arrest_ratio, m.arrest_ratio);
  EXPECT_EQ(p.rules.vision_shape, m.vision_shape);
  EXPECT_EQ(p.rules.jail_mode, m.jail_mode);
  EXPECT_EQ(p.rules.legitimacy.at(0), d.legitimacy.national);
  EXPECT_EQ(p.hardship.sensitivity, d.hardship.sensitivity);
  EXPECT_TRUE(p.hardship.exposure.empty());
  EXPECT_TRUE(p.legitimacy.offset.empty());
  EXPECT_EQ(p.police.per_100k, d.police.per_100k);
  EXPECT_EQ(p.intervention.mandate, country::Mandate::guard);
  EXPECT_EQ(p.emergency.curfew_start, d.emergency.curfew_start);
  EXPECT_EQ(p.reserve.base, "capital");  // the most populous region
  EXPECT_EQ(p.outcomes.capital, "capital");
  EXPECT_EQ(std::get<std::string>(s.values.at("reserve.base")), "capital");
  EXPECT_TRUE(p.sites.sites.empty());
  EXPECT_TRUE(p.intervention.contingents.empty());
  EXPECT_TRUE(p.events.empty());
  EXPECT_EQ(s.source_sha256.size(), 64u);
}

TEST(CountryLoader, ReadsTablesListsAndEvents) {
  const CountryScenario s = load_country_scenario(data("base.toml"));
  const country::CountryParams& p = s.params;
  EXPECT_EQ(s.name, "base");
  EXPECT_EQ(s.seed, 7u);
  EXPECT_EQ(p.people_per_agent, 50.0);
  EXPECT_EQ(p.start.iso(), "2022-01-01T00:00");
  EXPECT_EQ(p.periods, 240u);
  EXPECT_EQ(p.hardship.sensitivity, 0.4);
  // Listed regions take their value, the others the oil/gas or other default.
  EXPECT_EQ(p.hardship.exposure, (std::vector<double>{0.9, 0.15, 0.15}));
  EXPECT_EQ(p.legitimacy.offset, (std::vector<double>{0.0, 0.0, 0.05}));

  ASSERT_EQ(p.sites.sites.size(), 2u);
  EXPECT_EQ(p.sites.sites[0].name, "Akimat");
  EXPECT_EQ(p.sites.sites[0].region, 0u);
  EXPECT_EQ(p.sites.sites[0].kind, country::SiteKind::administration);
  EXPECT_EQ(p.sites.sites[0].guards, 100.0);
  EXPECT_EQ(p.sites.sites[0].importance, 3);
  EXPECT_EQ(p.sites.sites[1].kind, country::SiteKind::airport);
  EXPECT_EQ(p.sites.sites[1].importance, 1);

  ASSERT_EQ(p.intervention.contingents.size(), 2u);
  const country::Contingent& russia = p.intervention.contingents[0];
  EXPECT_EQ(russia.country, "Russia");
  EXPECT_EQ(russia.troops, 1000.0);
  EXPECT_EQ(russia.region, 2u);
  ASSERT_TRUE(russia.arrival.has_value());
  EXPECT_EQ(russia.arrival->iso(), "2022-01-06T09:00");
  EXPECT_TRUE(russia.by_air);
  const country::Contingent& armenia = p.intervention.contingents[1];
  EXPECT_FALSE(armenia.arrival.has_value());
  EXPECT_EQ(armenia.after_request_hours, 24.0);
  EXPECT_FALSE(armenia.by_air);

  // The timeline and the imported CSV, in time order.
  ASSERT_EQ(p.events.size(), 6u);
  const std::vector<std::pair<std::string, EventType>> expected = {
      {"2022-01-01T00:00", EventType::price_hike},
      {"2022-01-02T11:00", EventType::protest_start},
      {"2022-01-03T00:00", EventType::price_rollback},
      {"2022-01-04T20:30", EventType::internet_shutdown},
      {"2022-01-05T03:00", EventType::government_resigns},
      {"2022-01-05T09:00", EventType::state_of_emergency}};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(p.events[i].at.iso(), expected[i].first) << i;
    EXPECT_EQ(p.events[i].type, expected[i].second) << i;
  }
  EXPECT_EQ(p.events[0].price, 2.0);
  EXPECT_EQ(p.events[0].region, 0u);
  EXPECT_EQ(p.events[0].description, "LPG price doubles");
  EXPECT_EQ(p.events[0].source, data("base.toml") + ":49");
  EXPECT_EQ(p.events[2].price, 1.5);
  EXPECT_EQ(p.events[2].description, "Rollback, partly");
  EXPECT_EQ(p.events[2].source, "http://example.org/2");
  EXPECT_FALSE(p.events[3].region.has_value());
}

TEST(CountryLoader, AppliesEveryKindOfOverride) {
  const CountryScenario s =
      load_country_scenario(data("base.toml"), {{"scale", "10"},
                                                {"seed", "3"},
                                                {"country.density", "0.5"},
                                                {"rules.preset", "mesa"},
                                                {"jail.max_term", "inf"},
                                                {"engine.scheduler", "reference"},
                                                {"intervention.mandate", "suppress"},
                                                {"emergency.curfew_start", "22"},
                                                {"hardship.enabled", "false"},
                                                {"hardship.exposure.east", "0.7"},
                                                {"legitimacy.offset.west", "-0.1"},
                                                {"country.end", "2022-01-07 00:00"}});
  const country::CountryParams& p = s.params;
  EXPECT_EQ(p.people_per_agent, 10.0);
  EXPECT_EQ(s.seed, 3u);
  EXPECT_EQ(p.density, 0.5);
  EXPECT_EQ(p.rules.vision_shape, core::VisionShape::diamond);  // the preset
  EXPECT_EQ(p.rules.placement, epstein::Placement::per_site);
  EXPECT_TRUE(std::isinf(p.rules.max_jail_term));
  EXPECT_EQ(s.scheduler, SchedulerKind::reference);
  EXPECT_TRUE(p.whole_lattice_blocks);
  EXPECT_EQ(p.intervention.mandate, country::Mandate::suppress);
  EXPECT_EQ(p.emergency.curfew_start, 22);
  EXPECT_FALSE(p.hardship.enabled);
  EXPECT_EQ(p.hardship.exposure, (std::vector<double>{0.9, 0.7, 0.15}));
  EXPECT_EQ(p.legitimacy.offset, (std::vector<double>{-0.1, 0.0, 0.05}));
  EXPECT_EQ(p.periods, 144u);
  EXPECT_EQ(s.overrides.size(), 12u);
  // After the whole chain: over a child's own value too.
  EXPECT_EQ(load_country_scenario(data("child_one_key.toml"), {{"hardship.sensitivity", "0.2"}})
                .params.hardship.sensitivity,
            0.2);
}

TEST(CountryLoader, AChildOverridingOneKeyIsItsBaseWithThatKey) {
  const CountryScenario child = load_country_scenario(data("child_one_key.toml"));
  const CountryScenario base =
      load_country_scenario(data("base.toml"), {{"hardship.sensitivity", "0.9"}});
  EXPECT_EQ(child.chain, (std::vector<std::string>{data("base.toml"), data("child_one_key.toml")}));
  EXPECT_EQ(child.source, data("child_one_key.toml"));
  EXPECT_EQ(child.params.hardship.sensitivity, 0.9);
  EXPECT_EQ(texts_of(child.values), texts_of(base.values));
  EXPECT_EQ(body(child), body(base));
  EXPECT_NE(child.source_sha256, base.source_sha256);  // the child's text is hashed too
}

TEST(CountryLoader, TimelineAppendsRemoveDropsInheritedEventsSitesReplace) {
  const CountryScenario s = load_country_scenario(data("child.toml"));
  const country::CountryParams& p = s.params;
  EXPECT_EQ(s.name, "child");
  EXPECT_EQ(p.people_per_agent, 50.0);  // inherited
  // The base's six events less its internet shutdown, plus the child's two (its own shutdown
  // is kept: `remove` acts on what is inherited).
  ASSERT_EQ(p.events.size(), 7u);
  int shutdowns = 0;
  for (const country::Event& e : p.events) {
    if (e.type == EventType::internet_shutdown) {
      ++shutdowns;
      EXPECT_EQ(e.description, "the child's own shutdown");
      EXPECT_EQ(e.source, data("child.toml") + ":11");
      EXPECT_EQ(e.at.iso(), "2022-01-04T20:30");
    }
  }
  EXPECT_EQ(shutdowns, 1);
  EXPECT_EQ(p.events.back().type, EventType::concession);
  EXPECT_EQ(p.events.back().region, 1u);
  ASSERT_EQ(p.sites.sites.size(), 1u);  // the child's list replaces the base's
  EXPECT_EQ(p.sites.sites[0].name, "TV");
  EXPECT_EQ(p.sites.sites[0].kind, country::SiteKind::broadcaster);
  EXPECT_EQ(p.intervention.contingents.size(), 2u);  // inherited
  EXPECT_EQ(p.hardship.exposure.size(), 3u);         // inherited table
}

TEST(CountryLoader, PathsResolveAgainstTheFileThatNamesThem) {
  const CountryScenario s = load_country_scenario(data("sub/grandchild.toml"));
  ASSERT_EQ(s.chain.size(), 3u);
  EXPECT_EQ(fs::path(s.chain[0]).filename(), "base.toml");
  EXPECT_EQ(s.params.people_per_agent, 40.0);
  EXPECT_EQ(s.name, "child");
  EXPECT_EQ(s.params.events.size(), 7u);
  EXPECT_EQ(std::get<std::string>(s.values.at("country.regions")),
            fs::path(data("regions.csv")).lexically_normal().string());
}

TEST(CountryLoader, SameTimeEventsKeepTheOrderReadBasesFirst) {
  const TempDir dir;
  const CountryScenario s = load_text(dir, "base = \"" + data("base.toml") + R"("
[[events.timeline]]
date = "2022-01-05 03:00"
region = "east"
type = "concession"
)");
  ASSERT_EQ(s.params.events.size(), 7u);
  EXPECT_EQ(s.params.events[4].type, EventType::government_resigns);
  EXPECT_EQ(s.params.events[5].type, EventType::concession);
  EXPECT_EQ(s.params.events[5].at.iso(), "2022-01-05T03:00");
}

TEST(CountryLoader, LegitimacyOffLeavesTheNationalLevelOnTheLattice) {
  const CountryScenario s = load_country_scenario(
      data("minimal.toml"), {{"legitimacy.enabled", "false"}, {"legitimacy.national", "0.6"}});
  EXPECT_EQ(s.params.rules.legitimacy.at(0), 0.6);
  EXPECT_EQ(s.params.rules.legitimacy.at(1000), 0.6);
}

TEST(CountryLoader, BuiltinsResolveTheirRelativePathsToEmbeddedData) {
  using country_detail::Place;
  using country_detail::resolve_reference;
  EXPECT_EQ(resolve_reference(Place{true, "scenarios"}, "../data/kazakhstan/regions.csv"),
            "builtin:data/kazakhstan/regions.csv");
  EXPECT_EQ(resolve_reference(Place{false, "/a/b"}, "../data/x.csv"), "/a/data/x.csv");
  EXPECT_EQ(resolve_reference(Place{false, "/a/b"}, "builtin:data/x.csv"), "builtin:data/x.csv");
  // The data files are embedded, byte for byte.
  const BuiltinDataFile* regions = find_builtin_data("data/kazakhstan/regions.csv");
  ASSERT_NE(regions, nullptr);
  std::ifstream in(std::string(UNREST_DATA_DIR) + "/kazakhstan/regions.csv", std::ios::binary);
  const std::string on_disk((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(std::string(regions->text), on_disk);
  EXPECT_NE(find_builtin_data("data/kazakhstan/events.csv"), nullptr);
  // A scenario anywhere may name them; the built-in's own relative paths end up the same way.
  const TempDir dir;
  const CountryScenario s =
      load_text(dir,
                "[country]\nregions = \"builtin:data/kazakhstan/regions.csv\"\n"
                "start = \"2022-01-01T00:00\"\nend = \"2022-01-21T00:00\"\n"
                "[events]\nimport = \"builtin:data/kazakhstan/events.csv\"\n"
                "import_types = [\"internet_shutdown\", \"csto_request\"]\n");
  EXPECT_EQ(s.params.geography.regions.size(), 17u);
  EXPECT_EQ(s.params.events.size(), 3u);
  if (find_builtin("kazakhstan-2022") != nullptr) {
    const CountryScenario k = load_country_scenario("kazakhstan-2022");
    EXPECT_EQ(k.params.geography.regions.size(), 17u);
    EXPECT_EQ(k.chain, std::vector<std::string>{"builtin:kazakhstan-2022"});
    EXPECT_EQ(std::get<std::string>(k.values.at("country.regions")),
              "builtin:data/kazakhstan/regions.csv");
  }
}

TEST(CountryLoader, EveryCountryBuiltinLoads) {
  int loaded = 0;
  for (const BuiltinScenario& b : builtin_scenarios()) {
    if (!is_country_scenario(std::string(b.name))) continue;
    try {
      const CountryScenario s = load_country_scenario(std::string(b.name), {{"scale", "1000"}});
      EXPECT_EQ(s.source, "builtin:" + std::string(b.name));
      EXPECT_FALSE(s.params.events.empty()) << b.name;
      // Its effective TOML names the embedded data, so it loads from anywhere.
      const TempDir dir;
      const CountryScenario again =
          load_country_scenario(dir.write("effective.toml", s.effective_toml()));
      EXPECT_EQ(texts_of(again.values), texts_of(s.values)) << b.name;
      EXPECT_EQ(body(again), body(s)) << b.name;
      ++loaded;
    } catch (const InputError& e) {
      ADD_FAILURE() << b.name << ": " << e.what();
    }
  }
  if (loaded == 0) GTEST_SKIP() << "no built-in country scenario yet";
}

TEST(CountryLoader, TellsCountryScenariosFromEpsteinOnes) {
  EXPECT_TRUE(is_country_scenario(data("minimal.toml")));
  EXPECT_TRUE(is_country_scenario(data("child_one_key.toml")));  // a base and no [country]
  EXPECT_FALSE(is_country_scenario("epstein-run1"));
  EXPECT_FALSE(is_country_scenario("/no/such/file.toml"));
  EXPECT_TRUE(is_country_scenario_text("base = \"kazakhstan-2022\"\n"));
  EXPECT_FALSE(is_country_scenario_text("[lattice]\nwidth = 3\n"));
  EXPECT_FALSE(is_country_scenario_text("country = 3\n"));
  EXPECT_FALSE(is_country_scenario_text("[country\n"));
}

TEST(CountryLoader, TheHashCoversEveryTextReadButNotWhereItLies) {
  const std::string base = load_country_scenario(data("base.toml")).source_sha256;
  const auto copy_of = [](const std::string& name) {
    std::ifstream in(data(name), std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  };
  const TempDir dir;
  dir.write("regions.csv", copy_of("regions.csv"));
  dir.write("events.csv", copy_of("events.csv"));
  const std::string moved = dir.write("base.toml", copy_of("base.toml"));
  EXPECT_EQ(load_country_scenario(moved).source_sha256, base);
  dir.write("events.csv", copy_of("events.csv") + "2022-01-06,,east,concession,c,u,\n");
  EXPECT_NE(load_country_scenario(moved).source_sha256, base);
  EXPECT_NE(base, sha256_hex(copy_of("base.toml")));
}

TEST(CountryLoader, TheEffectiveTomlLoadsAsTheSameScenario) {
  const CountryScenario s = load_country_scenario(data("child.toml"), {{"scale", "30"}});
  const std::string text = s.effective_toml();
  EXPECT_NE(text.find("# Inherited: "), std::string::npos);
  EXPECT_NE(text.find("[hardship.exposure]\nwest = 0.9\neast = 0.15\ncapital = 0.15\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("[[sites.list]]\nname = \"TV\""), std::string::npos);
  EXPECT_NE(text.find("[[intervention.contingents]]"), std::string::npos);
  EXPECT_NE(text.find("type = \"price_hike\"\nprice = 2.0\n"), std::string::npos);
  const TempDir dir;
  const CountryScenario again = load_country_scenario(dir.write("effective.toml", text));
  EXPECT_EQ(texts_of(again.values), texts_of(s.values));
  EXPECT_EQ(body(again), body(s));
  EXPECT_EQ(again.params.events.size(), s.params.events.size());
  EXPECT_EQ(again.params.periods, s.params.periods);
}

}  // namespace
}  // namespace unrest::scenario
