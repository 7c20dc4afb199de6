// What the files and overrides gave (country_loader.cpp) -> a validated CountryScenario: the
// effective values, the regions, the horizon, the lattices, sites, contingents and events, each
// checked against the others, and the hash of every text read.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "country/scale.hpp"
#include "models/epstein/parallel_model1.hpp"
#include "scenario/country_detail.hpp"
#include "scenario/country_parameters.hpp"
#include "scenario/presets.hpp"
#include "scenario/regions_csv.hpp"

#include <nlohmann/json.hpp>
#include "scenario/toml_values.hpp"

namespace unrest::scenario::country_detail {
namespace {

using country::DateTime;

constexpr double kMaxSide = 65535;  // the widest lattice, as lattice.width of Model I
constexpr std::int64_t kMaxPeriods = 100'000'000;

class Builder {
 public:
  Builder(const std::vector<ChainFile>& chain, const Collected& c, CountryScenario& s)
      : chain_(chain), c_(c), s_(s), p_(s.params) {}

  void run(const LoadOptions& options) {
    set_values();
    read_scalars();
    read_horizon();
    read_regions();
    read_map();
    read_region_tables();
    size_lattices(options);
    read_sites();
    read_contingents();
    p_.events = assemble_events(c_.events, p_.geography, start_, end_, data_);
    hash();
  }

 private:
  void set_values() {
    for (const ParamSpec& spec : country_parameter_specs())
      s_.values[spec.key] = spec.default_value;
    // The preset sets the implementation details; explicit keys, wherever given, override it.
    std::string preset = text("rules.preset");
    for (const Assignment& a : c_.assignments) {
      if (a.key == "rules.preset") preset = std::get<std::string>(a.value);
    }
    for (const auto& [key, value] : preset_values(preset)) {
      if (s_.values.count(key) != 0) s_.values[key] = value;
    }
    for (const Assignment& a : c_.assignments) s_.values[a.key] = a.value;
  }

  // Where a key was given last; the scenario itself if nowhere.
  std::string where(const std::string& key) const {
    for (auto a = c_.assignments.rbegin(); a != c_.assignments.rend(); ++a) {
      if (a->key == key) return a->origin;
    }
    return chain_.back().name;
  }
  // Of several keys that conflict, the one given last.
  std::string last_given(std::initializer_list<const char*> keys) const {
    for (auto a = c_.assignments.rbegin(); a != c_.assignments.rend(); ++a) {
      for (const char* k : keys) {
        if (a->key == k) return a->key;
      }
    }
    return *keys.begin();
  }
  [[noreturn]] void blame(const std::string& key, const std::string& what) const {
    fail(where(key), key, what);
  }

  double real(const char* key) const { return std::get<double>(s_.values.at(key)); }
  bool flag(const char* key) const { return std::get<bool>(s_.values.at(key)); }
  std::int64_t integer(const char* key) const { return std::get<std::int64_t>(s_.values.at(key)); }
  const std::string& text(const char* key) const {
    return std::get<std::string>(s_.values.at(key));
  }
  // Enum order matches the order of the declared choices.
  template <class Enum>
  Enum choice(const char* key) const {
    const std::vector<std::string>& choices = find_country_parameter(key)->choices;
    const auto it = std::find(choices.begin(), choices.end(), text(key));
    return static_cast<Enum>(it - choices.begin());
  }

