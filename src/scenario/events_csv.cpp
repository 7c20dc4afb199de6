#include "scenario/events_csv.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#define CSV_IO_NO_THREAD  // read in the calling thread: nothing to gain for a small file
// The library copies file names with strncpy into a fixed buffer, by design.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstringop-truncation"
#include <libfccp/csv.h>
#pragma GCC diagnostic pop

#include <filesystem>
#include <regex>

#include "scenario/scenario.hpp"

namespace unrest::scenario {
namespace {

[[noreturn]] void fail(const std::string& path, unsigned line, const std::string& column,
                       const std::string& what) {
  throw InputError(fmt::format("{}:{}: column '{}': {}", path, line, column, what));
}

bool starts_with(const std::string& text, std::string_view prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

std::optional<std::pair<int, int>> read_time_of_day(const std::string& text) {
  static const std::regex clock(R"((\d{1,2}):(\d{2}))");
  std::smatch m;
  if (std::regex_search(text, m, clock)) {
    const int hour = std::stoi(m[1].str());
    const int minute = std::stoi(m[2].str());
    if (hour > 23 || minute > 59) return std::nullopt;
    return std::pair{hour, minute};
  }
  // Words for parts of the day, as the sources use them.
  if (text.empty()) return std::pair{0, 0};
  if (starts_with(text, "night")) return std::pair{0, 0};
  if (starts_with(text, "early hours")) return std::pair{3, 0};
  if (starts_with(text, "early morning")) return std::pair{6, 0};
  if (starts_with(text, "morning")) return std::pair{9, 0};
  if (starts_with(text, "evening")) return std::pair{19, 0};
  if (starts_with(text, "late")) return std::pair{22, 0};
  return std::nullopt;
}

std::vector<country::Event> load_events_csv(const std::string& path,
                                            const country::Geography& geography) {
  if (!std::filesystem::is_regular_file(path)) {
    throw InputError(fmt::format("{}: no such events file", path));
  }
  std::vector<country::Event> events;
  try {
    io::CSVReader<6, io::trim_chars<' ', '\t'>, io::double_quote_escape<',', '"'>> in(path);
    in.read_header(io::ignore_extra_column, "date", "time_local", "region_id", "event_type",
                   "description", "source_url");
    std::string date;
    std::string time;
    std::string region;
    std::string type;
    country::Event e;
    while (in.read_row(date, time, region, type, e.description, e.source)) {
      const unsigned line = in.get_file_line();
      const auto day = country::parse_date_time(date);
      if (!day) fail(path, line, "date", fmt::format("expected a date YYYY-MM-DD, got '{}'", date));
      const auto clock = read_time_of_day(time);
      if (!clock) {
        fail(path, line, "time_local",
             fmt::format("expected a time such as 16:30, 'from 11:00', 'morning', 'evening', "
                         "'night ...', 'early hours', 'late ...' or nothing, got '{}'",
                         time));
      }
      e.at = *day;
      e.at.hour = clock->first;
      e.at.minute = clock->second;
      if (region == "national") {
        e.region.reset();
      } else if (const auto r = geography.index_of(region)) {
        e.region = *r;
      } else {
        fail(path, line, "region_id",
             fmt::format("unknown region '{}' (expected 'national' or an id of the regions file)",
                         region));
      }
      const auto kind = country::event_type_named(type);
      if (!kind) {
        fail(path, line, "event_type",
             fmt::format("unknown event type '{}'; expected one of {}", type,
                         fmt::join(country::kEventTypeNames, ", ")));
      }
      e.type = *kind;
      events.push_back(e);
    }
  } catch (const io::error::base& err) {
    throw InputError(err.what());  // names the file, the line and the column
  }
  return events;
}

}  // namespace unrest::scenario
