// Reads dated events from CSV (the columns of data/kazakhstan/events.csv: date, time_local,
// region_id, event_type, description, source_url, certainty; optionally price) for a country
// scenario to import.
// Sources give times loosely; the reading rule (docs/country-model.md, "Time") is:
//   "16:00", "from 11:00", "~19:00", "~16:30-17:00": the first clock time written;
//   "night 4/5 Jan" 00:00; "early hours" 03:00; "early morning" 06:00; "morning" 09:00;
//   "evening" 19:00; "late ..." 22:00; empty: 00:00 (a dated act takes effect as the day begins).
// Anything else, an unknown region or event type, or a date that does not exist is an
// InputError naming the file, the line, the column and what is allowed.
#pragma once

#include <string>
#include <vector>

#include "country/events.hpp"
#include "country/geography.hpp"

namespace unrest::scenario {

std::vector<country::Event> load_events_csv(const std::string& path,
                                            const country::Geography& geography);

// One row of an events file, with its line, and whether its optional `price` column (the price
// relative to the base, a positive number) was filled in.
struct CsvEvent {
  country::Event event;
  unsigned line = 0;
  bool has_price = false;
};
// The same from text already read; `name` (a path, or "builtin:data/...") names it in messages.
// The `price` column may be absent; when present, a filled-in cell must be a positive number.
std::vector<CsvEvent> read_events_csv(const std::string& name, const std::string& text,
                                      const country::Geography& geography);

// The time of day a loosely written `time_local` stands for, as above; nullopt if none applies.
std::optional<std::pair<int, int>> read_time_of_day(const std::string& text);

}  // namespace unrest::scenario
