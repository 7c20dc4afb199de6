#include "io/country_writer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "io/atomic_file.hpp"
#include "io/build_info.hpp"
#include "io/csv_field.hpp"

namespace unrest::io {
namespace {

using country::CountryRecord;
using country::RegionPeriod;
using scenario::CountryScenario;

constexpr const char* kColumns =
    "quiet,active,jailed,police,troops,detained,citizens_killed,police_killed,troops_killed,"
    "deserted,engagements,sites_held,legitimacy,attitude";

// One comment line identifying the run; read with e.g. pandas.read_csv(path, comment="#").
std::string provenance_line(const CountryScenario& s) {
  return fmt::format("# unrest {} commit {} scenario {} sha256 {} seed {}\n", kVersion, kGitCommit,
                     s.name, s.source_sha256, s.seed);
}

// The number of periods recorded; the record's per-period series must agree.
std::size_t periods_of(const CountryRecord& rec) {
  if (rec.national.size() != rec.time.size() || rec.regions.size() != rec.time.size()) {
    throw std::logic_error(
        fmt::format("country record: {} period times, {} national periods and {} regional periods",
                    rec.time.size(), rec.national.size(), rec.regions.size()));
  }
  return rec.time.size();
}

// When period `p` (1 = the first) ends.
country::DateTime period_end(const CountryScenario& s, const CountryRecord& rec, std::uint64_t p) {
  if (p >= 1 && p <= rec.time.size()) return rec.time[p - 1];
  return country::DateTime::from_minutes(s.params.start.minutes() +
                                         static_cast<std::int64_t>(p) * s.params.period_minutes);
}

// The end of period `p` as an ISO timestamp; empty for period 0 (never).
std::string period_end_iso(const CountryScenario& s, const CountryRecord& rec, std::uint64_t p) {
  return p == 0 ? std::string() : period_end(s, rec, p).iso();
}

// The end of the run: the end of its last recorded period.
country::DateTime run_end(const CountryScenario& s, const CountryRecord& rec) {
  return period_end(s, rec, rec.time.size());
}

// A count of people (or hours): an integer when whole, else up to 6 decimals.
std::string amount(double x) {
  x += 0.0;  // no negative zero
  if (!std::isfinite(x)) return fmt::format("{}", x);
  if (x == std::round(x) && std::fabs(x) < 1e15) return fmt::format("{:.0f}", x);
  std::string t = fmt::format("{:.6f}", x);
  while (!t.empty() && t.back() == '0') t.pop_back();
  if (!t.empty() && t.back() == '.') t.pop_back();
  return t == "-0" ? "0" : t;
}

// A share, a legitimacy or an attitude: 6 decimals.
std::string share(double x) {
  std::string t = fmt::format("{:.6f}", x + 0.0);
  return t == "-0.000000" ? "0.000000" : t;
}

// A Markdown table cell.
std::string md_cell(const std::string& v) {
  std::string out;
  for (const char c : v) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

// 48200 -> "48,200".
std::string thousands(std::uint64_t v) {
  const std::string digits = std::to_string(v);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}
std::string thousands(double x) {
  if (!std::isfinite(x)) return fmt::format("{}", x);
  const double rounded = std::round(x);
  const std::string magnitude = thousands(static_cast<std::uint64_t>(std::fabs(rounded)));
  return rounded < 0 ? "-" + magnitude : magnitude;
}

// Hours to one decimal, without a trailing ".0".
std::string hours_text(double h) {
  const double tenths = std::round(h * 10.0) / 10.0 + 0.0;
  return tenths == std::round(tenths) ? fmt::format("{:.0f}", tenths)
                                      : fmt::format("{:.1f}", tenths);
}

std::string duration_text(double hours) {
  return hours >= 48.0 ? fmt::format("{:.1f} days", hours / 24.0) : hours_text(hours) + " h";
}

void append_columns(std::string& out, const RegionPeriod& p) {
  fmt::format_to(std::back_inserter(out), "{},{},{},{},{},{},{},{},{},{},{},{},{},{}",
                 amount(p.quiet), amount(p.active), amount(p.jailed), amount(p.police),
                 amount(p.troops), amount(p.detained), amount(p.citizens_killed),
                 amount(p.police_killed), amount(p.troops_killed), amount(p.deserted),
                 amount(p.engagements), p.sites_held, share(p.legitimacy), share(p.attitude));
}

// Per region: how many times its sites were seized, and for how many hours they were held.
// A count of people in JSON: an integer when whole.
nlohmann::ordered_json json_amount(double x) {
  if (std::isfinite(x) && x == std::round(x) && std::fabs(x) < 9e15) {
    return static_cast<std::int64_t>(x);
  }
  return x;
}

// The end of period `p` in JSON; null for period 0 (never).
nlohmann::ordered_json json_time(const CountryScenario& s, const CountryRecord& rec,
                                 std::uint64_t p) {
  return p == 0 ? nlohmann::ordered_json(nullptr)
                : nlohmann::ordered_json(period_end(s, rec, p).iso());
}

std::string_view scheduler_name(scenario::SchedulerKind k) {
  return k == scenario::SchedulerKind::parallel ? "parallel" : "reference";
}

}  // namespace

std::string region_id(const CountryScenario& s, std::size_t i) {
  const auto& regions = s.params.geography.regions;
  return i < regions.size() ? regions[i].id : fmt::format("{}", i);
}

RegionSites region_sites(const CountryRecord& rec, std::size_t regions) {
  RegionSites out{std::vector<std::uint64_t>(regions, 0), std::vector<double>(regions, 0.0)};
  for (const country::SiteRecord& site : rec.sites) {
    if (site.region >= regions) continue;
    out.seized[site.region] += site.times_seized;
    out.hours[site.region] += site.hours_held;
  }
  return out;
}

std::string national_csv(const CountryScenario& s, const run::CountryRunResult& r) {
  const CountryRecord& rec = r.record;
  const std::size_t periods = periods_of(rec);
  std::string out = provenance_line(s);
  out += "time,period,";
  out += kColumns;
  out += '\n';
  for (std::size_t i = 0; i < periods; ++i) {
    out += fmt::format("{},{},", rec.time[i].iso(), i + 1);
    append_columns(out, rec.national[i]);
    out += '\n';
  }
  return out;
}

std::string regions_csv(const CountryScenario& s, const run::CountryRunResult& r) {
  const CountryRecord& rec = r.record;
  const std::size_t periods = periods_of(rec);
  std::string out = provenance_line(s);
  out += "time,period,region,";
  out += kColumns;
  out += ",perceived\n";
  for (std::size_t i = 0; i < periods; ++i) {
    const std::string time = rec.time[i].iso();
    for (std::size_t g = 0; g < rec.regions[i].size(); ++g) {
      const RegionPeriod& p = rec.regions[i][g];
      out += fmt::format("{},{},{},", time, i + 1, csv_field(region_id(s, g)));
      append_columns(out, p);
      out += fmt::format(",{}\n", share(p.perceived));
    }
  }
  return out;
}

std::string region_summary_csv(const CountryScenario& s, const run::CountryRunResult& r) {
  const CountryRecord& rec = r.record;
  const auto& regions = s.params.geography.regions;
  const RegionSites sites = region_sites(rec, rec.region_summaries.size());
  std::string out = provenance_line(s);
  out +=
      "region,name,population,joined_at,peak_active,peak_at,detained,citizens_killed,"
      "police_killed,troops_killed,deserted,seizures,site_hours_held\n";
  for (std::size_t g = 0; g < rec.region_summaries.size(); ++g) {
    const country::RegionSummary& sum = rec.region_summaries[g];
    const std::string name = g < regions.size() ? regions[g].name : std::string();
    const std::uint64_t population = g < regions.size() ? regions[g].population : 0;
    out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{}\n", csv_field(region_id(s, g)),
                       csv_field(name), population, period_end_iso(s, rec, sum.joined),
                       amount(sum.peak_active), period_end_iso(s, rec, sum.peak_period),
                       amount(sum.detained), amount(sum.citizens_killed), amount(sum.police_killed),
                       amount(sum.troops_killed), amount(sum.deserted), sites.seized[g],
                       amount(sites.hours[g]));
  }
  return out;
}

std::string sites_csv(const CountryScenario& s, const run::CountryRunResult& r) {
  const CountryRecord& rec = r.record;
  std::string out = provenance_line(s);
  out += "site,region,times_seized,first_seized_at,hours_held,held_at_end\n";
  for (const country::SiteRecord& site : rec.sites) {
    out += fmt::format("{},{},{},{},{},{}\n", csv_field(site.name),
                       csv_field(region_id(s, site.region)), site.times_seized,
                       period_end_iso(s, rec, site.first_seized), amount(site.hours_held),
                       site.held_at_end);
  }
  return out;
}

std::string country_summary_json(const CountryScenario& s, const run::CountryRunResult& r,
                                 std::uint64_t peak_memory_bytes) {
  const CountryRecord& rec = r.record;
  const std::size_t periods = periods_of(rec);
  const auto& regions = s.params.geography.regions;
  nlohmann::ordered_json j;
  j["version"] = kVersion;
  j["git_commit"] = kGitCommit;
  j["scenario"] = {{"name", s.name},
                   {"source", s.source},
                   {"chain", s.chain},
                   {"sha256", s.source_sha256},
                   {"text", s.source_text}};
  // Every effective value, the base's included (a scenario built by hand has none to render).
  if (!s.values.empty()) j["scenario"]["effective"] = s.effective_toml();
  nlohmann::ordered_json overrides = nlohmann::ordered_json::array();
  for (const scenario::Override& o : s.overrides) overrides.push_back(o.key + "=" + o.value);
  j["overrides"] = overrides;
  j["seed"] = s.seed;
  j["scheduler"] = scheduler_name(s.scheduler);
  j["scale"] = json_amount(s.params.people_per_agent);
  j["start"] = s.params.start.iso();
  j["end"] = run_end(s, rec).iso();
  j["period_minutes"] = s.params.period_minutes;
  j["periods"] = periods;

  const country::RunOutcome& o = rec.outcome;
  j["outcome"] = {{"regime", country::name_of(o.regime)},
                  {"reason", o.reason},
                  {"peak_active", json_amount(o.peak_active)},
                  {"peak_at", json_time(s, rec, o.peak_period)},
                  {"regions_joined", o.regions_joined},
                  {"first_active_at", json_time(s, rec, o.first_active_period)},
                  {"last_active_at", json_time(s, rec, o.last_active_period)},
                  {"duration_hours", json_amount(o.duration_hours)},
                  {"detained", json_amount(o.detained)},
                  {"citizens_killed", json_amount(o.citizens_killed)},
                  {"police_killed", json_amount(o.police_killed)},
                  {"troops_killed", json_amount(o.troops_killed)},
                  {"deserted", json_amount(o.deserted)},
                  {"attitude", o.attitude},
                  {"home_support", o.home_support},
                  {"legitimacy", o.legitimacy}};

  const RegionSites sites = region_sites(rec, rec.region_summaries.size());
  nlohmann::ordered_json region_list = nlohmann::ordered_json::array();
  for (std::size_t g = 0; g < rec.region_summaries.size(); ++g) {
    const country::RegionSummary& sum = rec.region_summaries[g];
    region_list.push_back(
        {{"id", region_id(s, g)},
         {"name", g < regions.size() ? regions[g].name : std::string()},
         {"population", g < regions.size() ? regions[g].population : std::uint64_t{0}},
         {"joined_at", json_time(s, rec, sum.joined)},
         {"peak_active", json_amount(sum.peak_active)},
         {"peak_at", json_time(s, rec, sum.peak_period)},
         {"detained", json_amount(sum.detained)},
         {"citizens_killed", json_amount(sum.citizens_killed)},
         {"police_killed", json_amount(sum.police_killed)},
         {"troops_killed", json_amount(sum.troops_killed)},
         {"deserted", json_amount(sum.deserted)},
         {"seizures", sites.seized[g]},
         {"site_hours_held", json_amount(sites.hours[g])}});
  }
  j["regions"] = region_list;

  nlohmann::ordered_json site_list = nlohmann::ordered_json::array();
  for (const country::SiteRecord& site : rec.sites) {
    site_list.push_back({{"name", site.name},
                         {"region", region_id(s, site.region)},
                         {"times_seized", site.times_seized},
                         {"first_seized_at", json_time(s, rec, site.first_seized)},
                         {"hours_held", json_amount(site.hours_held)},
                         {"held_at_end", site.held_at_end}});
  }
  j["sites"] = site_list;
  // The timeline, for charts that mark the events on the time axis.
  nlohmann::ordered_json events = nlohmann::ordered_json::array();
  for (const country::Event& e : s.params.events) {
    events.push_back({{"time", e.at.iso()},
                      {"type", country::name_of(e.type)},
                      {"region", e.region ? nlohmann::ordered_json(region_id(s, *e.region))
                                          : nlohmann::ordered_json(nullptr)},
                      {"label", e.description}});
  }
  j["events"] = events;

  // The only fields that differ between identical runs: how long this one took, on how many
  // threads (which never changes the results), and the memory it used.
  j["timing"] = {{"wall_seconds", r.wall_seconds},
                 {"agent_updates", r.agent_updates},
                 {"agent_updates_per_second",
                  r.wall_seconds > 0 ? static_cast<double>(r.agent_updates) / r.wall_seconds : 0.0},
                 {"agents", r.agents},
                 {"threads", r.threads},
                 {"peak_memory_bytes", peak_memory_bytes}};
  // Invalid UTF-8 in a name or the scenario text becomes U+FFFD rather than an exception.
  return j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string country_terminal_summary(const CountryScenario& s, const run::CountryRunResult& r) {
  const CountryRecord& rec = r.record;
  const country::CountryParams& params = s.params;
  const country::RunOutcome& o = rec.outcome;
  std::string out;
  const auto line = [&out](const std::string& text) {
    out += text;
    out += '\n';
  };

  line(fmt::format("{} (seed {}, scale {} {} per agent, {} .. {})", s.name, s.seed,
                   amount(params.people_per_agent),
                   params.people_per_agent == 1.0 ? "person" : "people", params.start.iso(),
                   run_end(s, rec).iso()));
  line(o.reason.empty() ? fmt::format("Regime: {}", country::name_of(o.regime))
                        : fmt::format("Regime: {} ({})", country::name_of(o.regime), o.reason));

  std::string protest =
      fmt::format("Protest: {} of {} regions joined; peak {} active", o.regions_joined,
                  rec.region_summaries.size(), thousands(o.peak_active));
  if (o.peak_period > 0) protest += " at " + period_end_iso(s, rec, o.peak_period);
  if (o.duration_hours > 0) protest += "; lasted " + duration_text(o.duration_hours);
  line(protest);

  line(fmt::format("Detained {}; killed: {} citizens, {} police, {} foreign troops; deserted {}",
                   thousands(o.detained), thousands(o.citizens_killed), thousands(o.police_killed),
                   thousands(o.troops_killed), thousands(o.deserted)));

  if (rec.sites.empty()) {
    line("Sites seized: none declared");
  } else {
    std::uint64_t times = 0;
    std::vector<std::string> seized;
    for (const country::SiteRecord& site : rec.sites) {
      if (site.times_seized == 0) continue;
      times += site.times_seized;
      seized.push_back(fmt::format("{} {} h{}", site.name, hours_text(site.hours_held),
                                   site.held_at_end ? ", still held" : ""));
    }
    if (seized.empty()) {
      line(fmt::format("Sites seized: none of {}", rec.sites.size()));
    } else {
      constexpr std::size_t kShown = 5;
      std::string list;
      for (std::size_t i = 0; i < std::min(kShown, seized.size()); ++i) {
        if (i > 0) list += "; ";
        list += seized[i];
      }
      if (seized.size() > kShown) list += fmt::format("; {} more", seized.size() - kShown);
      line(fmt::format("Sites seized: {} of {}, {} {} ({})", seized.size(), rec.sites.size(), times,
                       times == 1 ? "time" : "times", list));
    }
  }

  line(params.legitimacy.enabled
           ? fmt::format("Legitimacy at the end: {:.2f} (from {:.2f})", o.legitimacy + 0.0,
                         params.legitimacy.national + 0.0)
           : fmt::format("Legitimacy at the end: {:.2f}", o.legitimacy + 0.0));
  if (params.intervention.enabled && !params.intervention.contingents.empty()) {
    line(fmt::format(
        "Attitude towards the intervener: {:.2f} (from {:.2f}); support at home: {:.2f} (from "
        "{:.2f})",
        o.attitude + 0.0, params.intervention.attitude_initial + 0.0, o.home_support + 0.0,
        params.intervention.home_support_initial + 0.0));
  } else {
    line("Foreign intervention: none");
  }

  // The first regions to join, by join time (then in file order).
  std::vector<std::size_t> joined;
  for (std::size_t g = 0; g < rec.region_summaries.size(); ++g) {
    if (rec.region_summaries[g].joined > 0) joined.push_back(g);
  }
  std::stable_sort(joined.begin(), joined.end(), [&rec](std::size_t a, std::size_t b) {
    return rec.region_summaries[a].joined < rec.region_summaries[b].joined;
  });
  if (!joined.empty()) {
    constexpr std::size_t kShown = 5;
    std::string list;
    for (std::size_t i = 0; i < std::min(kShown, joined.size()); ++i) {
      if (i > 0) list += ", ";
      list += region_id(s, joined[i]) + " " +
              period_end_iso(s, rec, rec.region_summaries[joined[i]].joined);
    }
    if (joined.size() > kShown) list += fmt::format(", {} more", joined.size() - kShown);
    line("First to join: " + list);
  }
  return out;
}

std::string country_report_md(const CountryScenario& s, const run::CountryRunResult& r) {
  const CountryRecord& rec = r.record;
  const auto& regions = s.params.geography.regions;
  std::string out = fmt::format("# {}\n\n```text\n{}```\n\n## Regions\n\n", s.name,
                                country_terminal_summary(s, r));
  out +=
      "| Region | Name | Population | Joined | Peak active | Peak at | Detained | Citizens killed "
      "| Police killed | Troops killed | Deserted | Sites seized | Site hours held |\n"
      "| --- | --- | ---: | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n";
  const RegionSites sites = region_sites(rec, rec.region_summaries.size());
  const auto time_or = [&](std::uint64_t p, const char* never) {
    return p == 0 ? std::string(never) : period_end_iso(s, rec, p);
  };
  for (std::size_t g = 0; g < rec.region_summaries.size(); ++g) {
    const country::RegionSummary& sum = rec.region_summaries[g];
    out += fmt::format(
        "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
        md_cell(region_id(s, g)), md_cell(g < regions.size() ? regions[g].name : std::string()),
        thousands(g < regions.size() ? regions[g].population : std::uint64_t{0}),
        time_or(sum.joined, "never"), thousands(sum.peak_active), time_or(sum.peak_period, "-"),
        thousands(sum.detained), thousands(sum.citizens_killed), thousands(sum.police_killed),
        thousands(sum.troops_killed), thousands(sum.deserted), sites.seized[g],
        hours_text(sites.hours[g]));
  }
  if (!rec.sites.empty()) {
    out +=
        "\n## Sites\n\n"
        "| Site | Region | Times seized | First seized | Hours held | Held at end |\n"
        "| --- | --- | ---: | --- | ---: | --- |\n";
    for (const country::SiteRecord& site : rec.sites) {
      out += fmt::format("| {} | {} | {} | {} | {} | {} |\n", md_cell(site.name),
                         md_cell(region_id(s, site.region)), site.times_seized,
                         time_or(site.first_seized, "never"), hours_text(site.hours_held),
                         site.held_at_end ? "yes" : "no");
    }
  }
  std::string overrides;
  for (const scenario::Override& o : s.overrides) {
    overrides += (overrides.empty() ? "`" : ", `") + o.key + "=" + o.value + "`";
  }
  std::string chain;
  for (const std::string& c : s.chain) chain += (chain.empty() ? "`" : " → `") + c + "`";
  out += fmt::format(
      "\n## Provenance\n\n"
      "- unrest {}, commit {}\n"
      "- scenario `{}`{}; SHA-256 `{}`\n"
      "- seed {}; overrides: {}\n"
      "- data: national.csv, regions.csv, region_summary.csv, sites.csv; summary.json\n",
      kVersion, kGitCommit, s.source, chain.empty() ? "" : " (" + chain + ")", s.source_sha256,
      s.seed, overrides.empty() ? "none" : overrides);
  return out;
}

void write_country_run(const std::filesystem::path& dir, const CountryScenario& s,
                       const run::CountryRunResult& r, std::uint64_t peak_memory_bytes) {
  write_file_atomically(dir / "national.csv", national_csv(s, r));
  write_file_atomically(dir / "regions.csv", regions_csv(s, r));
  write_file_atomically(dir / "region_summary.csv", region_summary_csv(s, r));
  write_file_atomically(dir / "sites.csv", sites_csv(s, r));
  write_file_atomically(dir / "report.md", country_report_md(s, r));
  if (!s.map_geojson.empty()) write_file_atomically(dir / "map.geojson", s.map_geojson);
  write_file_atomically(dir / "summary.json", country_summary_json(s, r, peak_memory_bytes));
}

}  // namespace unrest::io
