#include "store/results_store.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <system_error>

#include "io/build_info.hpp"
#include "io/country_writer.hpp"

namespace unrest::store {
namespace {

namespace fs = std::filesystem;

const char* const kSchema = R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE scenarios (
  scenario INTEGER PRIMARY KEY, name TEXT NOT NULL, sha256 TEXT NOT NULL, source TEXT NOT NULL,
  parameters TEXT NOT NULL, effective_toml TEXT NOT NULL, map_geojson TEXT NOT NULL);
CREATE TABLE runs (
  scenario INTEGER NOT NULL REFERENCES scenarios, replicate INTEGER NOT NULL,
  seed INTEGER NOT NULL, scenario_sha256 TEXT NOT NULL, parameters TEXT NOT NULL,
  version TEXT NOT NULL, status TEXT NOT NULL, threads INTEGER NOT NULL,
  wall_seconds REAL NOT NULL, agents INTEGER NOT NULL, agent_updates INTEGER NOT NULL,
  PRIMARY KEY (scenario, replicate));
CREATE TABLE outcomes (
  scenario INTEGER NOT NULL, replicate INTEGER NOT NULL, regime TEXT NOT NULL,
  reason TEXT NOT NULL, peak_active REAL, peak_at TEXT, regions_joined INTEGER,
  first_active_at TEXT, last_active_at TEXT, duration_hours REAL, detained REAL,
  citizens_killed REAL, police_killed REAL, troops_killed REAL, deserted REAL,
  sites_seized INTEGER, site_hours_held REAL, attitude REAL, home_support REAL, legitimacy REAL,
  PRIMARY KEY (scenario, replicate));
CREATE TABLE region_outcomes (
  scenario INTEGER NOT NULL, replicate INTEGER NOT NULL, region TEXT NOT NULL, joined_at TEXT,
  peak_active REAL, peak_at TEXT, detained REAL, citizens_killed REAL, police_killed REAL,
  troops_killed REAL, deserted REAL, seizures INTEGER, site_hours_held REAL,
  PRIMARY KEY (scenario, replicate, region));
CREATE TABLE series (
  scenario INTEGER NOT NULL, replicate INTEGER NOT NULL, region TEXT NOT NULL,
  period INTEGER NOT NULL, time TEXT NOT NULL, quiet REAL, active REAL, jailed REAL, police REAL,
  troops REAL, detained REAL, citizens_killed REAL, police_killed REAL, troops_killed REAL,
  deserted REAL, engagements REAL, sites_held INTEGER, legitimacy REAL, attitude REAL,
  PRIMARY KEY (scenario, replicate, region, period)) WITHOUT ROWID;
)sql";

std::string version_string() {
  return fmt::format("{}+{}", io::kVersion, io::kGitCommit);
}

std::string study_json(const Study& study) {
  nlohmann::ordered_json j;
  j["command"] = study.command;
  j["base_seed"] = study.base_seed;
  j["series_stride"] = study.series_stride;
  j["region_series"] = study.region_series;
  j["scenarios"] = nlohmann::ordered_json::array();
  for (const StudyScenario& s : study.scenarios) {
    j["scenarios"].push_back(
        {{"name", s.name}, {"sha256", s.sha256}, {"parameters", s.parameters}});
  }
  return j.dump();
}

std::string meta_value(Database& db, const std::string& key) {
  Statement q = db.prepare("SELECT value FROM meta WHERE key = ?");
  q.bind(key);
  return q.step() ? q.text(0) : std::string();
}

bool has_meta_table(Database& db) {
  Statement q =
      db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'meta'");
  return q.step() && q.integer(0) == 1;
}

void require_unrest_store(Database& db) {
  if (!has_meta_table(db) || meta_value(db, "format") != "unrest-results") {
    throw StoreError(fmt::format(
        "{}: not an unrest results store (no meta table naming the format)", db.path().string()));
  }
  const std::string schema = meta_value(db, "schema_version");
  if (schema != std::to_string(kSchemaVersion)) {
    throw StoreError(fmt::format("{}: schema version {}, this unrest reads version {}",
                                 db.path().string(), schema, kSchemaVersion));
  }
}

// What differs between a stored study and the one asked for, for the error message.
std::string study_difference(const nlohmann::json& stored, const nlohmann::json& wanted) {
  for (const char* key : {"command", "base_seed", "series_stride", "region_series"}) {
    if (stored.value(key, nlohmann::json()) != wanted.value(key, nlohmann::json())) {
      return fmt::format("its {} is {}, this command's is {}", key,
                         stored.value(key, nlohmann::json()).dump(), wanted[key].dump());
    }
  }
  const auto& a = stored.value("scenarios", nlohmann::json::array());
  const auto& b = wanted["scenarios"];
  if (a.size() != b.size()) {
    return fmt::format("it holds {} scenarios, this command runs {}", a.size(), b.size());
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) {
      return fmt::format("its scenario {} is {} (sha256 {}), this command's is {} (sha256 {})",
                         i + 1, a[i].value("name", ""), a[i].value("sha256", ""),
                         b[i].value("name", ""), b[i].value("sha256", ""));
    }
  }
  return "the study differs";
}