  void read_scalars() {
    s_.name = text("scenario.name");
    s_.seed = static_cast<std::uint64_t>(integer("scenario.seed"));
    s_.scheduler = choice<SchedulerKind>("engine.scheduler");
    p_.whole_lattice_blocks = s_.scheduler == SchedulerKind::reference;
    p_.rest_when_calm = flag("engine.rest_when_calm");
    p_.people_per_agent = real("country.scale");
    p_.density = real("country.density");

    epstein::ModelIParams& r = p_.rules;
    r.citizen_vision = real("citizens.vision");
    r.citizens_move = flag("citizens.move");
    r.threshold = real("citizens.threshold");
    r.cop_vision = real("cops.vision");
    r.cops_move = flag("cops.move");
    r.arrest_constant = real("arrest.constant");
    r.max_jail_term = real("jail.max_term");
    r.arrest_ratio = choice<epstein::ArrestRatio>("arrest.ratio");
    r.jail_term = choice<epstein::JailTerm>("jail.term");
    r.jail_mode = choice<epstein::JailMode>("jail.mode");
    r.vision_shape = choice<core::VisionShape>("rules.vision_shape");
    r.self_count = choice<epstein::ActiveSelfCount>("rules.active_self_count");
    r.order = choice<epstein::ActivationOrder>("rules.order");
    r.placement = choice<epstein::Placement>("rules.placement");
    // Mechanism 4 sets each region's legitimacy; without it, the national level throughout.
    r.legitimacy = core::Schedule(real("legitimacy.national"));
    if (r.jail_term != epstein::JailTerm::continuous && std::isfinite(r.max_jail_term) &&
        r.max_jail_term != std::floor(r.max_jail_term)) {
      blame("jail.max_term", fmt::format("expected a whole number of periods with jail.term = {}, "
                                         "got {}",
                                         text("jail.term"), r.max_jail_term));
    }

    country::HardshipParams& h = p_.hardship;
    h.enabled = flag("hardship.enabled");
    h.baseline = real("hardship.baseline");
    h.tail = real("hardship.tail");
    h.sensitivity = real("hardship.sensitivity");
    h.adjust_hours = real("hardship.adjust_hours");
    h.concentration = real("hardship.concentration");
    h.exposure_oil_gas = real("hardship.exposure_oil_gas");
    h.exposure_other = real("hardship.exposure_other");

    country::LegitimacyParams& l = p_.legitimacy;
    l.enabled = flag("legitimacy.enabled");
    l.national = real("legitimacy.national");
    l.government_resigns = real("legitimacy.government_resigns");
    l.leader_removed = real("legitimacy.leader_removed");
    l.concession = real("legitimacy.concession");
    l.per_killed_per_100k = real("legitimacy.per_killed_per_100k");
    l.per_site_day = real("legitimacy.per_site_day");
    l.per_engagement_per_100k = real("legitimacy.per_engagement_per_100k");

    country::InformationParams& i = p_.information;
    i.enabled = flag("information.enabled");
    i.own_weight = real("information.own_weight");
    i.neighbour_weight = real("information.neighbour_weight");
    i.media_weight = real("information.media_weight");
    i.shutdown_strength = real("information.shutdown_strength");
    i.grievance_gain = real("information.grievance_gain");
    i.fear_loss = real("information.fear_loss");
    i.saturation = real("information.saturation");
    i.memory_hours = real("information.memory_hours");

    country::PoliceParams& po = p_.police;
    po.per_100k = real("police.per_100k");
    po.motivation_enabled = flag("police.motivation_enabled");
    po.motivation = real("police.motivation");
    po.desertion_enabled = flag("police.desertion_enabled");
    po.desertion_ratio = real("police.desertion_ratio");
    po.desertion_hours = real("police.desertion_hours");
    po.desertion_probability = real("police.desertion_probability");

    country::ReserveParams& re = p_.reserve;
    re.enabled = flag("reserve.enabled");
    re.troops = real("reserve.troops");
    re.tranche = real("reserve.tranche");
    re.trigger_share = real("reserve.trigger_share");
    re.delay_hours = real("reserve.delay_hours");
    re.speed_kmh = real("reserve.speed_kmh");

    country::EmergencyParams& e = p_.emergency;
    e.enabled = flag("emergency.enabled");
    e.arrest_factor = real("emergency.arrest_factor");
    e.curfew_start = static_cast<int>(integer("emergency.curfew_start"));
    e.curfew_end = static_cast<int>(integer("emergency.curfew_end"));
    e.sweep = real("emergency.sweep");

    country::ViolenceParams& v = p_.violence;
    v.enabled = flag("violence.enabled");
    v.crowd_ratio = real("violence.crowd_ratio");
    v.officer_killed = real("violence.officer_killed");
    v.lethal_force = real("violence.lethal_force");
    v.shoot_order_factor = real("violence.shoot_order_factor");
    v.grievance_per_killed = real("violence.grievance_per_killed");

    country::SitesParams& si = p_.sites;
    si.enabled = flag("sites.enabled");
    si.seize_ratio = real("sites.seize_ratio");
    si.retake_ratio = real("sites.retake_ratio");
    si.catchment = real("sites.catchment");

    country::InterventionParams& in = p_.intervention;
    in.enabled = flag("intervention.enabled");
    in.mandate = choice<country::Mandate>("intervention.mandate");
    in.motivation = real("intervention.motivation");
    in.lethal_force = real("intervention.lethal_force");
    in.attitude_initial = real("intervention.attitude_initial");
    in.attitude_per_engagement_per_100k = real("intervention.attitude_per_engagement_per_100k");
    in.attitude_presence_per_day = real("intervention.attitude_presence_per_day");
    in.home_support_initial = real("intervention.home_support_initial");
    in.home_support_per_casualty = real("intervention.home_support_per_casualty");
    in.home_support_per_engagement = real("intervention.home_support_per_engagement");

    country::OutcomeParams& o = p_.outcomes;
    o.join_share = real("outcomes.join_share");
    o.capital_hold_hours = real("outcomes.capital_hold_hours");
    o.desertion_falls = real("outcomes.desertion_falls");
    o.contested_active_share = real("outcomes.contested_active_share");
  }

