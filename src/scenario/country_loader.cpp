// The country scenario file: TOML text (+ its bases, data files and --set overrides) ->
// validated CountryScenario. The keys, defaults and ranges are declared in
// country_parameters.cpp (`unrest params` prints them); the format:
//
//   base = "kazakhstan-2022"  # optional, top level: a built-in's name, or a path ending in .toml
//                             # relative to this file
//   [scenario]      name, description, seed
//   [engine]        scheduler = "parallel"               # or "reference"
//   [country]       regions = "../data/kazakhstan/regions.csv"   # relative to this file
//                   scale (people per agent, > 0), density ((0, 1]),
//                   start = "2022-01-01T00:00", end = "2022-01-21T00:00" (also "YYYY-MM-DD HH:MM"
//                   or TOML local date-times; end - start a whole number >= 1 of periods),
//                   period_minutes
//   [citizens] [cops] [arrest] [jail] [rules]   Model I, as in the Epstein scenarios
//   [hardship]      ...;  [hardship.exposure]  REGION = mean exposure in [0, 1]
//   [legitimacy]    ...;  [legitimacy.offset]  REGION = offset in [-1, 1]
//   [information] [police] [reserve] [emergency] [violence] [sites] [intervention] [outcomes]
//   [[sites.list]]                name, region, kind, guards (people), importance
//   [[intervention.contingents]]  country, troops (people), region, arrival (a date and time)
//                                 or after_request_hours, by_air
//   [events]        import = "../data/kazakhstan/events.csv"   # relative to this file
//                   import_types = ["state_of_emergency", ...]  # only these (default: all)
//                   remove = ["internet_shutdown"]              # from the events inherited
//   [[events.timeline]]  date = "2022-01-01", time = "00:00" (default), region = ID or
//                        "national", type, price (price events only, > 0, required there),
//                        description, source (default: FILE:LINE)
//
// Inheritance: the bases are read first, furthest first; a file's keys override its base's key
// by key. `sites.list` and `intervention.contingents` replace the base's list when present;
// `events.timeline` adds to the base's events; `events.remove` drops inherited events by type;
// `events.import` adds the CSV's events (an optional `price` column gives price events their
// price). Events end in time order, ties in the order read (bases first). Relative paths
// resolve against the directory of the file that names them; inside a built-in, against
// scenarios/ in the embedded tree ("../data/x.csv" is the embedded data/x.csv);
// "builtin:data/x.csv" names an embedded file from anywhere.
//
// Overrides (--set KEY=VALUE, VALUE read as TOML or else as a bare string) apply after the
// whole chain, to the scalar keys, to region table entries (hardship.exposure.REGION) and to the
// aliases scale (country.scale) and seed (scenario.seed).
//
// Checks beyond each key's type and range (each an InputError naming FILE:LINE and the key):
// region ids of tables, sites, contingents and events; event dates inside [start, end); a price
// on exactly the price events; the horizon a whole number of periods; every region's citizens
// and police fitting its lattice; with sites enabled, a region's site guards (people) at most
// its police (population x police.per_100k / 100000); with intervention enabled, the
// contingents landing in a region (troops / scale agents, rounded up, summed in list order)
// fitting its lattice's empty sites; with LoadOptions::available_memory, every region's
// lattice (parallel scheduler) fitting in memory (blamed on country.scale).
//
// reserve.base and outcomes.capital, when empty, are the most populous region. Entries of a
// list are named in messages by their place in their file: sites.list[1] is the first.
//
// source_sha256 hashes, in order, every scenario text of the chain and then every data file
// read, each prefixed by its file name (not its directory: a copied tree hashes the same) and
// its length.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "scenario/country_detail.hpp"
#include "scenario/country_parameters.hpp"
#include "scenario/toml_values.hpp"