void create_parent_directory(const fs::path& path) {
  const fs::path parent = path.parent_path();
  if (parent.empty()) return;
  std::error_code ec;
  fs::create_directories(parent, ec);
  if (ec) {
    throw StoreError(fmt::format("{}: cannot create the directory {}: {}", path.string(),
                                 parent.string(), ec.message()));
  }
}

std::optional<std::string> time_of(const country::CountryRecord& rec, std::uint32_t period) {
  if (period == 0 || period > rec.time.size()) return std::nullopt;
  return rec.time[period - 1].iso();
}

void bind_time(Statement& q, const std::optional<std::string>& t) {
  if (t) {
    q.bind(*t);
  } else {
    q.bind_null();
  }
}

void insert_series_row(Statement& q, const ensemble::Job& job, const std::string& region,
                       std::uint32_t period, const std::string& time,
                       const country::RegionPeriod& p) {
  q.bind(static_cast<std::int64_t>(job.scenario)).bind(std::int64_t{job.replicate}).bind(region);
  q.bind(std::int64_t{period}).bind(time);
  q.bind(p.quiet).bind(p.active).bind(p.jailed).bind(p.police).bind(p.troops).bind(p.detained);
  q.bind(p.citizens_killed).bind(p.police_killed).bind(p.troops_killed).bind(p.deserted);
  q.bind(p.engagements).bind(std::int64_t{p.sites_held}).bind(p.legitimacy).bind(p.attitude);
  q.run();
}

}  // namespace

StudyScenario study_scenario(const scenario::CountryScenario& s, std::string parameters) {
  std::string toml = s.effective_toml();
  std::string sha256 = scenario::sha256_hex(s.source_sha256 + "\n" + toml);
  return {s.name,          std::move(sha256),     s.source,
          std::move(toml), std::move(parameters), s.map_geojson};
}

std::string effective_sha256(const scenario::CountryScenario& s) {
  return study_scenario(s).sha256;
}

const std::vector<std::string>& ResultsStore::tables() {
  static const std::vector<std::string> names{"meta",     "scenarios",       "runs",
                                              "outcomes", "region_outcomes", "series"};
  return names;
}

ResultsStore::ResultsStore(Database db, Study study)
    : db_(std::move(db)), study_(std::move(study)) {}