  DateTime date_key(const char* key) const {
    const auto t = country::parse_date_time(text(key));
    if (!t) {
      blame(key, fmt::format("expected {}, got '{}'",
                             describe_allowed(*find_country_parameter(key)), text(key)));
    }
    return *t;
  }

  void read_horizon() {
    start_ = date_key("country.start");
    end_ = date_key("country.end");
    p_.start = start_;
    p_.period_minutes = static_cast<int>(integer("country.period_minutes"));
    const std::int64_t span = end_.minutes() - start_.minutes();
    if (span <= 0) {
      const std::string key = last_given({"country.end", "country.start"});
      blame(key, fmt::format("expected country.end after country.start, got the horizon {} .. {}",
                             start_.iso(), end_.iso()));
    }
    if (span % p_.period_minutes != 0 || span / p_.period_minutes > kMaxPeriods) {
      const std::string key =
          last_given({"country.end", "country.start", "country.period_minutes"});
      blame(key, fmt::format("expected a horizon of a whole number of periods (1 to {}), got {} .. "
                             "{}: {} minutes in {}-minute periods",
                             kMaxPeriods, start_.iso(), end_.iso(), span, p_.period_minutes));
    }
    p_.periods = static_cast<std::uint32_t>(span / p_.period_minutes);
  }

  void read_regions() {
    const std::string& reference = text("country.regions");
    if (reference.empty()) {
      blame("country.regions",
            "expected a path to a regions CSV (relative to the scenario file), got none");
    }
    const std::optional<std::string> content = read_reference(reference);
    if (!content) {
      blame("country.regions",
            fmt::format("expected a readable regions CSV, got '{}': no such file", reference));
    }
    p_.geography = read_regions_csv(reference, *content);
    data_.emplace_back(hash_name(reference), *content);
    // Empty region keys: the most populous region (the first of equals).
    std::size_t largest = 0;
    for (std::size_t r = 1; r < p_.geography.regions.size(); ++r) {
      if (p_.geography.regions[r].population > p_.geography.regions[largest].population)
        largest = r;
    }
    for (const char* key : {"reserve.base", "outcomes.capital"}) {
      const std::string& id = text(key);
      if (id.empty()) {
        s_.values[key] = p_.geography.regions[largest].id;
      } else if (!p_.geography.index_of(id)) {
        blame(key, fmt::format("expected {}, got '{}' (regions: {})",
                               describe_allowed(*find_country_parameter(key)), id,
                               region_ids(p_.geography)));
      }
    }
    p_.reserve.base = text("reserve.base");
    p_.outcomes.capital = text("outcomes.capital");
  }

  // The map is for pictures only, but it is an input: checked here, and hashed with the rest.
  void read_map() {
    const std::string& reference = text("country.map");
    if (reference.empty()) return;
    const std::optional<std::string> content = read_reference(reference);
    if (!content) {
      blame("country.map",
            fmt::format("expected a readable GeoJSON file, got '{}': no such file", reference));
    }
    const nlohmann::json map = nlohmann::json::parse(*content, nullptr, false);
    const auto expect = [&](bool ok, const std::string& got) {
      if (!ok) {
        blame("country.map", fmt::format("expected a GeoJSON FeatureCollection whose features' "
                                         "properties.id are region ids ({}), got {} in '{}'",
                                         region_ids(p_.geography), got, reference));
      }
    };
    expect(!map.is_discarded(), "text that is not JSON");
    expect(map.is_object() && map.value("type", "") == "FeatureCollection" &&
               map.contains("features") && map["features"].is_array(),
           "no FeatureCollection");
    std::size_t index = 0;
    for (const nlohmann::json& feature : map["features"]) {
      const nlohmann::json* id = nullptr;
      if (feature.is_object() && feature.contains("properties") &&
          feature["properties"].is_object() && feature["properties"].contains("id")) {
        id = &feature["properties"]["id"];
      }
      expect(id != nullptr && id->is_string() && p_.geography.index_of(id->get<std::string>()),
             fmt::format("feature {} with properties.id {}", index,
                         id == nullptr ? std::string("missing") : id->dump()));
      ++index;
    }
    data_.emplace_back(hash_name(reference), *content);
    // The attribution travels inside the map, as a GeoJSON foreign member, to every picture.
    nlohmann::json carried = map;
    const std::string& attribution = text("country.map_attribution");
    if (!attribution.empty()) carried["attribution"] = attribution;
    s_.map_geojson = attribution.empty() ? *content : carried.dump();
  }

