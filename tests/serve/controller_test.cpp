#include "serve/controller.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <thread>

namespace unrest::serve {
namespace {

using Json = nlohmann::json;
using std::chrono::milliseconds;

LiveOptions options() {
  LiveOptions o;
  o.threads = 2;
  return o;
}

// Every event a client would receive, until `until` holds for one or the wait runs out.
template <class Pred>
std::string receive_until(Broadcaster& b, Broadcaster::Cursor& c, Pred until) {
  std::string all;
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < give_up) {
    const auto text = b.next(c, milliseconds(100));
    if (!text) break;
    all += *text;
    if (until(all)) break;
  }
  return all;
}

TEST(ServeController, CommandsBeforeSetupAreRefused) {
  Broadcaster b;
  Controller c(options(), b);
  const Json state = Json::parse(c.state());
  EXPECT_TRUE(state["scenario"].is_null());
  EXPECT_THROW(c.play(), NotSetUp);
  EXPECT_THROW(c.pause(), NotSetUp);
  EXPECT_THROW(c.step(1), NotSetUp);
  EXPECT_THROW(c.view("x"), NotSetUp);
  Broadcaster::Cursor cursor;
  EXPECT_NE(b.next(cursor, milliseconds(10))->find("event: state"), std::string::npos);
}

TEST(ServeController, SetupStepPlayPause) {
  Broadcaster b;
  Controller c(options(), b);
  Json state = Json::parse(c.setup("epstein-run2", {{"scenario.periods", "200"}}));
  EXPECT_EQ(state["scenario"], "epstein-run2");
  EXPECT_EQ(state["period"], 0);
  EXPECT_EQ(state["periods"], 200);
  EXPECT_EQ(state["playing"], false);

  state = Json::parse(c.step(50));
  EXPECT_EQ(state["period"], 50);
  EXPECT_EQ(state["playing"], false);

  Broadcaster::Cursor cursor;
  const std::string events = receive_until(b, cursor, [](const std::string& all) {
    return all.find("\"period\":50,") != std::string::npos &&
           all.find("event: frame") != std::string::npos;
  });
  EXPECT_NE(events.find("event: frame\ndata: {\"period\":50,"), std::string::npos) << events;

  state = Json::parse(c.play());
  EXPECT_EQ(state["playing"], true);
  receive_until(b, cursor, [](const std::string& all) {
    return all.find("event: frame\ndata: {\"period\":52") != std::string::npos;
  });
  state = Json::parse(c.pause());
  EXPECT_EQ(state["playing"], false);
  const int paused_at = state["period"];
  EXPECT_GT(paused_at, 51);
  std::this_thread::sleep_for(milliseconds(100));
  EXPECT_EQ(Json::parse(c.state())["period"], paused_at);  // nothing steps while paused

  // Setup again: paused, period 0, whatever was running.
  c.play();
  state = Json::parse(c.setup("epstein-run1", {}));
  EXPECT_EQ(state["scenario"], "epstein-run1");
  EXPECT_EQ(state["period"], 0);
  EXPECT_EQ(state["playing"], false);
}

TEST(ServeController, StepStopsAtTheHorizonAndPlayThere) {
  Broadcaster b;
  Controller c(options(), b);
  c.setup("epstein-run2", {{"scenario.periods", "30"}});
  Json state = Json::parse(c.step(100));
  EXPECT_EQ(state["period"], 30);
  state = Json::parse(c.play());
  EXPECT_EQ(state["playing"], false);  // nothing left to play
  EXPECT_EQ(Json::parse(c.step(1))["period"], 30);
}

TEST(ServeController, PlayRunsToTheHorizonThenStops) {
  Broadcaster b;
  Controller c(options(), b);
  c.setup("epstein-run2", {{"scenario.periods", "5"}});
  c.play();
  Broadcaster::Cursor cursor;
  const std::string events = receive_until(b, cursor, [](const std::string& all) {
    return all.find("\"period\":5,\"periods\":5,\"playing\":false") != std::string::npos &&
           all.find("event: frame\ndata: {\"period\":5,") != std::string::npos;
  });
  EXPECT_NE(events.find("\"period\":5,\"periods\":5,\"playing\":false"), std::string::npos);
  EXPECT_NE(events.find("event: frame\ndata: {\"period\":5,"), std::string::npos) << events;
  EXPECT_EQ(Json::parse(c.state())["playing"], false);
}

TEST(ServeController, BadSetupKeepsTheRunningSimulation) {
  Broadcaster b;
  Controller c(options(), b);
  c.setup("epstein-run2", {});
  c.step(3);
  EXPECT_THROW(c.setup("epstein-run2", {{"citizens.vision", "-1"}}), scenario::InputError);
  EXPECT_THROW(c.setup("no-such-scenario", {}), scenario::InputError);
  const Json state = Json::parse(c.state());
  EXPECT_EQ(state["scenario"], "epstein-run2");
  EXPECT_EQ(state["period"], 3);
}

TEST(ServeController, ViewChoosesTheStreamedRegion) {
  Broadcaster b;
  Controller c(options(), b);
  c.setup("kazakhstan-2022", {{"country.period_minutes", "1440"}, {"country.scale", "1000"}});
  const Json state = Json::parse(c.view("mangystau"));
  EXPECT_EQ(state["region"], "mangystau");
  EXPECT_EQ(state["map"]["type"], "FeatureCollection");
  EXPECT_THROW(c.view("atlantis"), scenario::InputError);
  Broadcaster::Cursor cursor;
  const std::string events = receive_until(b, cursor, [](const std::string& all) {
    return all.find("\"lattice\":{\"region\":\"mangystau\"") != std::string::npos;
  });
  EXPECT_NE(events.find("\"lattice\":{\"region\":\"mangystau\""), std::string::npos);
}

TEST(ServeController, StopEndsAWaitingStep) {
  Broadcaster b;
  Controller c(options(), b);
  c.setup("epstein-run2", {{"lattice.width", "400"}, {"lattice.height", "400"}});
  std::thread stopper([&] {
    std::this_thread::sleep_for(milliseconds(50));
    c.stop();
  });
  const Json state = Json::parse(c.step(10000));  // would take far longer than 50 ms
  stopper.join();
  EXPECT_LT(state["period"].get<int>(), 10000);
}

}  // namespace
}  // namespace unrest::serve
