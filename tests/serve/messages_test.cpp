#include "serve/messages.hpp"
#include "serve_test_support.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

namespace unrest::serve {
namespace {

using Json = nlohmann::json;

using testing_support::error_of;

TEST(ServeMessages, SetupBodyBecomesOverrides) {
  const SetupRequest r = parse_setup(
      R"({"scenario": "epstein-run2", "set": {"citizens.vision": 5, "citizens.threshold": 0.25,
          "citizens.move": false, "engine.scheduler": "parallel"}})");
  EXPECT_EQ(r.scenario, "epstein-run2");
  ASSERT_EQ(r.overrides.size(), 4u);
  const auto value_of = [&](const std::string& key) {
    for (const auto& o : r.overrides) {
      if (o.key == key) return o.value;
    }
    return std::string("?");
  };
  EXPECT_EQ(value_of("citizens.vision"), "5");
  EXPECT_EQ(value_of("citizens.threshold"), "0.25");
  EXPECT_EQ(value_of("citizens.move"), "false");
  EXPECT_EQ(value_of("engine.scheduler"), "parallel");
  EXPECT_TRUE(parse_setup(R"({"scenario": "epstein-run1"})").overrides.empty());
}

TEST(ServeMessages, BadBodiesSayWhatIsWrong) {
  EXPECT_NE(error_of([] { parse_setup("{not json"); }).find("malformed JSON"), std::string::npos);
  EXPECT_NE(error_of([] { parse_setup(""); }).find("malformed JSON"), std::string::npos);
  EXPECT_NE(error_of([] { parse_setup("[1]"); }).find("expected a JSON object"), std::string::npos);
  EXPECT_NE(error_of([] { parse_setup("{}"); }).find("'scenario'"), std::string::npos);
  EXPECT_NE(error_of([] { parse_setup(R"({"scenario": 3})"); }).find("'scenario'"),
            std::string::npos);
  EXPECT_NE(error_of([] { parse_setup(R"({"scenario": "a", "extra": 1})"); }).find("'extra'"),
            std::string::npos);
  EXPECT_NE(error_of([] { parse_setup(R"({"scenario": "a", "set": 1})"); }).find("'set'"),
            std::string::npos);
  EXPECT_NE(error_of([] {
              parse_setup(R"({"scenario": "a", "set": {"citizens.vision": [1]}})");
            }).find("citizens.vision"),
            std::string::npos);
  EXPECT_NE(error_of([] { parse_step(R"({"periods": 0})"); }).find("[1, 10000]"),
            std::string::npos);
  EXPECT_NE(error_of([] { parse_step(R"({"periods": 10001})"); }).find("'periods'"),
            std::string::npos);
  EXPECT_NE(error_of([] { parse_step(R"({"periods": 1.5})"); }).find("'periods'"),
            std::string::npos);
  EXPECT_NE(error_of([] { parse_view(R"({"region": 1})"); }).find("'region'"), std::string::npos);
}

TEST(ServeMessages, StepDefaultsToOnePeriod) {
  EXPECT_EQ(parse_step(""), 1u);
  EXPECT_EQ(parse_step("{}"), 1u);
  EXPECT_EQ(parse_step(R"({"periods": 50})"), 50u);
  EXPECT_EQ(parse_step(R"({"periods": 10000})"), 10000u);
  EXPECT_EQ(parse_view(R"({"region": "almaty_city"})"), "almaty_city");
}

