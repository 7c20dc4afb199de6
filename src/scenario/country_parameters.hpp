// Every parameter of a country scenario, declared once (like parameters.hpp for the Epstein
// scenarios): key, type, default, range, unit and description. The country loader, `unrest show`
// and the docs' table are generated from these declarations. Defaults are read from a
// default-constructed country::CountryParams, so they live in one place (country/params.hpp);
// the Model I keys are the Epstein declarations themselves, with the Epstein defaults.
#pragma once

#include <string>
#include <vector>

#include "scenario/parameters.hpp"

namespace unrest::scenario {

// The scalar keys ("section.name"), in the order `unrest show` prints them.
const std::vector<ParamSpec>& country_parameter_specs();
// The declaration of a scalar key, or nullptr.
const ParamSpec* find_country_parameter(const std::string& key);

// Tables keyed by region id ([hardship.exposure], [legitimacy.offset]): `key` is the table,
// the range that of its values; a region not listed takes the table's default.
const std::vector<ParamSpec>& country_region_table_specs();
const ParamSpec* find_country_region_table(const std::string& key);

// Arrays of tables ([[sites.list]], [[intervention.contingents]], [[events.timeline]]) and the
// fields of their entries (spec.key = "sites.list.name").
struct ListFieldSpec {
  ParamSpec spec;
  bool required = false;  // else the entry takes spec.default_value
};
struct ListSpec {
  std::string key;
  std::string description;
  std::vector<ListFieldSpec> fields;
};
const std::vector<ListSpec>& country_list_specs();
const ListSpec* find_country_list(const std::string& key);

// The sections a country scenario accepts, in order; and the keys one section accepts (scalar
// keys, region tables, lists), comma-separated, for messages ("" for an unknown section).
std::vector<std::string> country_sections();
std::string country_keys_of(const std::string& section);

// Every declaration as Markdown tables: the scalar keys, then `base`, the region tables, the
// keys of [events] and the fields of each list.
std::string country_parameters_markdown();

}  // namespace unrest::scenario
