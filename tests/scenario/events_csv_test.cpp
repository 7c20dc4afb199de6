#include "scenario/events_csv.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "scenario/regions_csv.hpp"
#include "scenario/scenario.hpp"

namespace unrest::scenario {
namespace {

namespace fs = std::filesystem;
using country::EventType;

const country::Geography& kazakhstan() {
  static const country::Geography g = load_regions_csv(UNREST_DATA_DIR "/kazakhstan/regions.csv");
  return g;
}

const std::string kHeader =
    "date,time_local,region_id,event_type,description,source_url,certainty\n";

// The message of the InputError that loading `text` gives, or "" if none.
std::string error_of(const std::string& text) {
  const fs::path path = fs::temp_directory_path() /
                        (std::string("unrest-events-") +
                         ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".csv");
  std::ofstream(path) << text;
  std::string message;
  try {
    load_events_csv(path.string(), kazakhstan());
  } catch (const InputError& e) {
    message = e.what();
  }
  fs::remove(path);
  return message;
}

TEST(EventsCsv, ReadsTheKazakhstanTimeline) {
  const auto events = load_events_csv(UNREST_DATA_DIR "/kazakhstan/events.csv", kazakhstan());
  ASSERT_EQ(events.size(), 55u);
  const country::Event& hike = events[0];
  EXPECT_EQ(hike.type, EventType::price_hike);
  EXPECT_EQ(hike.at.iso(), "2022-01-01T00:00");  // a date only: as the day begins
  EXPECT_EQ(hike.region, kazakhstan().index_of("mangystau"));
  const country::Event& onset = events[1];
  EXPECT_EQ(onset.type, EventType::protest_start);
  EXPECT_EQ(onset.at.iso(), "2022-01-02T11:00");  // "from 11:00"
  int national_shutdowns = 0;
  for (const country::Event& e : events) {
    if (e.type == EventType::internet_shutdown && !e.region) {
      ++national_shutdowns;
      EXPECT_TRUE(e.at.iso() == "2022-01-04T20:30" || e.at.iso() == "2022-01-05T16:30")
          << e.at.iso();  // "from ~20:30 (14:30 UTC)", "~16:30-17:00"
    }
    if (e.type == EventType::csto_request) {
      EXPECT_EQ(e.at.iso(), "2022-01-05T19:00");  // "evening"
    }
    if (e.type == EventType::government_resigns) {
      EXPECT_EQ(e.at.iso(), "2022-01-05T03:00");  // "early hours"
    }
    EXPECT_FALSE(e.source.empty());
  }
  EXPECT_EQ(national_shutdowns, 2);
}

TEST(EventsCsv, ReadsLooselyWrittenTimes) {
  using P = std::pair<int, int>;
  EXPECT_EQ(read_time_of_day("16:00"), (P{16, 0}));
  EXPECT_EQ(read_time_of_day("~16:30-17:00"), (P{16, 30}));
  EXPECT_EQ(read_time_of_day("night 4/5 Jan"), (P{0, 0}));
  EXPECT_EQ(read_time_of_day("early morning"), (P{6, 0}));
  EXPECT_EQ(read_time_of_day("morning"), (P{9, 0}));
  EXPECT_EQ(read_time_of_day("late 5 Jan (published 6 Jan)"), (P{22, 0}));
  EXPECT_EQ(read_time_of_day(""), (P{0, 0}));
  EXPECT_FALSE(read_time_of_day("afternoon").has_value());
  EXPECT_FALSE(read_time_of_day("25:00").has_value());
}

TEST(EventsCsv, AnUnknownRegionNamesLineAndColumn) {
  const std::string err = error_of(kHeader + "2022-01-02,11:00,mangystau,protest_start,ok,u,c\n" +
                                   "2022-01-03,,atlantis,protest_start,no,u,c\n");
  EXPECT_NE(err.find(":3: column 'region_id': unknown region 'atlantis'"), std::string::npos)
      << err;
}

TEST(EventsCsv, OtherBadRowsAreRefused) {
  EXPECT_NE(error_of(kHeader + "2022-02-30,,national,price_hike,d,u,c\n").find("column 'date'"),
            std::string::npos);
  EXPECT_NE(error_of(kHeader + "2022-01-05,teatime,national,price_hike,d,u,c\n")
                .find("column 'time_local'"),
            std::string::npos);
  const std::string type = error_of(kHeader + "2022-01-05,,national,coup,d,u,c\n");
  EXPECT_NE(type.find("unknown event type 'coup'"), std::string::npos) << type;
  EXPECT_NE(type.find("price_hike"), std::string::npos) << type;
  EXPECT_NE(error_of("date,region_id\n2022-01-05,national\n").find("time_local"),
            std::string::npos);
  EXPECT_THROW(load_events_csv("/nonexistent/events.csv", kazakhstan()), InputError);
}

}  // namespace
}  // namespace unrest::scenario
