// Mechanism 2 of the country model (time): one period is a span of real time (an hour by
// default), counted from the scenario's start. Dates and times are the scenario's local time;
// outputs carry them as ISO 8601 timestamps. Whole minutes, no time zones, no leap seconds.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace unrest::country {

struct DateTime {
  int year = 1970;
  int month = 1;   // 1..12
  int day = 1;     // 1..31
  int hour = 0;    // 0..23
  int minute = 0;  // 0..59

  // Minutes since 1970-01-01 00:00 (negative before).
  std::int64_t minutes() const;
  static DateTime from_minutes(std::int64_t minutes);
  // "2022-01-05T16:30".
  std::string iso() const;
  bool operator==(const DateTime&) const = default;
};

// "YYYY-MM-DD" and optionally " HH:MM" or "THH:MM"; nullopt unless it is a real date and time.
std::optional<DateTime> parse_date_time(const std::string& text);

// Periods of `period_minutes` from `start`: period 1 is the first.
class Clock {
 public:
  Clock(DateTime start, int period_minutes) : start_(start.minutes()), period_(period_minutes) {}

  // The period in which `t` falls (1 for the start itself); 0 if before the start.
  std::uint32_t period_of(const DateTime& t) const;
  // When period `p` begins.
  DateTime start_of(std::uint32_t p) const;
  int period_minutes() const { return period_; }

 private:
  std::int64_t start_;
  int period_;
};

}  // namespace unrest::country
