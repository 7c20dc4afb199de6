// A results store as report data: per scenario the regime counts, fan charts (5, 25, 50, 75
// and 95th percentiles over runs, period by period) of the national series, each run's
// outcomes for histograms, and for the map the share of runs each region joined and, when the
// store holds per-region series, the median active share; plus the odds table.
#include <fmt/format.h>

#include <map>
#include <string>
#include <vector>

#include "core/statistics.hpp"
#include "ensemble/odds.hpp"
#include "io/odds_table.hpp"
#include "report/report_data.hpp"
#include "store/results_store.hpp"

namespace unrest::report {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

double number(const std::optional<std::string>& cell) {
  return cell ? std::stod(*cell) : 0.0;
}

// Rows of (group, period, value...) in period order: per period the values of every run.
struct PeriodValues {
  std::vector<std::string> times;
  std::vector<std::vector<std::vector<double>>> values;  // [column][period][run]
};

Json fan(const std::vector<std::vector<double>>& by_period) {
  Json out;
  const std::pair<const char*, double> bands[] = {
      {"p05", 0.05}, {"p25", 0.25}, {"p50", 0.5}, {"p75", 0.75}, {"p95", 0.95}};
  for (const auto& [name, q] : bands) {
    Json line = Json::array();
    for (const std::vector<double>& runs : by_period) line.push_back(core::quantile(runs, q));
    out[name] = line;
  }
  return out;
}

Json national_fans(const store::ResultsStore& results, std::size_t scenario, Json& times) {
  const store::QueryResult rows = results.query(fmt::format(
      "SELECT period, time, active, jailed, citizens_killed + police_killed + troops_killed, "
      "sites_held FROM series WHERE scenario = {} AND region = '' ORDER BY period, replicate",
      scenario));
  const char* names[] = {"active", "jailed", "killed", "sites_held"};
  std::vector<std::vector<std::vector<double>>> columns(4);
  std::string last_period;
  times = Json::array();
  for (const auto& row : rows.rows) {
    if (row[0] != last_period) {
      last_period = row[0].value_or("");
      times.push_back(row[1].value_or(""));
      for (auto& c : columns) c.emplace_back();
    }
    for (std::size_t c = 0; c < 4; ++c) columns[c].back().push_back(number(row[c + 2]));
  }
  Json out = Json::object();
  for (std::size_t c = 0; c < 4; ++c) out[names[c]] = fan(columns[c]);
  return out;
}

Json region_active_share(const store::ResultsStore& results, std::size_t scenario) {
  const store::QueryResult rows = results.query(
      fmt::format("SELECT region, period, active / max(quiet + active + jailed, 1) FROM series "
                  "WHERE scenario = {} AND region <> '' ORDER BY region, period, replicate",
                  scenario));
  if (rows.rows.empty()) return nullptr;
  Json out = Json::object();
  std::string region;
  std::string period;
  std::vector<double> runs;
  const auto flush = [&] {
    if (!runs.empty()) out[region].push_back(core::quantile(runs, 0.5));
    runs.clear();
  };
  for (const auto& row : rows.rows) {
    if (row[0].value_or("") != region || row[1].value_or("") != period) {
      flush();
      region = row[0].value_or("");
      period = row[1].value_or("");
    }
    runs.push_back(number(row[2]));
  }
  flush();
  return out;
}

Json outcome_lists(const std::vector<country::RunOutcome>& runs) {
  Json out;
  for (const char* key : {"citizens_killed", "security_killed", "detained", "duration_hours",
                          "regions_joined", "attitude"}) {
    out[key] = Json::array();
  }
  for (const country::RunOutcome& o : runs) {
    out["citizens_killed"].push_back(o.citizens_killed);
    out["security_killed"].push_back(o.police_killed + o.troops_killed);
    out["detained"].push_back(o.detained);
    out["duration_hours"].push_back(o.duration_hours);
    out["regions_joined"].push_back(o.regions_joined);
    out["attitude"].push_back(o.attitude);
  }
  return out;
}

}  // namespace

