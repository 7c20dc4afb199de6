#include "country/time.hpp"

#include <gtest/gtest.h>

namespace unrest::country {
namespace {

TEST(DateTime, MinutesRoundTripAcrossMonthsYearsAndLeapDays) {
  for (const char* text : {"2022-01-01 00:00", "2022-01-05 16:30", "2020-02-29 23:59",
                           "1999-12-31 12:00", "1969-07-20 20:17"}) {
    const auto t = parse_date_time(text);
    ASSERT_TRUE(t.has_value()) << text;
    EXPECT_EQ(DateTime::from_minutes(t->minutes()), *t) << text;
  }
  // 1970-01-01 is minute 0; 2022-01-01 is 18993 days later (52 years, 13 leap days).
  EXPECT_EQ(parse_date_time("1970-01-01")->minutes(), 0);
  EXPECT_EQ(parse_date_time("2022-01-01")->minutes(), 18993LL * 24 * 60);
  EXPECT_EQ(parse_date_time("1969-12-31 23:59")->minutes(), -1);
}

TEST(DateTime, FormatsIso) {
  EXPECT_EQ(parse_date_time("2022-01-05T16:30")->iso(), "2022-01-05T16:30");
  EXPECT_EQ(parse_date_time("2022-01-05")->iso(), "2022-01-05T00:00");
}

TEST(DateTime, RefusesWhatIsNotARealDateAndTime) {
  for (const char* text : {"", "2022-1-5", "2022-02-30", "2021-02-29", "2022-13-01", "2022-00-10",
                           "2022-01-05 24:00", "2022-01-05 10:60", "2022-01-05 10:00 UTC",
                           "2022-01-05x10:00", "05.01.2022", "2022-01-05 9:00"}) {
    EXPECT_FALSE(parse_date_time(text).has_value()) << text;
  }
}

TEST(Clock, NumbersPeriodsFromTheStart) {
  const Clock hours(*parse_date_time("2022-01-01 00:00"), 60);
  EXPECT_EQ(hours.period_of(*parse_date_time("2022-01-01 00:00")), 1u);
  EXPECT_EQ(hours.period_of(*parse_date_time("2022-01-01 00:59")), 1u);
  EXPECT_EQ(hours.period_of(*parse_date_time("2022-01-02 11:00")), 36u);  // 35 hours in
  EXPECT_EQ(hours.period_of(*parse_date_time("2021-12-31 23:00")), 0u);
  EXPECT_EQ(hours.start_of(36).iso(), "2022-01-02T11:00");
  // 20 days of hours end with period 480, which starts at 23:00 on the 20th.
  EXPECT_EQ(hours.start_of(480).iso(), "2022-01-20T23:00");
  const Clock quarters(*parse_date_time("2022-01-01 00:00"), 15);
  EXPECT_EQ(quarters.period_of(*parse_date_time("2022-01-01 01:00")), 5u);
}

}  // namespace
}  // namespace unrest::country