  std::size_t region_index(const std::string& id, const std::string& origin,
                           const std::string& key) const {
    return country_detail::region_index(p_.geography, id, origin, key);
  }

  void read_region_tables() {
    const std::size_t n = p_.geography.regions.size();
    std::map<std::string, std::vector<std::optional<double>>> tables;
    for (const RegionValue& v : c_.region_values) {
      const std::size_t r = region_index(v.region, v.origin, v.table + "." + v.region);
      auto& table = tables[v.table];
      table.resize(n);
      table[r] = v.value;
    }
    if (const auto it = tables.find("hardship.exposure"); it != tables.end()) {
      for (std::size_t r = 0; r < n; ++r) {
        const double fallback = p_.geography.regions[r].oil_gas ? p_.hardship.exposure_oil_gas
                                                                : p_.hardship.exposure_other;
        p_.hardship.exposure.push_back(it->second[r].value_or(fallback));
      }
    }
    if (const auto it = tables.find("legitimacy.offset"); it != tables.end()) {
      for (std::size_t r = 0; r < n; ++r) p_.legitimacy.offset.push_back(it->second[r].value_or(0));
    }
  }

  void size_lattices(const LoadOptions& options) {
    const double vision = std::max(p_.rules.citizen_vision, p_.rules.cop_vision);
    const int min_side = 2 * static_cast<int>(std::floor(vision)) + 1;
    const double scale = p_.people_per_agent;
    std::uint64_t memory = 0;
    for (const country::Region& region : p_.geography.regions) {
      const double people = static_cast<double>(region.population);
      if (people / scale / p_.density > kMaxSide * kMaxSide) {
        blame("country.scale",
              fmt::format("expected a scale at which every region fits a lattice at most {} "
                          "sites wide, got {}: region '{}' ({} people) does not",
                          kMaxSide, scale, region.id, region.population));
      }
      const country::RegionLattice l =
          country::size_region(region.population, scale, p_.density, p_.police.per_100k, min_side);
      const auto sites = static_cast<std::uint64_t>(l.side) * static_cast<std::uint64_t>(l.side);
      if (l.citizens + l.police > sites) {
        const std::string key = last_given({"country.density", "police.per_100k"});
        blame(key, fmt::format("expected citizens and police to fit the lattice, got region '{}' "
                               "with {} citizens and {} police on {} sites ({}x{}); lower "
                               "country.density or police.per_100k",
                               region.id, l.citizens, l.police, sites, l.side, l.side));
      }
      epstein::ModelIParams rules = p_.rules;
      rules.width = rules.height = l.side;
      rules.citizen_density = l.citizen_density;
      rules.cop_density = core::Schedule(l.cop_density);
      memory += epstein::estimate_parallel_memory_bytes(rules);
      lattices_.push_back(l);
    }
    s_.memory_bytes = memory;
    if (options.available_memory > 0 && memory > options.available_memory) {
      blame("country.scale",
            fmt::format("expected a scale whose lattices fit in memory, got {}: the {} regions "
                        "need about {:.1f} GiB, but only {:.1f} GiB is available",
                        scale, lattices_.size(), static_cast<double>(memory) / (1 << 30),
                        static_cast<double>(options.available_memory) / (1 << 30)));
    }
  }