ResultsStore ResultsStore::open_for_study(const fs::path& path, const Study& study) {
  create_parent_directory(path);
  Database db(path, Database::Mode::read_write_create);
  // The write lock, held until the store closes: a second writer fails at once, not later.
  db.execute("PRAGMA locking_mode = EXCLUSIVE");
  db.execute("PRAGMA foreign_keys = ON");
  const std::string wanted = study_json(study);
  db.in_transaction("BEGIN EXCLUSIVE", [&] {
    if (!has_meta_table(db)) {
      Statement any = db.prepare("SELECT count(*) FROM sqlite_schema");
      if (any.step() && any.integer(0) != 0) {
        throw StoreError(
            fmt::format("{}: not an unrest results store (it has other tables)", path.string()));
      }
      db.execute(kSchema);
      Statement meta = db.prepare("INSERT INTO meta (key, value) VALUES (?, ?)");
      meta.bind(std::string("format")).bind(std::string("unrest-results")).run();
      meta.bind(std::string("schema_version")).bind(std::to_string(kSchemaVersion)).run();
      meta.bind(std::string("version")).bind(version_string()).run();
      meta.bind(std::string("study")).bind(wanted).run();
      Statement scen = db.prepare(
          "INSERT INTO scenarios (scenario, name, sha256, source, parameters, effective_toml, "
          "map_geojson) VALUES (?, ?, ?, ?, ?, ?, ?)");
      for (std::size_t i = 0; i < study.scenarios.size(); ++i) {
        const StudyScenario& s = study.scenarios[i];
        scen.bind(static_cast<std::int64_t>(i)).bind(s.name).bind(s.sha256).bind(s.source);
        scen.bind(s.parameters).bind(s.effective_toml).bind(s.map_geojson).run();
      }
    } else {
      require_unrest_store(db);
      const std::string version = meta_value(db, "version");
      if (version != version_string()) {
        throw StoreError(fmt::format(
            "{}: written by unrest {}, this is {}: runs of different versions would mix; give "
            "another --out",
            path.string(), version, version_string()));
      }
      const std::string stored = meta_value(db, "study");
      if (stored != wanted) {
        throw StoreError(fmt::format("{}: the store holds another study: {}; give another --out",
                                     path.string(),
                                     study_difference(nlohmann::json::parse(stored, nullptr, false),
                                                      nlohmann::json::parse(wanted))));
      }
    }
  });
  return ResultsStore(std::move(db), study);
}

ResultsStore ResultsStore::open_read_only(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) {
    throw StoreError(fmt::format("{}: no such results store", path.string()));
  }
  // Read-write with query_only, not read-only: a store whose writer was killed mid-run has a
  // hot journal, which SQLite must roll back before anyone can read it. Read-only where the file
  // cannot be written (then a hot journal is reported as an error).
  std::optional<Database> opened;
  try {
    opened.emplace(path, Database::Mode::read_write);
  } catch (const StoreError&) {
    opened.emplace(path, Database::Mode::read_only);
  }
  Database db = std::move(*opened);
  sqlite3_busy_timeout(db.handle(), 2000);
  db.execute("PRAGMA query_only = ON");
  require_unrest_store(db);
  return ResultsStore(std::move(db), Study{});
}

std::set<std::pair<std::size_t, std::uint32_t>> ResultsStore::completed() const {
  std::set<std::pair<std::size_t, std::uint32_t>> done;
  Statement q = db_.prepare("SELECT scenario, replicate FROM runs");
  while (q.step()) {
    done.emplace(static_cast<std::size_t>(q.integer(0)), static_cast<std::uint32_t>(q.integer(1)));
  }
  return done;
}