namespace unrest::scenario {
namespace {

using namespace country_detail;

// A TOML date, time or local date-time as the text the date keys take; nullopt otherwise (and
// for seconds or a time offset, which the text keys refuse with the node's value).
std::optional<std::string> date_text(const toml::node& node) {
  if (const auto* d = node.as_date()) {
    const toml::date v = d->get();
    return fmt::format("{:04}-{:02}-{:02}", int{v.year}, int{v.month}, int{v.day});
  }
  const auto time_text = [](const toml::time& t) -> std::optional<std::string> {
    if (t.second != 0 || t.nanosecond != 0) return std::nullopt;
    return fmt::format("{:02}:{:02}", int{t.hour}, int{t.minute});
  };
  if (const auto* t = node.as_time()) return time_text(t->get());
  if (const auto* dt = node.as_date_time()) {
    const toml::date_time v = dt->get();
    const auto time = time_text(v.time);
    if (v.offset || !time) return std::nullopt;
    return fmt::format("{:04}-{:02}-{:02}T{}", int{v.date.year}, int{v.date.month}, int{v.date.day},
                       *time);
  }
  return std::nullopt;
}

Value read_value(const ParamSpec& spec, const toml::node& node, const std::string& origin) {
  if (spec.type == ParamType::text) {
    if (auto text = date_text(node)) return *text;
  }
  return convert(spec, node, origin);
}

std::string sections_text() {
  return fmt::format("{}", fmt::join(country_sections(), ", "));
}

[[noreturn]] void unknown_key(const std::string& origin, const std::string& key) {
  const std::string section = key.substr(0, key.find('.'));
  const std::string known = country_keys_of(section);
  fail(origin, key,
       known.empty() ? fmt::format("unknown key; expected base or a section: {}", sections_text())
                     : fmt::format("unknown key; [{}] accepts: {}", section, known));
}

// A path key's value made independent of the file that wrote it.
Value resolved(const std::string& key, Value value, const Place& place) {
  if ((key == "country.regions" || key == "country.map") && !std::get<std::string>(value).empty()) {
    return resolve_reference(place, std::get<std::string>(value));
  }
  return value;
}

std::vector<ListEntry> list_entries(const std::string& source, const ListSpec& list,
                                    const toml::node& node) {
  const toml::array* array = node.as_array();
  const std::string expected = fmt::format("expected an array of tables [[{}]]", list.key);
  if (array == nullptr) {
    fail(at_line(source, node), list.key, fmt::format("{}, got {}", expected, shown(node)));
  }
  std::vector<ListEntry> entries;
  for (const toml::node& element : *array) {
    ListEntry entry;
    entry.label = fmt::format("{}[{}]", list.key, entries.size() + 1);
    entry.origin = at_line(source, element);
    const toml::table* table = element.as_table();
    if (table == nullptr) {
      fail(entry.origin, entry.label, fmt::format("{}, got {}", expected, shown(element)));
    }
    for (auto&& [name, value] : *table) {
      const std::string field(name.str());
      const auto spec = std::find_if(list.fields.begin(), list.fields.end(), [&](const auto& f) {
        return f.spec.key == list.key + "." + field;
      });
      const std::string origin = at_line(source, value);
      if (spec == list.fields.end()) {
        std::vector<std::string> names;
        for (const ListFieldSpec& f : list.fields)
          names.push_back(f.spec.key.substr(list.key.size() + 1));
        fail(origin, entry.label + "." + field,
             fmt::format("unknown field; [[{}]] accepts: {}", list.key, fmt::join(names, ", ")));
      }
      ParamSpec labelled = spec->spec;
      labelled.key = entry.label + "." + field;
      entry.fields[field] = read_value(labelled, value, origin);
      entry.given[field] = origin;
    }
    for (const ListFieldSpec& f : list.fields) {
      const std::string field = f.spec.key.substr(list.key.size() + 1);
      if (entry.fields.count(field) != 0) continue;
      if (f.required) {
        fail(entry.origin, entry.label + "." + field,
             fmt::format("missing; expected {}", describe_allowed(f.spec)));
      }
      entry.fields[field] = f.spec.default_value;
    }
    entries.push_back(std::move(entry));
  }
  return entries;
}

std::vector<country::EventType> event_types(const std::string& origin, const std::string& key,
                                            const toml::node& node) {
  const std::string expected = fmt::format("expected an array of event types, each one of {}",
                                           fmt::join(country::kEventTypeNames, ", "));
  const toml::array* array = node.as_array();
  if (array == nullptr) fail(origin, key, fmt::format("{}; got {}", expected, shown(node)));
  std::vector<country::EventType> types;
  for (const toml::node& element : *array) {
    const auto* name = element.as_string();
    const auto type = name ? country::event_type_named(name->get()) : std::nullopt;
    if (!type) fail(origin, key, fmt::format("{}; got {}", expected, shown(element)));
    types.push_back(*type);
  }
  return types;
}

FileEvents file_events(const ChainFile& file, const toml::table& table) {
  FileEvents events;
  for (auto&& [name, node] : table) {
    const std::string key = "events." + std::string(name.str());
    const std::string origin = at_line(file.name, node);
    if (key == "events.import") {
      if (!node.is_string() || node.as_string()->get().empty()) {
        fail(origin, key, fmt::format("expected a path to an events CSV, got {}", shown(node)));
      }
      events.import = resolve_reference(file.place, node.as_string()->get());
      events.import_origin = origin;
    } else if (key == "events.import_types") {
      events.import_types = event_types(origin, key, node);
    } else if (key == "events.remove") {
      events.remove = event_types(origin, key, node);
    } else if (key == "events.timeline") {
      events.timeline = list_entries(file.name, *find_country_list(key), node);
    } else {
      unknown_key(origin, key);
    }
  }
  return events;
}

void collect_file(const ChainFile& file, Collected& c) {
  c.events.emplace_back();
  const std::size_t first = c.assignments.size();
  for (auto&& [section_key, node] : file.root) {
    const std::string section(section_key.str());
    const std::string origin = at_line(file.name, node);
    if (section == "base") continue;  // followed by load_chain
    const toml::table* table = node.as_table();
    if (table == nullptr || country_keys_of(section).empty()) {
      fail(origin, section,
           fmt::format("unknown key; expected base or a section: {}", sections_text()));
    }
    if (section == "events") {
      c.events.back() = file_events(file, *table);
      continue;
    }
    for (auto&& [name, value] : *table) {
      const std::string key = section + "." + std::string(name.str());
      const std::string at = at_line(file.name, value);
      if (const ParamSpec* spec = find_country_parameter(key)) {
        c.assignments.push_back({key, resolved(key, read_value(*spec, value, at), file.place), at,
                                 value.source().begin.line});
      } else if (const ParamSpec* spec_of_table = find_country_region_table(key)) {
        const toml::table* regions = value.as_table();
        if (regions == nullptr) {
          fail(at, key,
               fmt::format("expected a table [{}] of region = value, each value {}", key,
                           describe_allowed(*spec_of_table)));
        }
        for (auto&& [region, number] : *regions) {
          ParamSpec entry = *spec_of_table;
          entry.key = key + "." + std::string(region.str());
          const std::string number_at = at_line(file.name, number);
          c.region_values.push_back({key, std::string(region.str()),
                                     std::get<double>(convert(entry, number, number_at)),
                                     number_at});
        }
      } else if (const ListSpec* list = find_country_list(key)) {
        (key == "sites.list" ? c.sites : c.contingents) = list_entries(file.name, *list, value);
      } else {
        unknown_key(at, key);
      }
    }
  }
  // toml++ iterates keys alphabetically; file order is what "given last" means to a reader.
  std::stable_sort(c.assignments.begin() + static_cast<std::ptrdiff_t>(first), c.assignments.end(),
                   [](const Assignment& a, const Assignment& b) { return a.line < b.line; });
}

void collect_override(const Override& o, Collected& c) {
  const std::string origin = fmt::format("--set {}={}", o.key, o.value);
  std::string key = o.key;
  if (key == "scale") key = "country.scale";
  if (key == "seed") key = "scenario.seed";
  // A value that is not valid TOML on its own (mesa, mangystau) is taken as a bare string.
  toml::table parsed;
  try {
    parsed = toml::parse("v = " + o.value);
  } catch (const toml::parse_error&) {
    parsed = toml::table{{"v", o.value}};
  }
  const toml::node& value = *parsed.get("v");
  if (const ParamSpec* spec = find_country_parameter(key)) {
    c.assignments.push_back(
        {key, resolved(key, read_value(*spec, value, origin), Place{}), origin});
    return;
  }
  for (const ParamSpec& table : country_region_table_specs()) {
    if (key.size() > table.key.size() + 1 &&
        key.compare(0, table.key.size() + 1, table.key + ".") == 0) {
      ParamSpec entry = table;
      entry.key = key;
      c.region_values.push_back({table.key, key.substr(table.key.size() + 1),
                                 std::get<double>(convert(entry, value, origin)), origin});
      return;
    }
  }
  if (key.find('.') == std::string::npos) {
    fail(origin, key,
         fmt::format("unknown key; expected section.key (sections: {}), scale or seed",
                     sections_text()));
  }
  unknown_key(origin, key);
}

}  // namespace

bool is_country_scenario_text(const std::string& text) {
  try {
    const toml::table root = toml::parse(text);
    return root.contains("base") ||
           (root.get("country") != nullptr && root.get("country")->is_table());
  } catch (const toml::parse_error&) {
    return false;
  }
}

bool is_country_scenario(const std::string& name_or_path) {
  const std::optional<std::string> text = read_scenario_text(name_or_path);
  return text && is_country_scenario_text(*text);
}

CountryScenario load_country_scenario(const std::string& name_or_path,
                                      const std::vector<Override>& overrides,
                                      const LoadOptions& options) {
  const std::vector<ChainFile> chain = load_chain(name_or_path);
  Collected collected;
  for (const ChainFile& file : chain) collect_file(file, collected);
  for (const Override& o : overrides) collect_override(o, collected);

  CountryScenario s;
  s.source = chain.back().name;
  s.source_text = chain.back().text;
  for (const ChainFile& file : chain) s.chain.push_back(file.name);
  s.overrides = overrides;
  build_country_scenario(chain, collected, options, s);
  return s;
}

}  // namespace unrest::scenario
