#include "country/time.hpp"

#include <chrono>
#include <cstdio>

#include <fmt/format.h>

namespace unrest::country {
namespace {

constexpr std::int64_t kMinutesPerDay = 24 * 60;

}  // namespace

std::int64_t DateTime::minutes() const {
  using namespace std::chrono;
  const sys_days d{year_month_day{std::chrono::year{year},
                                  std::chrono::month{static_cast<unsigned>(month)},
                                  std::chrono::day{static_cast<unsigned>(day)}}};
  return static_cast<std::int64_t>(d.time_since_epoch().count()) * kMinutesPerDay + hour * 60 +
         minute;
}

DateTime DateTime::from_minutes(std::int64_t minutes) {
  using namespace std::chrono;
  std::int64_t days = minutes / kMinutesPerDay;
  std::int64_t rest = minutes % kMinutesPerDay;
  if (rest < 0) {
    rest += kMinutesPerDay;
    --days;
  }
  const year_month_day ymd{sys_days{std::chrono::days{days}}};
  DateTime t;
  t.year = static_cast<int>(ymd.year());
  t.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  t.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
  t.hour = static_cast<int>(rest / 60);
  t.minute = static_cast<int>(rest % 60);
  return t;
}

std::string DateTime::iso() const {
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}", year, month, day, hour, minute);
}

std::optional<DateTime> parse_date_time(const std::string& text) {
  DateTime t;
  char separator = 0;
  int consumed = 0;
  // Date, then optionally a separator and a time; nothing else may follow.
  if (std::sscanf(text.c_str(), "%4d-%2d-%2d%n", &t.year, &t.month, &t.day, &consumed) != 3 ||
      consumed != 10) {
    return std::nullopt;
  }
  if (text.size() > 10) {
    if (std::sscanf(text.c_str() + 10, "%c%2d:%2d%n", &separator, &t.hour, &t.minute, &consumed) !=
            3 ||
        (separator != ' ' && separator != 'T') ||
        10 + static_cast<std::size_t>(consumed) != text.size() || text.size() != 16) {
      return std::nullopt;
    }
  }
  using namespace std::chrono;
  const year_month_day ymd{std::chrono::year{t.year},
                           std::chrono::month{static_cast<unsigned>(t.month)},
                           std::chrono::day{static_cast<unsigned>(t.day)}};
  if (t.month < 1 || t.day < 1 || !ymd.ok() || t.hour < 0 || t.hour > 23 || t.minute < 0 ||
      t.minute > 59) {
    return std::nullopt;
  }
  return t;
}

std::uint32_t Clock::period_of(const DateTime& t) const {
  const std::int64_t since = t.minutes() - start_;
  if (since < 0) return 0;
  return static_cast<std::uint32_t>(since / period_) + 1;
}

DateTime Clock::start_of(std::uint32_t p) const {
  return DateTime::from_minutes(start_ + static_cast<std::int64_t>(p - 1) * period_);
}

}  // namespace unrest::country
