// Writes a country run's output directory: national.csv, regions.csv, region_summary.csv,
// sites.csv, summary.json and report.md, each atomically. Every CSV starts with one comment line
// naming the version, commit, scenario, its SHA-256 and the seed; times are ISO 8601 timestamps
// of the end of the period. Identical inputs give identical bytes, except summary.json's
// `timing` object.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "run/country_run.hpp"
#include "scenario/country_scenario.hpp"

namespace unrest::io {

// A region's id by index (the index itself if the scenario has no such region).
std::string region_id(const scenario::CountryScenario& s, std::size_t i);

// Per region: how many times its sites were seized, and for how many hours they were held.
struct RegionSites {
  std::vector<std::uint64_t> seized;
  std::vector<double> hours;
};
RegionSites region_sites(const country::CountryRecord& rec, std::size_t regions);

// time,period,quiet,active,jailed,police,troops,detained,citizens_killed,police_killed,
// troops_killed,deserted,engagements,sites_held,legitimacy,attitude: one row per period.
std::string national_csv(const scenario::CountryScenario& s, const run::CountryRunResult& r);
// time,period,region,<the national columns>,perceived: one row per period per region.
std::string regions_csv(const scenario::CountryScenario& s, const run::CountryRunResult& r);
// region,name,population,joined_at,peak_active,peak_at,detained,citizens_killed,police_killed,
// troops_killed,deserted,sites_held,site_hours_held: one row per region.
std::string region_summary_csv(const scenario::CountryScenario& s, const run::CountryRunResult& r);
// site,region,times_seized,first_seized_at,hours_held,held_at_end: one row per site.
std::string sites_csv(const scenario::CountryScenario& s, const run::CountryRunResult& r);
// `peak_memory_bytes` is the process's peak resident size, 0 if unknown.
std::string country_summary_json(const scenario::CountryScenario& s, const run::CountryRunResult& r,
                                 std::uint64_t peak_memory_bytes);
// A short human summary for the end of a run (no timing: it is deterministic).
std::string country_terminal_summary(const scenario::CountryScenario& s,
                                     const run::CountryRunResult& r);
// A short Markdown report: the terminal summary and tables of the regions and sites.
std::string country_report_md(const scenario::CountryScenario& s, const run::CountryRunResult& r);

void write_country_run(const std::filesystem::path& dir, const scenario::CountryScenario& s,
                       const run::CountryRunResult& r, std::uint64_t peak_memory_bytes);

}  // namespace unrest::io