  void read_sites() {
    if (!c_.sites) return;
    const ListSpec& list = *find_country_list("sites.list");
    const std::vector<std::string>& kinds =
        std::find_if(list.fields.begin(), list.fields.end(), [](const ListFieldSpec& f) {
          return f.spec.key == "sites.list.kind";
        })->spec.choices;
    std::vector<double> guards(p_.geography.regions.size(), 0.0);
    for (const ListEntry& e : *c_.sites) {
      country::Site site;
      site.name = text_of(e, "name");
      site.region =
          region_index(text_of(e, "region"), field_origin(e, "region"), e.label + ".region");
      site.kind = static_cast<country::SiteKind>(
          std::find(kinds.begin(), kinds.end(), text_of(e, "kind")) - kinds.begin());
      site.guards = real_of(e, "guards");
      site.importance = static_cast<int>(std::get<std::int64_t>(e.fields.at("importance")));
      guards[site.region] += site.guards;
      const country::Region& region = p_.geography.regions[site.region];
      const double police = static_cast<double>(region.population) * p_.police.per_100k / 1e5;
      if (p_.sites.enabled && guards[site.region] > police * (1 + 1e-12)) {
        fail(field_origin(e, "guards"), e.label + ".guards",
             fmt::format("expected the guards of region '{}' to sum to at most its police, {} "
                         "(population {} x police.per_100k {} / 100000), got {}",
                         region.id, police, region.population, p_.police.per_100k,
                         guards[site.region]));
      }
      p_.sites.sites.push_back(site);
    }
  }

  void read_contingents() {
    if (!c_.contingents) return;
    std::vector<double> taken(p_.geography.regions.size(), 0.0);  // agents, by region
    const double scale = p_.people_per_agent;
    for (const ListEntry& e : *c_.contingents) {
      country::Contingent k;
      k.country = text_of(e, "country");
      k.troops = real_of(e, "troops");
      k.region = region_index(text_of(e, "region"), field_origin(e, "region"), e.label + ".region");
      if (const std::string& arrival = text_of(e, "arrival"); !arrival.empty()) {
        k.arrival = country::parse_date_time(arrival);
        if (!k.arrival) {
          fail(field_origin(e, "arrival"), e.label + ".arrival",
               fmt::format("expected a date and time YYYY-MM-DDTHH:MM, got '{}'", arrival));
        }
        if (k.arrival->minutes() < p_.start.minutes() ||
            k.arrival->minutes() >=
                p_.start.minutes() + std::int64_t{p_.periods} * p_.period_minutes) {
          fail(field_origin(e, "arrival"), e.label + ".arrival",
               fmt::format("arrival outside the horizon, which starts at {} and has {} periods: "
                           "expected a time in it, got {}",
                           p_.start.iso(), p_.periods, k.arrival->iso()));
        }
      }
      k.after_request_hours = real_of(e, "after_request_hours");
      k.by_air = std::get<bool>(e.fields.at("by_air"));
      const country::RegionLattice& l = lattices_[k.region];
      const double empty = static_cast<double>(l.side) * l.side - static_cast<double>(l.citizens) -
                           static_cast<double>(l.police);
      const double agents = std::ceil(k.troops / scale);
      if (p_.intervention.enabled && taken[k.region] + agents > empty) {
        const std::string before =
            taken[k.region] > 0
                ? fmt::format(", {} of them taken by contingents before it", taken[k.region])
                : "";
        fail(field_origin(e, "troops"), e.label + ".troops",
             fmt::format("{} troops ({} agents at scale {}) do not fit in region '{}', whose "
                         "lattice has {} empty sites{}; expected at most {} troops",
                         k.troops, agents, scale, p_.geography.regions[k.region].id, empty, before,
                         (empty - taken[k.region]) * scale));
      }
      taken[k.region] += agents;
      p_.intervention.contingents.push_back(k);
    }
  }

  void hash() {
    // Each text prefixed with its name and both lengths: the boundaries are unambiguous.
    std::string input;
    const auto add = [&](const std::string& name, const std::string& text) {
      input += fmt::format("{}:{}{}:", name.size(), name, text.size());
      input += text;
    };
    for (const ChainFile& f : chain_) {
      add(f.place.builtin ? hash_name(f.name) + ".toml" : hash_name(f.name), f.text);
    }
    for (const auto& [name, text] : data_) add(name, text);
    s_.source_sha256 = sha256_hex(input);
  }

  const std::vector<ChainFile>& chain_;
  const Collected& c_;
  CountryScenario& s_;
  country::CountryParams& p_;
  DateTime start_;
  DateTime end_;
  std::vector<country::RegionLattice> lattices_;
  std::vector<std::pair<std::string, std::string>> data_;  // data files read: name, text
};

}  // namespace

void build_country_scenario(const std::vector<ChainFile>& chain, const Collected& collected,
                            const LoadOptions& options, CountryScenario& s) {
  Builder(chain, collected, s).run(options);
}

}  // namespace unrest::scenario::country_detail
