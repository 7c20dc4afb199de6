#include "ensemble/result_codec.hpp"

#include <nlohmann/json.hpp>
#include <stdexcept>

namespace unrest::ensemble {
namespace {

using nlohmann::json;

json encode_period(const country::RegionPeriod& p) {
  return json::array({p.quiet, p.active, p.jailed, p.police, p.troops, p.detained,
                      p.citizens_killed, p.police_killed, p.troops_killed, p.deserted,
                      p.engagements, p.sites_held, p.legitimacy, p.perceived, p.attitude});
}

country::RegionPeriod decode_period(const json& j) {
  country::RegionPeriod p;
  p.quiet = j.at(0);
  p.active = j.at(1);
  p.jailed = j.at(2);
  p.police = j.at(3);
  p.troops = j.at(4);
  p.detained = j.at(5);
  p.citizens_killed = j.at(6);
  p.police_killed = j.at(7);
  p.troops_killed = j.at(8);
  p.deserted = j.at(9);
  p.engagements = j.at(10);
  p.sites_held = j.at(11);
  p.legitimacy = j.at(12);
  p.perceived = j.at(13);
  p.attitude = j.at(14);
  return p;
}

}  // namespace

std::vector<std::uint8_t> encode_result(const Job& job, const run::CountryRunResult& result) {
  const country::CountryRecord& rec = result.record;
  json j;
  j["job"] = {job.scenario, job.replicate, job.seed};
  j["run"] = {result.agent_updates, result.agents, result.wall_seconds, result.threads};
  json& time = j["time"] = json::array();
  for (const country::DateTime& t : rec.time) time.push_back(t.minutes());
  json& regions = j["regions"] = json::array();
  for (const auto& period : rec.regions) {
    json row = json::array();
    for (const country::RegionPeriod& p : period) row.push_back(encode_period(p));
    regions.push_back(std::move(row));
  }
  json& national = j["national"] = json::array();
  for (const country::RegionPeriod& p : rec.national) national.push_back(encode_period(p));
  json& summaries = j["summaries"] = json::array();
  for (const country::RegionSummary& s : rec.region_summaries) {
    summaries.push_back({s.joined, s.peak_active, s.peak_period, s.detained, s.citizens_killed,
                         s.police_killed, s.troops_killed, s.deserted});
  }
  json& sites = j["sites"] = json::array();
  for (const country::SiteRecord& s : rec.sites) {
    sites.push_back(
        {s.name, s.region, s.times_seized, s.first_seized, s.hours_held, s.held_at_end});
  }
  const country::RunOutcome& o = rec.outcome;
  j["outcome"] = {static_cast<int>(o.regime),
                  o.reason,
                  o.peak_active,
                  o.peak_period,
                  o.regions_joined,
                  o.first_active_period,
                  o.last_active_period,
                  o.duration_hours,
                  o.detained,
                  o.citizens_killed,
                  o.police_killed,
                  o.troops_killed,
                  o.deserted,
                  o.attitude,
                  o.home_support,
                  o.legitimacy};
  return json::to_msgpack(j);
}

run::CountryRunResult decode_result(const std::vector<std::uint8_t>& bytes, Job& job) {
  const json j = json::from_msgpack(bytes, true, false);
  if (j.is_discarded() || !j.is_object())
    throw std::runtime_error("decode_result: not a run result");
  try {
    job = {j.at("job").at(0), j.at("job").at(1), j.at("job").at(2)};
    run::CountryRunResult result;
    result.agent_updates = j.at("run").at(0);
    result.agents = j.at("run").at(1);
    result.wall_seconds = j.at("run").at(2);
    result.threads = j.at("run").at(3);
    country::CountryRecord& rec = result.record;
    for (const json& t : j.at("time")) rec.time.push_back(country::DateTime::from_minutes(t));
    for (const json& period : j.at("regions")) {
      std::vector<country::RegionPeriod> row;
      for (const json& p : period) row.push_back(decode_period(p));
      rec.regions.push_back(std::move(row));
    }
    for (const json& p : j.at("national")) rec.national.push_back(decode_period(p));
    for (const json& s : j.at("summaries")) {
      rec.region_summaries.push_back(
          {s.at(0), s.at(1), s.at(2), s.at(3), s.at(4), s.at(5), s.at(6), s.at(7)});
    }
    for (const json& s : j.at("sites")) {
      rec.sites.push_back({s.at(0), s.at(1), s.at(2), s.at(3), s.at(4), s.at(5)});
    }
    const json& o = j.at("outcome");
    country::RunOutcome& out = rec.outcome;
    out.regime = static_cast<country::Regime>(o.at(0).get<int>());
    out.reason = o.at(1);
    out.peak_active = o.at(2);
    out.peak_period = o.at(3);
    out.regions_joined = o.at(4);
    out.first_active_period = o.at(5);
    out.last_active_period = o.at(6);
    out.duration_hours = o.at(7);
    out.detained = o.at(8);
    out.citizens_killed = o.at(9);
    out.police_killed = o.at(10);
    out.troops_killed = o.at(11);
    out.deserted = o.at(12);
    out.attitude = o.at(13);
    out.home_support = o.at(14);
    out.legitimacy = o.at(15);
    return result;
  } catch (const json::exception& e) {
    throw std::runtime_error(std::string("decode_result: ") + e.what());
  }
}

}  // namespace unrest::ensemble
