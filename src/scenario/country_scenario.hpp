// The immutable country scenario (docs/country-model.md, docs/usage.md): a TOML file that may
// inherit from a base (`base = "kazakhstan-2022"`), a regions CSV, a timeline of typed events
// (its own, plus events imported from CSV), strategic sites and contingents, and every
// mechanism's parameters, with command-line overrides; parsed and validated once into
// country::CountryParams. Every bad input is an InputError naming the file, line and key.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "country/params.hpp"
#include "scenario/scenario.hpp"

namespace unrest::scenario {

struct CountryScenario {
  std::string source;              // the scenario's path, or "builtin:NAME"
  std::vector<std::string> chain;  // its sources, from the furthest base to itself
  std::string source_text;         // the scenario's own text
  std::string source_sha256;       // of every text in the chain and every data file read
  std::vector<Override> overrides;
  // Every declared scalar key (country_parameters.hpp), effective; paths resolved: an absolute
  // path, or "builtin:data/..." for a built-in's data file.
  std::map<std::string, Value> values;

  std::string name;
  std::uint64_t seed = 1;
  SchedulerKind scheduler = SchedulerKind::parallel;
  country::CountryParams params;
  std::uint64_t memory_bytes = 0;  // the pre-flight estimate of one run's memory
  std::string map_geojson;         // the regions' boundaries (country.map), or empty

  // The effective scenario as TOML: every key with its value.
  std::string effective_toml() const;
};

// Whether a scenario text is a country scenario (it has a [country] table or a base).
bool is_country_scenario_text(const std::string& text);
// Whether a built-in name or a path names a country scenario.
bool is_country_scenario(const std::string& name_or_path);

CountryScenario load_country_scenario(const std::string& name_or_path,
                                      const std::vector<Override>& overrides = {},
                                      const LoadOptions& options = {});

}  // namespace unrest::scenario