void ResultsStore::record(const ensemble::Job& job, const scenario::CountryScenario& s,
                          const run::CountryRunResult& result) {
  const country::CountryRecord& rec = result.record;
  const country::RunOutcome& o = rec.outcome;
  const auto scenario = static_cast<std::int64_t>(job.scenario);
  const auto replicate = std::int64_t{job.replicate};
  const StudyScenario& meta = study_.scenarios.at(job.scenario);
  db_.in_transaction("BEGIN IMMEDIATE", [&] {
    Statement run = db_.prepare("INSERT INTO runs VALUES (?, ?, ?, ?, ?, ?, 'done', ?, ?, ?, ?)");
    run.bind(scenario).bind(replicate).bind(static_cast<std::int64_t>(job.seed)).bind(meta.sha256);
    run.bind(meta.parameters).bind(version_string()).bind(std::int64_t{result.threads});
    run.bind(result.wall_seconds).bind(static_cast<std::int64_t>(result.agents));
    run.bind(static_cast<std::int64_t>(result.agent_updates)).run();

    std::uint32_t sites_seized = 0;
    double site_hours = 0.0;
    for (const country::SiteRecord& site : rec.sites) {
      sites_seized += site.times_seized > 0 ? 1 : 0;
      site_hours += site.hours_held;
    }
    Statement out = db_.prepare(
        "INSERT INTO outcomes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    out.bind(scenario).bind(replicate).bind(std::string(country::name_of(o.regime))).bind(o.reason);
    out.bind(o.peak_active);
    bind_time(out, time_of(rec, o.peak_period));
    out.bind(std::int64_t{o.regions_joined});
    bind_time(out, time_of(rec, o.first_active_period));
    bind_time(out, time_of(rec, o.last_active_period));
    out.bind(o.duration_hours).bind(o.detained).bind(o.citizens_killed).bind(o.police_killed);
    out.bind(o.troops_killed).bind(o.deserted).bind(std::int64_t{sites_seized}).bind(site_hours);
    out.bind(o.attitude).bind(o.home_support).bind(o.legitimacy).run();

    const io::RegionSites sites = io::region_sites(rec, rec.region_summaries.size());
    Statement reg =
        db_.prepare("INSERT INTO region_outcomes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (std::size_t g = 0; g < rec.region_summaries.size(); ++g) {
      const country::RegionSummary& r = rec.region_summaries[g];
      reg.bind(scenario).bind(replicate).bind(io::region_id(s, g));
      bind_time(reg, time_of(rec, r.joined));
      reg.bind(r.peak_active);
      bind_time(reg, time_of(rec, r.peak_period));
      reg.bind(r.detained).bind(r.citizens_killed).bind(r.police_killed).bind(r.troops_killed);
      reg.bind(r.deserted).bind(static_cast<std::int64_t>(sites.seized[g])).bind(sites.hours[g]);
      reg.run();
    }

    Statement series = db_.prepare(
        "INSERT INTO series VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    const auto periods = static_cast<std::uint32_t>(rec.national.size());
    const std::uint32_t stride = std::max(1u, study_.series_stride);
    for (std::uint32_t p = 1; p <= periods; ++p) {
      if (p % stride != 0 && p != periods) continue;
      const std::string time = rec.time[p - 1].iso();
      insert_series_row(series, job, "", p, time, rec.national[p - 1]);
      if (!study_.region_series) continue;
      for (std::size_t g = 0; g < rec.regions[p - 1].size(); ++g) {
        insert_series_row(series, job, io::region_id(s, g), p, time, rec.regions[p - 1][g]);
      }
    }
  });
}

std::vector<country::RunOutcome> ResultsStore::outcomes(std::size_t scenario,
                                                        std::uint32_t runs) const {
  Statement q = db_.prepare(
      "SELECT regime, reason, peak_active, regions_joined, duration_hours, detained, "
      "citizens_killed, police_killed, troops_killed, deserted, attitude, home_support, legitimacy "
      "FROM outcomes WHERE scenario = ? AND replicate < ? ORDER BY replicate");
  q.bind(static_cast<std::int64_t>(scenario)).bind(std::int64_t{runs});
  std::vector<country::RunOutcome> rows;
  while (q.step()) {
    country::RunOutcome o;
    const std::string regime = q.text(0);
    o.regime = regime == "falls"       ? country::Regime::falls
               : regime == "contested" ? country::Regime::contested
                                       : country::Regime::stands;
    o.reason = q.text(1);
    o.peak_active = q.real(2);
    o.regions_joined = static_cast<std::uint32_t>(q.integer(3));
    o.duration_hours = q.real(4);
    o.detained = q.real(5);
    o.citizens_killed = q.real(6);
    o.police_killed = q.real(7);
    o.troops_killed = q.real(8);
    o.deserted = q.real(9);
    o.attitude = q.real(10);
    o.home_support = q.real(11);
    o.legitimacy = q.real(12);
    rows.push_back(std::move(o));
  }
  return rows;
}

std::vector<std::string> ResultsStore::scenario_names() const {
  Statement q = db_.prepare("SELECT name FROM scenarios ORDER BY scenario");
  std::vector<std::string> names;
  while (q.step()) names.push_back(q.text(0));
  return names;
}

QueryResult ResultsStore::query(const std::string& sql) const {
  Statement q = db_.prepare(sql);
  QueryResult result;
  for (int i = 0; i < q.columns(); ++i) result.columns.push_back(q.column_name(i));
  while (q.step()) {
    std::vector<std::optional<std::string>> row;
    for (int i = 0; i < q.columns(); ++i) {
      if (q.is_null(i)) {
        row.emplace_back(std::nullopt);
      } else {
        row.emplace_back(q.text(i));
      }
    }
    result.rows.push_back(std::move(row));
  }
  return result;
}

}  // namespace unrest::store
