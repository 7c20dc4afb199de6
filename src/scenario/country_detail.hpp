// Internals of the country loader, shared by its files: where scenario texts and data files
// come from (country_sources.cpp), what the files and --set give (country_loader.cpp), and
// how that becomes a validated CountryScenario (country_build.cpp).
#pragma once

#include <toml++/toml.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "country/events.hpp"
#include "scenario/country_scenario.hpp"

namespace unrest::scenario::country_detail {

// Where the relative paths of a scenario resolve: a directory on disk ("" = the current one),
// or one inside the embedded tree ("scenarios" for a built-in).
struct Place {
  bool builtin = false;
  std::string dir;
};

struct ChainFile {
  std::string name;  // a path, or "builtin:NAME"
  std::string text;
  Place place;
  toml::table root;
};

// The scenario and its bases, from the furthest base to the scenario itself. Throws InputError
// for an unknown scenario or base, and for an inheritance loop.
std::vector<ChainFile> load_chain(const std::string& name_or_path);
// The text of a built-in name or a readable file; nullopt if neither.
std::optional<std::string> read_scenario_text(const std::string& name_or_path);

// A path as written in a scenario at `place`, made a reference that no longer depends on it:
// "builtin:data/x/y.csv" inside the embedded tree, else an absolute, normalised path.
// "builtin:..." is left as it is.
std::string resolve_reference(const Place& place, const std::string& path);
// The text a reference names; nullopt if there is none.
std::optional<std::string> read_reference(const std::string& reference);
// The name that stands for a file in the scenario hash: its file name, whatever the directory.
std::string hash_name(const std::string& reference);

// A scalar key's value and where it was given: "file.toml:12" or "--set key=value".
struct Assignment {
  std::string key;
  Value value;
  std::string origin;
  std::uint32_t line = 0;  // in its file; 0 for --set
};
// One entry of a region table: [hardship.exposure] mangystau = 0.8.
struct RegionValue {
  std::string table;
  std::string region;
  double value = 0.0;
  std::string origin;
};
// One entry of an array of tables, its fields by name (absent ones at their defaults).
struct ListEntry {
  std::string label;   // "sites.list[2]": 1 is the first entry of its file
  std::string origin;  // the line of its [[...]] header
  std::map<std::string, Value> fields;
  std::map<std::string, std::string> given;  // the fields written, with their origins
};
// What one file of the chain says about events.
struct FileEvents {
  std::vector<country::EventType> remove;  // from the events inherited
  std::string import;                      // a reference, or ""
  std::string import_origin;
  std::optional<std::vector<country::EventType>> import_types;
  std::vector<ListEntry> timeline;
};

struct Collected {
  std::vector<Assignment> assignments;  // the files in chain order, then --set
  std::vector<RegionValue> region_values;
  std::optional<std::vector<ListEntry>> sites;  // the list of the last file that has one
  std::optional<std::vector<ListEntry>> contingents;
  std::vector<FileEvents> events;  // per file, in chain order
};

// A field of a list entry, and where it was written (the entry's header if it was not).
inline const std::string& text_of(const ListEntry& e, const std::string& field) {
  return std::get<std::string>(e.fields.at(field));
}
inline double real_of(const ListEntry& e, const std::string& field) {
  return std::get<double>(e.fields.at(field));
}
inline std::string field_origin(const ListEntry& e, const std::string& field) {
  const auto it = e.given.find(field);
  return it == e.given.end() ? e.origin : it->second;
}

// The index of region `id`; else an InputError "ORIGIN: key 'KEY': unknown region ...".
std::size_t region_index(const country::Geography& geography, const std::string& id,
                         const std::string& origin, const std::string& key, bool national = false);
// "west, east, capital": the region ids, for messages.
std::string region_ids(const country::Geography& geography);

// The effective events, in time order: per file in chain order, its removals from the events
// it inherits, its imported CSV (filtered by type) and its timeline; each checked against the
// regions and the horizon [start, end). Each data file read is added to `read` (its name in
// the hash, its text).
std::vector<country::Event> assemble_events(const std::vector<FileEvents>& files,
                                            const country::Geography& geography,
                                            const country::DateTime& start,
                                            const country::DateTime& end,
                                            std::vector<std::pair<std::string, std::string>>& read);

// Validates what was collected against the regions and the horizon and fills in `s` (its
// source, chain and overrides already set).
void build_country_scenario(const std::vector<ChainFile>& chain, const Collected& collected,
                            const LoadOptions& options, CountryScenario& s);

}  // namespace unrest::scenario::country_detail
