#include "scenario/country_parameters.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>

#include "country/params.hpp"

namespace unrest::scenario {
namespace {

// A value as text, to compare values (schedules, which no country key is, have no ==).
std::string text_of(const Value& v) {
  if (const auto* d = std::get_if<double>(&v)) return fmt::format("real {}", *d);
  if (const auto* i = std::get_if<std::int64_t>(&v)) return "integer " + std::to_string(*i);
  if (const auto* b = std::get_if<bool>(&v)) return *b ? "true" : "false";
  if (const auto* s = std::get_if<std::string>(&v)) return "text " + *s;
  return "schedule";
}

bool allowed(const ParamSpec& s, const Value& v) {
  switch (s.type) {
    case ParamType::real: {
      const double x = std::get<double>(v);
      const bool above = s.exclusive_min ? x > s.min : x >= s.min;
      return above && (x <= s.max || (s.allow_infinity && std::isinf(x)));
    }
    case ParamType::integer: {
      const auto x = static_cast<double>(std::get<std::int64_t>(v));
      return x >= s.min && x <= s.max;
    }
    case ParamType::boolean:
      return std::holds_alternative<bool>(v);
    case ParamType::choice:
      return std::find(s.choices.begin(), s.choices.end(), std::get<std::string>(v)) !=
             s.choices.end();
    case ParamType::text:
      return std::holds_alternative<std::string>(v);
    case ParamType::schedule:
      return false;  // no country key is a schedule
  }
  return false;
}

TEST(CountryParameters, KeysAreUniqueSectionDotNameWithDescriptions) {
  std::set<std::string> keys;
  for (const ParamSpec& s : country_parameter_specs()) {
    EXPECT_TRUE(keys.insert(s.key).second) << s.key;
    const auto dot = s.key.find('.');
    ASSERT_NE(dot, std::string::npos) << s.key;
    EXPECT_EQ(s.key.find('.', dot + 1), std::string::npos) << s.key;
    EXPECT_FALSE(s.description.empty()) << s.key;
    EXPECT_EQ(find_country_parameter(s.key), &s);
  }
  EXPECT_EQ(find_country_parameter("lattice.width"), nullptr);        // sized per region instead
  EXPECT_EQ(find_country_parameter("citizens.legitimacy"), nullptr);  // mechanism 4
}

TEST(CountryParameters, DefaultsAreAllowedValues) {
  for (const ParamSpec& s : country_parameter_specs()) {
    if (s.key == "country.regions" || s.key == "reserve.base" || s.key == "outcomes.capital") {
      continue;  // empty: required, or chosen from the regions
    }
    EXPECT_TRUE(allowed(s, s.default_value)) << s.key;
  }
  for (const ListSpec& list : country_list_specs()) {
    for (const ListFieldSpec& f : list.fields) {
      if (!f.required && f.spec.key != "intervention.contingents.arrival") {
        EXPECT_TRUE(allowed(f.spec, f.spec.default_value)) << f.spec.key;
      }
    }
  }
}

TEST(CountryParameters, ModelIKeysAreTheEpsteinDeclarations) {
  for (const char* key :
       {"scenario.seed", "citizens.vision", "citizens.threshold", "citizens.move", "cops.vision",
        "cops.move", "arrest.constant", "arrest.ratio", "jail.max_term", "jail.term", "jail.mode",
        "rules.preset", "rules.vision_shape", "rules.active_self_count", "rules.order"}) {
    const ParamSpec* country = find_country_parameter(key);
    const ParamSpec* epstein = find_parameter(key);
    ASSERT_NE(country, nullptr) << key;
    ASSERT_NE(epstein, nullptr) << key;
    EXPECT_EQ(text_of(country->default_value), text_of(epstein->default_value)) << key;
    EXPECT_EQ(describe_allowed(*country), describe_allowed(*epstein)) << key;
  }
  const epstein::ModelIParams m;
  EXPECT_EQ(std::get<double>(find_country_parameter("citizens.vision")->default_value),
            m.citizen_vision);
  EXPECT_EQ(std::get<double>(find_country_parameter("arrest.constant")->default_value),
            m.arrest_constant);
  EXPECT_EQ(std::get<double>(find_country_parameter("jail.max_term")->default_value),
            m.max_jail_term);
}

TEST(CountryParameters, DefaultsAreThoseOfCountryParams) {
  const country::CountryParams d;
  const auto real = [](const char* key) {
    return std::get<double>(find_country_parameter(key)->default_value);
  };
  const auto flag = [](const char* key) {
    return std::get<bool>(find_country_parameter(key)->default_value);
  };
  EXPECT_EQ(real("country.scale"), d.people_per_agent);
  EXPECT_EQ(real("country.density"), d.density);
  EXPECT_EQ(std::get<std::int64_t>(find_country_parameter("country.period_minutes")->default_value),
            d.period_minutes);
  EXPECT_EQ(std::get<std::string>(find_country_parameter("country.start")->default_value),
            d.start.iso());
  EXPECT_EQ(std::get<std::string>(find_country_parameter("country.end")->default_value),
            "1970-01-21T00:00");  // 480 hourly periods
  EXPECT_EQ(flag("hardship.enabled"), d.hardship.enabled);
  EXPECT_EQ(real("hardship.baseline"), d.hardship.baseline);
  EXPECT_EQ(real("hardship.sensitivity"), d.hardship.sensitivity);
  EXPECT_EQ(real("hardship.exposure_oil_gas"), d.hardship.exposure_oil_gas);
  EXPECT_EQ(real("legitimacy.national"), d.legitimacy.national);
  EXPECT_EQ(real("information.memory_hours"), d.information.memory_hours);
  EXPECT_EQ(real("police.per_100k"), d.police.per_100k);
  EXPECT_EQ(real("police.desertion_probability"), d.police.desertion_probability);
  EXPECT_EQ(real("reserve.troops"), d.reserve.troops);
  EXPECT_EQ(std::get<std::int64_t>(find_country_parameter("emergency.curfew_start")->default_value),
            d.emergency.curfew_start);
  EXPECT_EQ(real("violence.officer_killed"), d.violence.officer_killed);
  EXPECT_EQ(real("sites.catchment"), d.sites.catchment);
  EXPECT_EQ(std::get<std::string>(find_country_parameter("intervention.mandate")->default_value),
            "guard");
  EXPECT_EQ(real("intervention.home_support_initial"), d.intervention.home_support_initial);
  EXPECT_EQ(real("outcomes.capital_hold_hours"), d.outcomes.capital_hold_hours);
  EXPECT_EQ(std::get<std::string>(find_country_parameter("engine.scheduler")->default_value),
            "parallel");
}

TEST(CountryParameters, ListsAndTablesAreDeclared) {
  ASSERT_NE(find_country_list("sites.list"), nullptr);
  ASSERT_NE(find_country_list("intervention.contingents"), nullptr);
  ASSERT_NE(find_country_list("events.timeline"), nullptr);
  ASSERT_NE(find_country_region_table("hardship.exposure"), nullptr);
  ASSERT_NE(find_country_region_table("legitimacy.offset"), nullptr);
  EXPECT_EQ(find_country_region_table("hardship.sensitivity"), nullptr);
  EXPECT_NE(country_keys_of("hardship").find("exposure"), std::string::npos);
  EXPECT_NE(country_keys_of("sites").find("list"), std::string::npos);
  EXPECT_NE(country_keys_of("intervention").find("contingents"), std::string::npos);
  EXPECT_EQ(country_keys_of("events"), "import, import_types, remove, timeline");
  EXPECT_EQ(country_keys_of("lattice"), "");
  const auto sections = country_sections();
  EXPECT_EQ(sections.front(), "scenario");
  EXPECT_EQ(sections.back(), "events");
}

TEST(CountryParameters, DescribesAnOpenLowerBound) {
  EXPECT_EQ(describe_allowed(*find_country_parameter("country.density")), "a number in (0, 1]");
  EXPECT_EQ(describe_allowed(*find_country_parameter("hardship.exposure_other")),
            "a number in [0, 1]");
  EXPECT_NE(describe_allowed(*find_country_parameter("country.start")).find("YYYY-MM-DD"),
            std::string::npos);
}

TEST(CountryParameters, MarkdownListsEveryKeyAndField) {
  const std::string md = country_parameters_markdown();
  for (const ParamSpec& s : country_parameter_specs()) {
    EXPECT_NE(md.find("`" + s.key + "`"), std::string::npos) << s.key;
  }
  for (const ListSpec& list : country_list_specs()) {
    EXPECT_NE(md.find("[[" + list.key + "]]"), std::string::npos) << list.key;
    for (const ListFieldSpec& f : list.fields) {
      EXPECT_NE(md.find("`" + f.spec.key + "`"), std::string::npos) << f.spec.key;
    }
  }
  EXPECT_NE(md.find("`hardship.exposure.REGION`"), std::string::npos);
  EXPECT_NE(md.find("`base`"), std::string::npos);
  EXPECT_NE(md.find("`import_types`"), std::string::npos);
}

}  // namespace
}  // namespace unrest::scenario
