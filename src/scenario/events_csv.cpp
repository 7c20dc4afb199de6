#include "scenario/events_csv.hpp"

#include <fmt/ranges.h>

#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "scenario/csv.hpp"

namespace unrest::scenario {
namespace {

bool starts_with(const std::string& text, std::string_view prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

// The first clock time "H:MM" or "HH:MM" written in `text`, if any. (Not std::regex: GCC 12
// warns falsely inside it at -O3, and this is a dozen lines.)
std::optional<std::pair<int, int>> first_clock_time(const std::string& text) {
  const auto digit = [&](std::size_t i) {
    return i < text.size() && text[i] >= '0' && text[i] <= '9';
  };
  for (std::size_t colon = 1; colon + 2 < text.size(); ++colon) {
    if (text[colon] != ':' || !digit(colon - 1) || !digit(colon + 1) || !digit(colon + 2)) continue;
    const bool two_digit_hour = colon >= 2 && digit(colon - 2);
    const int hour = (two_digit_hour ? (text[colon - 2] - '0') * 10 : 0) + (text[colon - 1] - '0');
    const int minute = (text[colon + 1] - '0') * 10 + (text[colon + 2] - '0');
    return std::pair{hour, minute};
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::pair<int, int>> read_time_of_day(const std::string& text) {
  if (const auto clock = first_clock_time(text)) {
    if (clock->first > 23 || clock->second > 59) return std::nullopt;
    return clock;
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
  std::ifstream in;
  if (std::filesystem::is_regular_file(path)) in.open(path, std::ios::binary);
  if (!in.is_open() || !in) throw InputError(fmt::format("{}: no such events file", path));
  std::ostringstream text;
  text << in.rdbuf();
  std::vector<country::Event> events;
  for (CsvEvent& e : read_events_csv(path, text.str(), geography)) {
    events.push_back(std::move(e.event));
  }
  return events;
}

std::vector<CsvEvent> read_events_csv(const std::string& path, const std::string& text,
                                      const country::Geography& geography) {
  std::vector<CsvEvent> events;
  try {
    CsvReader<7> in(path, text.data(), text.data() + text.size());
    in.read_header(io::ignore_extra_column | io::ignore_missing_column, "date", "time_local",
                   "region_id", "event_type", "description", "source_url", "price");
    for (const char* column :
         {"date", "time_local", "region_id", "event_type", "description", "source_url"}) {
      if (!in.has_column(column)) csv_missing_column(path, column);
    }
    std::string date;
    std::string time;
    std::string region;
    std::string type;
    std::string price;
    country::Event e;
    while (in.read_row(date, time, region, type, e.description, e.source, price)) {
      const unsigned line = in.get_file_line();
      const auto day = country::parse_date_time(date);
      if (!day)
        csv_fail(path, line, "date", fmt::format("expected a date YYYY-MM-DD, got '{}'", date));
      const auto clock = read_time_of_day(time);
      if (!clock) {
        csv_fail(path, line, "time_local",
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
        csv_fail(
            path, line, "region_id",
            fmt::format("unknown region '{}' (expected 'national' or an id of the regions file)",
                        region));
      }
      const auto kind = country::event_type_named(type);
      if (!kind) {
        csv_fail(path, line, "event_type",
                 fmt::format("unknown event type '{}'; expected one of {}", type,
                             fmt::join(country::kEventTypeNames, ", ")));
      }
      e.type = *kind;
      CsvEvent row{e, line, !price.empty()};
      if (row.has_price) {
        double value = 0.0;
        const auto [end, ec] = std::from_chars(price.data(), price.data() + price.size(), value);
        if (ec != std::errc() || end != price.data() + price.size() || !(value > 0.0) ||
            !std::isfinite(value)) {
          csv_fail(path, line, "price",
                   fmt::format("expected a positive number (the price relative to the base), "
                               "got '{}'",
                               price));
        }
        row.event.price = value;
      }
      events.push_back(std::move(row));
      price.clear();
    }
  } catch (const io::error::missing_column_in_header& e) {
    csv_missing_column(path, e.column_name);
  } catch (const io::error::base& err) {
    throw InputError(err.what());  // names the file, the line and the column
  }
  return events;
}

}  // namespace unrest::scenario