TEST(ServeMessages, StateBeforeSetupAndWithAMap) {
  const Json empty = Json::parse(state_json({}));
  EXPECT_TRUE(empty["scenario"].is_null());
  EXPECT_EQ(empty["period"], 0);
  EXPECT_EQ(empty["playing"], false);
  EXPECT_TRUE(empty["regions"].empty());
  EXPECT_TRUE(empty["map"].is_null());

  SimulationInfo info;
  info.scenario = "kazakhstan-2022";
  info.kind = ScenarioKind::country;
  info.periods = 480;
  info.regions = {{"akmola", "Akmola Region", 120, 120}, {"almaty_city", "Almaty", 40, 40}};
  info.clock.emplace(country::DateTime{2022, 1, 1, 0, 0}, 60);
  const std::string map = compact_json("{\n \"type\": \"FeatureCollection\",\n \"features\": []}");
  EXPECT_EQ(map.find('\n'), std::string::npos);
  const std::string text = state_json({&info, 12, 1, true, map});
  EXPECT_EQ(text.find('\n'), std::string::npos);  // one line: an event's data
  const Json state = Json::parse(text);
  EXPECT_EQ(state["scenario"], "kazakhstan-2022");
  EXPECT_EQ(state["kind"], "country");
  EXPECT_EQ(state["period"], 12);
  EXPECT_EQ(state["periods"], 480);
  EXPECT_EQ(state["playing"], true);
  EXPECT_EQ(state["time"], "2022-01-01T12:00");
  EXPECT_EQ(state["region"], "almaty_city");
  EXPECT_EQ(state["regions"][0]["width"], 120);
  EXPECT_EQ(state["map"]["type"], "FeatureCollection");
}

TEST(ServeMessages, FrameCarriesCountsSharesAndTheImage) {
  SimulationInfo info;
  info.kind = ScenarioKind::country;
  info.regions = {{"a", "A", 2, 2}, {"b", "B", 3, 1}};
  Frame f;
  f.period = 3;
  f.counts = {10, 2, 1, 4, 0};
  f.active_share = {0.5, 0.25};
  f.region = 1;
  f.image.width = 3;
  f.image.height = 1;
  f.image.action = {0, 2, 3};
  const Json frame = Json::parse(frame_json(f, info));
  EXPECT_EQ(frame["period"], 3);
  EXPECT_EQ(frame["counts"]["quiet"], 10);
  EXPECT_EQ(frame["counts"]["cops"], 4);
  EXPECT_EQ(frame["regions"]["b"]["active_share"], 0.25);
  EXPECT_EQ(frame["lattice"]["region"], "b");
  EXPECT_EQ(frame["lattice"]["width"], 3);
  EXPECT_EQ(frame["lattice"]["data"], "AAID");

  info.kind = ScenarioKind::epstein;
  info.regions.clear();
  f.region.reset();
  f.active_share.clear();
  const Json epstein = Json::parse(frame_json(f, info));
  EXPECT_TRUE(epstein["regions"].is_null());
  EXPECT_TRUE(epstein["lattice"]["region"].is_null());
  EXPECT_TRUE(epstein["time"].is_null());
}

TEST(ServeMessages, Base64) {
  EXPECT_EQ(base64({}), "");
  EXPECT_EQ(base64({'f'}), "Zg==");
  EXPECT_EQ(base64({'f', 'o'}), "Zm8=");
  EXPECT_EQ(base64({'f', 'o', 'o'}), "Zm9v");
  EXPECT_EQ(base64({'f', 'o', 'o', 'b', 'a', 'r'}), "Zm9vYmFy");
  EXPECT_EQ(base64({0xff, 0xfe, 0x00}), "//4A");
}

TEST(ServeMessages, ParametersAsSliders) {
  const Json params = Json::parse(parameters_json(scenario_parameters("epstein-run2")));
  bool seen_vision = false;
  for (const Json& p : params) {
    EXPECT_TRUE(p.contains("key") && p.contains("type") && p.contains("value") &&
                p.contains("default") && p.contains("min") && p.contains("max") &&
                p.contains("step") && p.contains("unit") && p.contains("choices") &&
                p.contains("description"))
        << p.dump();
    if (p["key"] == "citizens.vision") {
      seen_vision = true;
      EXPECT_EQ(p["type"], "real");
      EXPECT_EQ(p["min"], 0.0);
      EXPECT_EQ(p["max"], 1000.0);
      EXPECT_GT(p["step"].get<double>(), 0.0);
      EXPECT_LE(p["step"].get<double>(), 1.0);
    }
    if (p["key"] == "engine.scheduler") {
      EXPECT_EQ(p["type"], "choice");
      EXPECT_EQ(p["choices"].size(), 2u);
    }
    if (p["key"] == "lattice.width") {
      EXPECT_EQ(p["step"], 1);
    }
  }
  EXPECT_TRUE(seen_vision);
  EXPECT_EQ(Json::parse(error_json("bad \"x\""))["error"], "bad \"x\"");
}

}  // namespace
}  // namespace unrest::serve
