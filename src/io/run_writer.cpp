#include "io/run_writer.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "io/atomic_file.hpp"
#include "io/build_info.hpp"
#include "io/lattice_pgm.hpp"

namespace unrest::io {
namespace {

// One comment line identifying the run; read with e.g. pandas.read_csv(path, comment="#").
std::string provenance_line(const scenario::Scenario& s) {
  return fmt::format("# unrest {} commit {} scenario {} sha256 {} seed {}\n", kVersion, kGitCommit,
                     s.name, s.source_sha256, s.seed);
}

nlohmann::json moments_json(const core::Moments& m) {
  return {{"count", m.count}, {"mean", m.mean}, {"sd", m.sd}};
}

nlohmann::json value_json(const scenario::Value& v) {
  struct Visitor {
    nlohmann::json operator()(double x) const {
      return std::isinf(x) ? nlohmann::json("inf") : nlohmann::json(x);
    }
    nlohmann::json operator()(std::int64_t x) const { return x; }
    nlohmann::json operator()(bool x) const { return x; }
    nlohmann::json operator()(const std::string& x) const { return x; }
    nlohmann::json operator()(const scenario::ScheduleSegments& segments) const {
      nlohmann::json out = nlohmann::json::array();
      for (const core::ScheduleSegment& s : segments) {
        if (s.kind == core::ScheduleSegment::Kind::step) {
          out.push_back({{"kind", "step"}, {"at", s.start}, {"value", s.value}});
        } else {
          out.push_back({{"kind", "ramp"}, {"start", s.start}, {"end", s.end}, {"value", s.value}});
        }
      }
      return out;
    }
  };
  return std::visit(Visitor{}, v);
}

}  // namespace

std::string snapshot_file(std::uint32_t period, const std::string& screen) {
  return fmt::format("lattice-{:06}-{}.pgm", period, screen);
}

std::string timeseries_csv(const scenario::Scenario& s, const run::RunResult& r) {
  std::string out = provenance_line(s);
  // Model II runs add the per-group counts and the period's events; Model I's columns are
  // unchanged.
  const bool groups = r.model2.has_value();
  out += groups ? "period,quiet,active,jailed,cops,tension,legitimacy,blue,green,blue_jailed,"
                  "green_jailed,kills,births,deaths\n"
                : "period,quiet,active,jailed,cops,tension,legitimacy\n";
  for (std::size_t i = 0; i < r.series.size(); ++i) {
    const run::PeriodRecord& p = r.series[i];
    const epstein::Census& c = p.census;
    out += fmt::format("{},{},{},{},{},{:.6f},{:.6f}", p.period, c.quiet, c.active, c.jailed,
                       c.cops, c.tension, c.legitimacy);
    if (groups) {
      const epstein::GroupCensus& g = r.groups[i];
      out += fmt::format(",{},{},{},{},{},{},{}", g.blue, g.green, g.blue_jailed, g.green_jailed,
                         g.kills, g.births, g.deaths);
    }
    out += '\n';
  }
  return out;
}

std::string outbursts_csv(const scenario::Scenario& s, const run::RunResult& r) {
  std::string out = provenance_line(s);
  out += "start,end,duration,peak,total_activation,waiting_time,first,complete\n";
  for (const epstein::Outburst& o : r.outbursts) {
    out += fmt::format("{},{},{},{},{},{},{},{}\n", o.start, o.end, o.end - o.start + 1, o.peak,
                       o.total_activation, o.waiting_time, o.first, o.complete);
  }
  return out;
}

std::string summary_json(const scenario::Scenario& s, const run::RunResult& r,
                         std::uint64_t peak_memory_bytes) {
  nlohmann::ordered_json j;
  j["version"] = kVersion;
  j["git_commit"] = kGitCommit;
  j["scenario"] = {
      {"name", s.name}, {"source", s.source}, {"sha256", s.source_sha256}, {"text", s.source_text}};
  nlohmann::json overrides = nlohmann::json::array();
  for (const scenario::Override& o : s.overrides) overrides.push_back(o.key + "=" + o.value);
  j["overrides"] = overrides;
  j["seed"] = s.seed;
  j["periods"] = s.periods;
  nlohmann::ordered_json params;
  for (const scenario::ParamSpec& spec : scenario::parameter_specs()) {
    params[spec.key] = value_json(s.values.at(spec.key));
  }
  j["parameters"] = params;
  const run::RunStatistics& st = r.statistics;
  j["statistics"] = {{"mean_active", st.mean_active},
                     {"peak_active", st.peak_active},
                     {"mean_jailed", st.mean_jailed},
                     {"share_periods_in_outburst", st.share_periods_in_outburst},
                     {"outbursts", st.outbursts},
                     {"outbursts_per_1000_periods", st.outbursts_per_1000_periods},
                     {"waiting_time", moments_json(st.waiting_time)},
                     {"total_activation", moments_json(st.total_activation)},
                     {"outburst_peak", moments_json(st.peak)},
                     {"outburst_duration", moments_json(st.duration)}};
  nlohmann::json snapshots = nlohmann::json::array();
  for (const run::LatticeSnapshot& snapshot : r.snapshots) {
    snapshots.push_back({{"period", snapshot.period},
                         {"block", snapshot.image.block},
                         {"action", snapshot_file(snapshot.period, "action")},
                         {"grievance", snapshot_file(snapshot.period, "grievance")}});
  }
  if (r.model2) {
    const run::GenocideOutcome& m = *r.model2;
    const auto group_name = [](epstein::Group g) {
      return g == epstein::Group::blue ? "blue" : "green";
    };
    j["model2"] = {
        {"time_to_genocide", m.time_to_genocide ? nlohmann::ordered_json(*m.time_to_genocide)
                                                : nlohmann::ordered_json(nullptr)},
        {"survivor", m.survivor ? nlohmann::ordered_json(group_name(*m.survivor))
                                : nlohmann::ordered_json(nullptr)},
        {"enclaves", m.mixed_enclaves}};
  }
  j["snapshots"] = snapshots;
  j["agent_updates"] = r.agent_updates;
  // The only fields that differ between identical runs: how long this one took, on how many
  // threads (which never changes the results).
  j["timing"] = {{"wall_seconds", r.wall_seconds},
                 {"threads", r.threads},
                 {"agent_updates_per_second",
                  r.wall_seconds > 0 ? static_cast<double>(r.agent_updates) / r.wall_seconds : 0.0},
                 {"peak_memory_bytes", peak_memory_bytes}};
  return j.dump(2) + "\n";
}

void write_run(const std::filesystem::path& dir, const scenario::Scenario& s,
               const run::RunResult& r, std::uint64_t peak_memory_bytes) {
  write_file_atomically(dir / "timeseries.csv", timeseries_csv(s, r));
  write_file_atomically(dir / "outbursts.csv", outbursts_csv(s, r));
  // The header comment: the provenance line without its "# " and newline, then the picture.
  const std::string provenance = provenance_line(s);
  const std::string origin = provenance.substr(2, provenance.size() - 3);
  for (const run::LatticeSnapshot& snapshot : r.snapshots) {
    const epstein::LatticeImage& image = snapshot.image;
    const auto comment = [&](const char* screen) {
      return fmt::format("{} period {} block {} screen {}", origin, snapshot.period, image.block,
                         screen);
    };
    write_file_atomically(
        dir / snapshot_file(snapshot.period, "action"),
        pgm_text({image.width, image.height, 3, image.action}, comment("action")));
    write_file_atomically(
        dir / snapshot_file(snapshot.period, "grievance"),
        pgm_text({image.width, image.height, 255, image.grievance}, comment("grievance")));
  }
  // Last: summary.json names the snapshots, so it never names one that is not yet written.
  write_file_atomically(dir / "summary.json", summary_json(s, r, peak_memory_bytes));
}

}  // namespace unrest::io
