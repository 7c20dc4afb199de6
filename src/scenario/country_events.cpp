// A country scenario's events: each file's removals from what it inherits, its imported CSV
// and its timeline, in chain order, checked against the regions and the horizon.
#include <fmt/format.h>

#include <algorithm>

#include "scenario/country_detail.hpp"
#include "scenario/events_csv.hpp"
#include "scenario/toml_values.hpp"

namespace unrest::scenario::country_detail {
namespace {

// "16:30" -> (16, 30); nullopt unless HH:MM with a real hour and minute.
std::optional<std::pair<int, int>> clock_time(const std::string& t) {
  const auto digit = [&](std::size_t i) { return t[i] >= '0' && t[i] <= '9'; };
  if (t.size() != 5 || t[2] != ':' || !digit(0) || !digit(1) || !digit(3) || !digit(4)) {
    return std::nullopt;
  }
  const int hour = (t[0] - '0') * 10 + (t[1] - '0');
  const int minute = (t[3] - '0') * 10 + (t[4] - '0');
  if (hour > 23 || minute > 59) return std::nullopt;
  return std::pair{hour, minute};
}

struct PendingEvent {
  country::Event event;
  std::string origin;
  std::string key;
};

PendingEvent timeline_event(const ListEntry& e, const country::Geography& geography) {
  PendingEvent out{{}, field_origin(e, "date"), e.label + ".date"};
  country::Event& event = out.event;
  const std::string& date = text_of(e, "date");
  const bool has_time = e.given.count("time") != 0;
  const auto day = country::parse_date_time(date);
  if (!day || (has_time && date.size() != 10)) {
    fail(field_origin(e, "date"), e.label + ".date",
         fmt::format("expected a date YYYY-MM-DD{}, got '{}'",
                     has_time ? "" : " (optionally with a time THH:MM)", date));
  }
  event.at = *day;
  if (has_time) {
    const auto clock = clock_time(text_of(e, "time"));
    if (!clock) {
      fail(field_origin(e, "time"), e.label + ".time",
           fmt::format("expected a time HH:MM, got '{}'", text_of(e, "time")));
    }
    event.at.hour = clock->first;
    event.at.minute = clock->second;
  }
  const std::string& region = text_of(e, "region");
  if (region != "national") {
    event.region =
        region_index(geography, region, field_origin(e, "region"), e.label + ".region", true);
  }
  event.type = *country::event_type_named(text_of(e, "type"));
  const std::string_view type = country::name_of(event.type);
  const bool has_price = e.given.count("price") != 0;
  if (country::is_price_event(event.type) && !has_price) {
    fail(e.origin, e.label + ".price",
         fmt::format("a {} event needs a price: expected the price relative to the base (> 0), "
                     "got none",
                     type));
  }
  if (!country::is_price_event(event.type) && has_price) {
    fail(
        field_origin(e, "price"), e.label + ".price",
        fmt::format("a {} event takes no price: expected none, got {}", type, real_of(e, "price")));
  }
  event.price = real_of(e, "price");
  event.description = text_of(e, "description");
  event.source = e.given.count("source") != 0 ? text_of(e, "source") : e.origin;
  return out;
}

void import_events(const FileEvents& f, const country::Geography& geography,
                   std::vector<PendingEvent>& events,
                   std::vector<std::pair<std::string, std::string>>& read) {
  const std::optional<std::string> content = read_reference(f.import);
  if (!content) {
    fail(f.import_origin, "events.import",
         fmt::format("expected a readable events CSV, got '{}': no such file", f.import));
  }
  read.emplace_back(hash_name(f.import), *content);
  for (CsvEvent& row : read_events_csv(f.import, *content, geography)) {
    const country::EventType type = row.event.type;
    if (f.import_types &&
        std::find(f.import_types->begin(), f.import_types->end(), type) == f.import_types->end()) {
      continue;
    }
    const std::string origin = fmt::format("{}:{}", f.import, row.line);
    if (country::is_price_event(type) && !row.has_price) {
      fail(origin, "events.import",
           fmt::format("column 'price': a {} event needs a price: expected the price relative "
                       "to the base (> 0), got none; give it in a price column, or leave the "
                       "type out of events.import_types and give the event in the timeline",
                       country::name_of(type)));
    }
    if (!country::is_price_event(type) && row.has_price) {
      fail(origin, "events.import",
           fmt::format("column 'price': a {} event takes no price: expected an empty cell, got {}",
                       country::name_of(type), row.event.price));
    }
    events.push_back({std::move(row.event), origin, "events.import"});
  }
}

}  // namespace

std::vector<country::Event> assemble_events(
    const std::vector<FileEvents>& files, const country::Geography& geography,
    const country::DateTime& start, const country::DateTime& end,
    std::vector<std::pair<std::string, std::string>>& read) {
  std::vector<PendingEvent> events;
  for (const FileEvents& f : files) {
    std::erase_if(events, [&](const PendingEvent& e) {
      return std::find(f.remove.begin(), f.remove.end(), e.event.type) != f.remove.end();
    });
    if (!f.import.empty()) import_events(f, geography, events, read);
    for (const ListEntry& e : f.timeline) events.push_back(timeline_event(e, geography));
  }
  for (const PendingEvent& e : events) {
    const std::int64_t at = e.event.at.minutes();
    if (at < start.minutes() || at >= end.minutes()) {
      fail(e.origin, e.key,
           fmt::format("date outside the horizon {} .. {}: expected a time in it, got {}",
                       start.iso(), end.iso(), e.event.at.iso()));
    }
  }
  std::stable_sort(events.begin(), events.end(), [](const auto& a, const auto& b) {
    return a.event.at.minutes() < b.event.at.minutes();
  });
  std::vector<country::Event> out;
  for (PendingEvent& e : events) out.push_back(std::move(e.event));
  return out;
}

std::size_t region_index(const country::Geography& geography, const std::string& id,
                         const std::string& origin, const std::string& key, bool national) {
  if (const auto i = geography.index_of(id)) return *i;
  fail(origin, key,
       fmt::format("unknown region '{}'; expected {}one of {}", id,
                   national ? "\"national\" or " : "", region_ids(geography)));
}

std::string region_ids(const country::Geography& geography) {
  std::string ids;
  for (const country::Region& r : geography.regions) ids += (ids.empty() ? "" : ", ") + r.id;
  return ids;
}

}  // namespace unrest::scenario::country_detail
