// CountryScenario -> TOML text that stands alone: every declared key with its description and
// allowed values, then the region tables, sites, contingents and every event (the bases'
// and the imported ones included), so that loading it again gives the same scenario (tested).
#include <fmt/format.h>

#include <algorithm>

#include "scenario/country_parameters.hpp"
#include "scenario/country_scenario.hpp"
#include "scenario/toml_values.hpp"

namespace unrest::scenario {
namespace {

// A TOML key: bare when it can be, else quoted.
std::string key_text(const std::string& key) {
  const bool bare = !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
  });
  return bare ? key : quoted(key);
}

std::string choice_name(const std::string& list, const std::string& field, std::size_t index) {
  for (const ListFieldSpec& f : find_country_list(list)->fields) {
    if (f.spec.key == list + "." + field) return f.spec.choices.at(index);
  }
  return "";
}

std::string region_table(const std::string& key, const country::Geography& g,
                         const std::vector<double>& values) {
  if (values.empty()) return "";
  std::string out = fmt::format("\n[{}]\n", key);
  for (std::size_t r = 0; r < values.size() && r < g.regions.size(); ++r) {
    out += fmt::format("{} = {}\n", key_text(g.regions[r].id), real_text(values[r]));
  }
  return out;
}

std::string sites_text(const country::CountryParams& p) {
  std::string out;
  for (const country::Site& s : p.sites.sites) {
    out += fmt::format(
        "\n[[sites.list]]\nname = {}\nregion = {}\nkind = {}\nguards = {}\nimportance = {}\n",
        quoted(s.name), quoted(p.geography.regions[s.region].id),
        quoted(choice_name("sites.list", "kind", static_cast<std::size_t>(s.kind))),
        real_text(s.guards), s.importance);
  }
  return out;
}

std::string contingents_text(const country::CountryParams& p) {
  std::string out;
  for (const country::Contingent& c : p.intervention.contingents) {
    out += fmt::format("\n[[intervention.contingents]]\ncountry = {}\ntroops = {}\nregion = {}\n",
                       quoted(c.country), real_text(c.troops),
                       quoted(p.geography.regions[c.region].id));
    if (c.arrival) out += fmt::format("arrival = {}\n", quoted(c.arrival->iso()));
    out += fmt::format("after_request_hours = {}\nby_air = {}\n", real_text(c.after_request_hours),
                       c.by_air ? "true" : "false");
  }
  return out;
}

std::string events_text(const country::CountryParams& p) {
  std::string out = "\n[events]\n";
  for (const country::Event& e : p.events) {
    const std::string iso = e.at.iso();
    out += fmt::format("\n[[events.timeline]]\ndate = {}\ntime = {}\nregion = {}\ntype = {}\n",
                       quoted(iso.substr(0, 10)), quoted(iso.substr(11)),
                       quoted(e.region ? p.geography.regions[*e.region].id : "national"),
                       quoted(std::string(country::name_of(e.type))));
    if (country::is_price_event(e.type)) out += fmt::format("price = {}\n", real_text(e.price));
    out += fmt::format("description = {}\nsource = {}\n", quoted(e.description), quoted(e.source));
  }
  return out;
}

}  // namespace

std::string CountryScenario::effective_toml() const {
  std::string out = fmt::format("# Effective country scenario from {}\n", source);
  if (chain.size() > 1) {
    std::string names;
    for (const std::string& c : chain) names += (names.empty() ? "" : " -> ") + c;
    out += fmt::format("# Inherited: {}\n", names);
  }
  out += "# Bases, imported events and defaults are all written out: this file stands alone.\n";
  // What follows a section's keys: its tables and lists.
  const auto after = [&](const std::string& section) -> std::string {
    if (section == "hardship")
      return region_table("hardship.exposure", params.geography, params.hardship.exposure);
    if (section == "legitimacy")
      return region_table("legitimacy.offset", params.geography, params.legitimacy.offset);
    if (section == "sites") return sites_text(params);
    if (section == "intervention") return contingents_text(params);
    return "";
  };
  std::string section;
  for (const ParamSpec& spec : country_parameter_specs()) {
    const std::string this_section = spec.key.substr(0, spec.key.find('.'));
    if (this_section != section) {
      out += after(section);
      section = this_section;
      out += fmt::format("\n[{}]\n", section);
    }
    out += documented_key(spec, values.at(spec.key));
  }
  out += after(section);
  return out + events_text(params);
}

}  // namespace unrest::scenario
