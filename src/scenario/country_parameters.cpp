#include "scenario/country_parameters.hpp"

#include <fmt/format.h>

#include "country/params.hpp"
#include "scenario/country_scenario.hpp"
#include "scenario/toml_values.hpp"

namespace unrest::scenario {
namespace {

constexpr double kMaxPeople = 1e10;  // more people than live on Earth
constexpr double kMaxHours = 1e6;    // a century, give or take
constexpr double kMaxFactor = 1e6;

const char* const kDateTime = "a date and time YYYY-MM-DDTHH:MM (or YYYY-MM-DD HH:MM)";
const char* const kRegionOrEmpty =
    "an id of the regions file, or \"\" for the most populous region";

// A number of either type within [min, max].
ParamSpec ranged(std::string key, ParamType type, Value def, double min, double max,
                 std::string unit, std::string description) {
  ParamSpec s;
  s.key = std::move(key);
  s.type = type;
  s.default_value = std::move(def);
  s.min = min;
  s.max = max;
  s.unit = std::move(unit);
  s.description = std::move(description);
  return s;
}
ParamSpec real(std::string key, double def, double min, double max, std::string unit,
               std::string description) {
  return ranged(std::move(key), ParamType::real, def, min, max, std::move(unit),
                std::move(description));
}
// A real that must be above `min`: (min, max].
ParamSpec positive(std::string key, double def, double max, std::string unit,
                   std::string description) {
  ParamSpec s = real(std::move(key), def, 0.0, max, std::move(unit), std::move(description));
  s.exclusive_min = true;
  return s;
}
ParamSpec share(std::string key, double def, std::string description) {
  return real(std::move(key), def, 0.0, 1.0, "", std::move(description));
}
ParamSpec integer(std::string key, std::int64_t def, double min, double max, std::string unit,
                  std::string description) {
  return ranged(std::move(key), ParamType::integer, def, min, max, std::move(unit),
                std::move(description));
}
ParamSpec boolean(std::string key, bool def, std::string description) {
  ParamSpec s;
  s.key = std::move(key);
  s.type = ParamType::boolean;
  s.default_value = def;
  s.max = 1;
  s.description = std::move(description);
  return s;
}
ParamSpec choice(std::string key, std::size_t def, std::vector<std::string> choices,
                 std::string description) {
  ParamSpec s;
  s.key = std::move(key);
  s.type = ParamType::choice;
  s.default_value = choices.at(def);
  s.choices = std::move(choices);
  s.description = std::move(description);
  return s;
}
ParamSpec text(std::string key, std::string def, std::string allowed, std::string description) {
  ParamSpec s;
  s.key = std::move(key);
  s.type = ParamType::text;
  s.default_value = std::move(def);
  s.allowed = std::move(allowed);
  s.description = std::move(description);
  return s;
}
ParamSpec epstein(const char* key) {
  return *find_parameter(key);
}

std::vector<ParamSpec> make_specs() {
  const country::CountryParams d;
  const country::DateTime end = country::DateTime::from_minutes(
      d.start.minutes() + std::int64_t{d.periods} * d.period_minutes);
  return {
      epstein("scenario.name"),
      epstein("scenario.description"),
      epstein("scenario.seed"),
      choice("engine.scheduler", static_cast<std::size_t>(CountryScenario{}.scheduler),
             {"reference", "parallel"},
             "Update scheme: reference = random asynchronous activation over a region's whole "
             "lattice, parallel = the same in row bands on every core (docs/engine.md)"),
      boolean("engine.rest_when_calm", d.rest_when_calm,
              "In a period where none of a region's citizens is active and none could turn "
              "active (the highest grievance any could have is at most the threshold), its "
              "citizens are not activated: they neither move nor act; officers still are. "
              "Saves the time of calm periods (docs/engine.md)"),

      text("country.regions", "", "a path to a regions CSV, relative to the scenario file",
           "The regions: id, name, type, capital, population, area, centroid, neighbours"),
      positive("country.scale", d.people_per_agent, kMaxPeople, "people per agent",
               "People each agent stands for: 1 = every person an agent"),
      positive("country.density", d.density, 1.0, "per site",
               "Citizens per lattice site; a region's square torus is sized to it"),
      text("country.start", d.start.iso(), kDateTime, "Start of period 1 (local time)"),
      text("country.end", end.iso(), kDateTime,
           "Horizon: the run stops here; a whole number of periods after the start"),
      integer("country.period_minutes", d.period_minutes, 1, 525600, "minutes",
              "Real time one period stands for"),
      text("country.map", "", "a path to a GeoJSON file, relative to the scenario file",
           "The regions' boundaries for the report's and the viewer's map (each feature's "
           "properties.id a region id); none = no map"),
      text("country.map_attribution", "", "any text",
           "What the map's licence asks to be shown with it, e.g. \"© OpenStreetMap "
           "contributors\""),

      epstein("citizens.vision"),
      epstein("citizens.move"),
      epstein("citizens.threshold"),
      epstein("cops.vision"),
      epstein("cops.move"),
      epstein("arrest.constant"),
      epstein("arrest.ratio"),
      epstein("jail.max_term"),
      epstein("jail.term"),
      epstein("jail.mode"),
      epstein("rules.preset"),
      epstein("rules.vision_shape"),
      epstein("rules.active_self_count"),
      epstein("rules.order"),
      epstein("rules.placement"),

      boolean("hardship.enabled", d.hardship.enabled, "Mechanism 3: price shocks move hardship"),
      real("hardship.tail", d.hardship.tail, 1, 100, "",
           "Base hardship is 1 - (1 - U)^(1/tail) before the baseline: 1 = uniform (Model I)"),
      share("hardship.baseline", d.hardship.baseline,
            "The largest base hardship: H = baseline * (the tail-shaped U(0, 1))"),
      real("hardship.sensitivity", d.hardship.sensitivity, 0, 100, "",
           "s: hardship += exposure * s * (felt price / base - 1)"),
      real("hardship.adjust_hours", d.hardship.adjust_hours, 0, kMaxHours, "hours",
           "Time constant with which the felt price follows the price (0: at once)"),
      positive("hardship.concentration", d.hardship.concentration, kMaxFactor, "",
               "kappa of the Beta(kappa*mu, kappa*(1-mu)) exposure of each citizen"),
      share("hardship.exposure_oil_gas", d.hardship.exposure_oil_gas,
            "mu: mean exposure to fuel prices in oil- and gas-producing regions"),
      share("hardship.exposure_other", d.hardship.exposure_other,
            "mu: mean exposure to fuel prices elsewhere"),

      boolean("legitimacy.enabled", d.legitimacy.enabled,
              "Mechanism 4: L_r = clamp(L_nat + offset_r, 0, 1), moved by events and feedback; "
              "off: legitimacy.national throughout"),
      share("legitimacy.national", d.legitimacy.national, "L_nat at the start"),
      share("legitimacy.government_resigns", d.legitimacy.government_resigns,
            "L_nat step up when the government resigns"),
      share("legitimacy.leader_removed", d.legitimacy.leader_removed,
            "L_nat step up when the former leader is removed"),
      share("legitimacy.concession", d.legitimacy.concession, "L_nat step up on a concession"),
      share("legitimacy.per_killed_per_100k", d.legitimacy.per_killed_per_100k,
            "L_nat down per citizen killed per 100,000 inhabitants"),
      share("legitimacy.per_site_day", d.legitimacy.per_site_day,
            "L_nat down per strategic site held by protesters per day"),
      share("legitimacy.per_engagement_per_100k", d.legitimacy.per_engagement_per_100k,
            "L_nat down per foreign engagement per 100,000 inhabitants"),

      boolean("information.enabled", d.information.enabled,
              "Mechanism 5: activity elsewhere raises grievance and lowers fear"),
      real("information.own_weight", d.information.own_weight, 0, 100, "",
           "w_o: weight of the region's own active share (momentum)"),
      real("information.neighbour_weight", d.information.neighbour_weight, 0, 100, "",
           "w_n: weight of a land neighbour's active share"),
      real("information.media_weight", d.information.media_weight, 0, 100, "",
           "w_m: weight of national media, by each region's prominence"),
      share("information.shutdown_strength", d.information.shutdown_strength,
            "An internet shutdown multiplies w_m by (1 - this)"),
      real("information.grievance_gain", d.information.grievance_gain, 0, 1, "",
           "g_a: the most news can add to G: G += g_a * (1 - exp(-a_r / a_0))"),
      share("information.fear_loss", d.information.fear_loss,
            "f: P *= 1 - f * (1 - exp(-a_r / a_0))"),
      real("information.saturation", d.information.saturation, 1e-9, 1, "",
           "a_0: the perceived active share at which news has 63 % of its effect"),
      real("information.memory_hours", d.information.memory_hours, 0, kMaxHours, "hours",
           "Time constant with which a_r follows activity"),

      real("police.per_100k", d.police.per_100k, 0, 1e5, "officers per 100,000",
           "Police per 100,000 inhabitants"),
      boolean("police.motivation_enabled", d.police.motivation_enabled,
              "Mechanism 6: an officer acts only with probability police.motivation"),
      share("police.motivation", d.police.motivation,
            "Probability that an officer acts when activated"),
      boolean("police.desertion_enabled", d.police.desertion_enabled,
              "Mechanism 6: outnumbered officers may desert"),
      positive("police.desertion_ratio", d.police.desertion_ratio, kMaxFactor,
               "actives per officer", "Actives per officer in view that outnumber an officer"),
      real("police.desertion_hours", d.police.desertion_hours, 0, kMaxHours, "hours",
           "How long an officer must be outnumbered before deserting"),
      share("police.desertion_probability", d.police.desertion_probability,
            "Probability per period of deserting, after that"),

      boolean("reserve.enabled", d.reserve.enabled, "Mechanism 6: a national reserve of troops"),
      real("reserve.troops", d.reserve.troops, 0, kMaxPeople, "people", "People in the reserve"),
      positive("reserve.tranche", d.reserve.tranche, kMaxPeople, "people", "People sent at a time"),
      share("reserve.trigger_share", d.reserve.trigger_share,
            "A region's active share that calls for a tranche"),
      text("reserve.base", d.reserve.base, kRegionOrEmpty, "Region the reserve leaves from"),
      real("reserve.delay_hours", d.reserve.delay_hours, 0, kMaxHours, "hours",
           "t_0: delay before a tranche leaves"),
      positive("reserve.speed_kmh", d.reserve.speed_kmh, 1e5, "km/h",
               "Travel speed: the delay grows by distance / speed"),

      boolean("emergency.enabled", d.emergency.enabled,
              "Mechanism 6: a state of emergency raises arrests and imposes a curfew"),
      real("emergency.arrest_factor", d.emergency.arrest_factor, 0, kMaxFactor, "",
           "kappa_e: the arrest constant k is multiplied by this"),
      integer("emergency.curfew_start", d.emergency.curfew_start, 0, 23, "hour",
              "Curfew starts at this hour (no movement)"),
      integer("emergency.curfew_end", d.emergency.curfew_end, 0, 23, "hour",
              "... and ends at this hour, across midnight"),
      share("emergency.sweep", d.emergency.sweep,
            "Sweeps: per police activation, the chance of looking for a former participant"),

      boolean("violence.enabled", d.violence.enabled, "Mechanism 7: violence and casualties"),
      positive("violence.crowd_ratio", d.violence.crowd_ratio, kMaxFactor, "actives per officer",
               "R_0: actives per officer in view that make an arrest violent"),
      share("violence.officer_killed", d.violence.officer_killed,
            "p_k: an officer is killed, at R = R_0, growing as R / R_0"),
      share("violence.lethal_force", d.violence.lethal_force,
            "p_c: the arrested citizen is killed instead"),
      real("violence.shoot_order_factor", d.violence.shoot_order_factor, 0, kMaxFactor, "",
           "p_c is multiplied by this under the shoot-to-kill order"),
      share("violence.grievance_per_killed", d.violence.grievance_per_killed,
            "delta_g: regional grievance up per citizen killed per 100,000"),

      boolean("sites.enabled", d.sites.enabled, "Mechanism 8: strategic sites"),
      positive("sites.seize_ratio", d.sites.seize_ratio, kMaxFactor, "actives per guard",
               "Actives in the catchment per guard that seize a site"),
      positive("sites.retake_ratio", d.sites.retake_ratio, kMaxFactor, "forces per active",
               "Security forces per active in the catchment that retake it"),
      positive("sites.catchment", d.sites.catchment, 1.0, "",
               "Share of the region's lattice around a site that can reach it"),

      boolean("intervention.enabled", d.intervention.enabled, "Mechanism 9: foreign intervention"),
      choice("intervention.mandate", static_cast<std::size_t>(d.intervention.mandate),
             {"guard", "suppress", "none"},
             "guard: troops guard sites, freeing police; suppress: troops act as cops"),
      share("intervention.motivation", d.intervention.motivation,
            "Probability that a troop acts (suppress)"),
      share("intervention.lethal_force", d.intervention.lethal_force, "p_c of troops (suppress)"),
      share("intervention.attitude_initial", d.intervention.attitude_initial,
            "Share favourable to the intervener at the start"),
      share("intervention.attitude_per_engagement_per_100k",
            d.intervention.attitude_per_engagement_per_100k,
            "Attitude down per engagement per 100,000 people"),
      share("intervention.attitude_presence_per_day", d.intervention.attitude_presence_per_day,
            "Attitude down per day of presence"),
      share("intervention.home_support_initial", d.intervention.home_support_initial,
            "Support at home for the intervention at the start"),
      share("intervention.home_support_per_casualty", d.intervention.home_support_per_casualty,
            "Home support down per own soldier killed"),
      share("intervention.home_support_per_engagement", d.intervention.home_support_per_engagement,
            "Home support down per engagement"),

      share("outcomes.join_share", d.outcomes.join_share,
            "A region joins when its active share first exceeds this"),
      text("outcomes.capital", d.outcomes.capital, kRegionOrEmpty,
           "Region whose administration decides the regime"),
      real("outcomes.capital_hold_hours", d.outcomes.capital_hold_hours, 0, kMaxHours, "hours",
           "The capital's administration held this long: the regime falls"),
      share("outcomes.desertion_falls", d.outcomes.desertion_falls,
            "National desertion share at which the regime falls"),
      share("outcomes.contested_active_share", d.outcomes.contested_active_share,
            "Active share at the horizon above which the outcome is contested"),
  };
}

std::vector<ParamSpec> make_region_tables() {
  return {
      real("hardship.exposure", 0.0, 0, 1, "",
           "Mean exposure of a region; unlisted regions take exposure_oil_gas or "
           "exposure_other"),
      real("legitimacy.offset", 0.0, -1, 1, "", "Offset o_r of a region's legitimacy; unlisted: 0"),
  };
}

ListFieldSpec field(ParamSpec spec, bool required = false) {
  return {std::move(spec), required};
}

std::vector<ListSpec> make_lists() {
  const country::Site site;
  const country::Contingent contingent;
  const country::Event event;
  std::vector<std::string> types(country::kEventTypeNames.begin(), country::kEventTypeNames.end());
  return {
      {"sites.list",
       "Strategic sites; a child scenario's list replaces its base's",
       {field(text("sites.list.name", "", "a string", "Name of the site"), true),
        field(text("sites.list.region", "", "an id of the regions file", "Region of the site"),
              true),
        field(choice("sites.list.kind", static_cast<std::size_t>(site.kind),
                     {"administration", "airport", "broadcaster", "power_plant", "security_service",
                      "residence", "other"},
                     "What the site is; a seized airport blocks arrivals by air")),
        field(real("sites.list.guards", site.guards, 0, kMaxPeople, "people",
                   "Police guarding it, taken from the region's police")),
        field(integer("sites.list.importance", site.importance, 0, 1e9, "",
                      "Higher first when troops take over guarding"))}},
      {"intervention.contingents",
       "Foreign contingents; a child scenario's list replaces its base's",
       {field(text("intervention.contingents.country", "", "a string", "Sending country"), true),
        field(positive("intervention.contingents.troops", contingent.troops, kMaxPeople, "people",
                       "Troops; they must fit in the empty sites of the region's lattice"),
              true),
        field(text("intervention.contingents.region", "", "an id of the regions file",
                   "Region where it lands"),
              true),
        field(text("intervention.contingents.arrival", "", kDateTime,
                   "A fixed arrival; if absent, after_request_hours after the request")),
        field(real("intervention.contingents.after_request_hours", contingent.after_request_hours,
                   0, kMaxHours, "hours", "Arrival this long after the csto_request event")),
        field(boolean("intervention.contingents.by_air", contingent.by_air,
                      "Arrives by air: a seized airport in its region delays it"))}},
      {"events.timeline",
       "Dated events; a child scenario's timeline is added to its base's",
       {field(text("events.timeline.date", "", "a date YYYY-MM-DD", "Day of the event"), true),
        field(text("events.timeline.time", "00:00", "a time HH:MM", "Local time of the event")),
        field(text("events.timeline.region", "", "an id of the regions file, or \"national\"",
                   "Where the event happens"),
              true),
        field(choice("events.timeline.type", 0, types, "What happens"), true),
        field(positive("events.timeline.price", event.price, kMaxFactor, "relative to the base",
                       "Required for price_hike, price_rollback, price_cap; refused otherwise")),
        field(text("events.timeline.description", "", "a string", "What happened, for people")),
        field(text("events.timeline.source", "", "a string",
                   "Where the fact comes from; default: the scenario file and line"))}},
  };
}

}  // namespace

const std::vector<ParamSpec>& country_parameter_specs() {
  static const std::vector<ParamSpec> specs = make_specs();
  return specs;
}

namespace {

template <class Spec>
const Spec* find_by_key(const std::vector<Spec>& specs, const std::string& key) {
  for (const Spec& s : specs) {
    if (s.key == key) return &s;
  }
  return nullptr;
}

}  // namespace

const ParamSpec* find_country_parameter(const std::string& key) {
  return find_by_key(country_parameter_specs(), key);
}

const std::vector<ParamSpec>& country_region_table_specs() {
  static const std::vector<ParamSpec> specs = make_region_tables();
  return specs;
}

const ParamSpec* find_country_region_table(const std::string& key) {
  return find_by_key(country_region_table_specs(), key);
}

const std::vector<ListSpec>& country_list_specs() {
  static const std::vector<ListSpec> specs = make_lists();
  return specs;
}

const ListSpec* find_country_list(const std::string& key) {
  return find_by_key(country_list_specs(), key);
}

std::vector<std::string> country_sections() {
  std::vector<std::string> out;
  for (const ParamSpec& s : country_parameter_specs()) {
    const std::string section = s.key.substr(0, s.key.find('.'));
    if (out.empty() || out.back() != section) out.push_back(section);
  }
  out.push_back("events");
  return out;
}

std::string country_keys_of(const std::string& section) {
  std::string out;
  const auto add = [&](const std::string& key) {
    if (key.substr(0, key.find('.')) != section) return;
    out += out.empty() ? "" : ", ";
    out += key.substr(key.find('.') + 1);
  };
  for (const ParamSpec& s : country_parameter_specs()) add(s.key);
  for (const ParamSpec& s : country_region_table_specs()) add(s.key);
  for (const ListSpec& s : country_list_specs()) {
    if (s.key != "events.timeline") add(s.key);
  }
  if (section == "events") out = "import, import_types, remove, timeline";
  return out;
}

std::string country_parameters_markdown() {
  // A default in backticks is a TOML value; without, words.
  const auto row = [](const ParamSpec& spec, const std::string& def, bool value = true) {
    std::string escaped = def;
    for (std::size_t i = 0; (i = escaped.find('|', i)) != std::string::npos; i += 2)
      escaped.replace(i, 1, "\\|");
    return fmt::format("| `{}` | {} | {} | {} | {} |\n", spec.key,
                       value ? "`" + escaped + "`" : escaped, describe_allowed(spec), spec.unit,
                       spec.description);
  };
  const char* const header =
      "| key | default | allowed | unit | description |\n|---|---|---|---|---|\n";
  std::string out = header;
  for (const ParamSpec& spec : country_parameter_specs()) {
    out += row(spec, value_text(spec.default_value));
  }
  out +=
      "\nTop level, and tables keyed by region id (`--set hardship.exposure.REGION=0.9`):\n\n"
      "| key | default | allowed | unit | description |\n|---|---|---|---|---|\n"
      "| `base` | none | a built-in scenario's name, or a path ending in .toml relative to this "
      "file |  | The scenario this one inherits from; its keys override the base's |\n";
  for (const ParamSpec& spec : country_region_table_specs()) {
    ParamSpec table = spec;
    table.key += ".REGION";
    out += row(table, "see description", false);
  }
  out +=
      "\n`[events]`:\n\n| key | allowed | description |\n|---|---|---|\n"
      "| `import` | a path to an events CSV, relative to the scenario file | Events to add |\n"
      "| `import_types` | an array of event types | Only these types are imported (default: "
      "all) |\n"
      "| `remove` | an array of event types | Drops events of these types inherited from the "
      "base |\n";
  for (const ListSpec& list : country_list_specs()) {
    out += fmt::format("\n`[[{}]]`: {}. Fields:\n\n{}", list.key, list.description, header);
    for (const ListFieldSpec& f : list.fields) {
      if (f.required) {
        out += row(f.spec, "required", false);
      } else if (f.spec.key == "intervention.contingents.arrival") {
        out += row(f.spec, "none", false);
      } else {
        out += row(f.spec, value_text(f.spec.default_value));
      }
    }
  }
  return out;
}

}  // namespace unrest::scenario