Json store_data(const fs::path& path) {
  const store::ResultsStore results = store::ResultsStore::open_read_only(path);
  const store::QueryResult meta =
      results.query("SELECT value FROM meta WHERE key IN ('study', 'version') ORDER BY key");
  const Json study = Json::parse(meta.rows.at(0).at(0).value_or("{}"), nullptr, false);
  const std::string command = study.is_object() ? study.value("command", "ensemble") : "ensemble";
  const store::QueryResult scenarios = results.query(
      "SELECT s.scenario, s.name, s.sha256, s.map_geojson, count(r.replicate), "
      "coalesce(max(r.replicate) + 1, 0) FROM scenarios s LEFT JOIN runs r USING (scenario) "
      "GROUP BY s.scenario ORDER BY s.scenario");

  Json data;
  data["kind"] = command == "ensemble" ? "ensemble" : "compare";
  data["title"] =
      fmt::format("{} of {}", command,
                  scenarios.rows.size() == 1 ? scenarios.rows[0][1].value_or("")
                                             : fmt::format("{} scenarios", scenarios.rows.size()));
  const std::string version = meta.rows.size() > 1 ? meta.rows[1][0].value_or("") : "";
  data["provenance"] = {
      {"version", version.substr(0, version.find('+'))},
      {"git_commit",
       version.find('+') == std::string::npos ? "" : version.substr(version.find('+') + 1)},
      {"scenario", scenarios.rows.empty() ? "" : scenarios.rows[0][1].value_or("")},
      {"sha256", scenarios.rows.empty() ? "" : scenarios.rows[0][2].value_or("")},
      {"seed", study.is_object() ? study.value("base_seed", Json(1)) : Json(1)},
      {"source", path.string()}};
  data["map"] = nullptr;
  for (const auto& row : scenarios.rows) {
    const std::string map = row[3].value_or("");
    if (!map.empty()) {
      data["map"] = Json::parse(map, nullptr, false);
      break;
    }
  }
  // Regions: those of the stored region outcomes, named from the map where it has them.
  std::map<std::string, std::string> names;
  if (data["map"].is_object()) {
    for (const Json& f : data["map"].value("features", Json::array())) {
      const Json& p = f.value("properties", Json::object());
      names[p.value("id", "")] = p.value("name", p.value("id", ""));
    }
  }
  Json regions = Json::array();
  for (const auto& row :
       results.query("SELECT DISTINCT region FROM region_outcomes ORDER BY region").rows) {
    const std::string id = row[0].value_or("");
    regions.push_back(
        {{"id", id}, {"name", names.count(id) ? names[id] : id}, {"population", nullptr}});
  }
  data["regions"] = regions;

  std::vector<ensemble::ScenarioOdds> table;
  Json list = Json::array();
  for (const auto& row : scenarios.rows) {
    const auto scenario = static_cast<std::size_t>(std::stoll(row[0].value_or("0")));
    const std::string name = row[1].value_or("");
    const auto replicates = static_cast<std::uint32_t>(std::stoll(row[5].value_or("0")));
    const std::vector<country::RunOutcome> outcomes = results.outcomes(scenario, replicates);
    Json entry;
    entry["name"] = name;
    entry["runs"] = outcomes.size();
    std::size_t counts[3] = {0, 0, 0};
    for (const country::RunOutcome& o : outcomes) ++counts[static_cast<std::size_t>(o.regime)];
    entry["regime"] = {{"stands", counts[0]}, {"contested", counts[1]}, {"fallen", counts[2]}};
    Json times;
    entry["fan"] = outcomes.empty() ? Json::object() : national_fans(results, scenario, times);
    entry["times"] = times;
    entry["outcomes"] = outcome_lists(outcomes);
    entry["region_active_share"] = region_active_share(results, scenario);
    Json joined = Json::object();
    for (const auto& r :
         results
             .query(fmt::format("SELECT region, avg(joined_at IS NOT NULL) FROM "
                                "region_outcomes WHERE scenario = {} GROUP BY region",
                                scenario))
             .rows) {
      joined[r[0].value_or("")] = number(r[1]);
    }
    entry["region_joined_share"] = joined;
    list.push_back(entry);
    if (!outcomes.empty()) table.push_back(ensemble::summarize_odds(name, outcomes));
  }
  data["scenarios"] = list;
  Json rows = Json::array();
  for (const ensemble::ScenarioOdds& o : table) rows.push_back(io::odds_row(o));
  data["odds"] = {{"columns", io::odds_columns()}, {"rows", rows}};
  return data;
}

}  // namespace unrest::report
