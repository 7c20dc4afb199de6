// A run's output directory as report data: the country writer's CSVs and summary.json, or an
// Epstein run's time series, outbursts and lattice snapshots (io/lattice_pgm.hpp).
#include <fmt/format.h>
#include <openssl/evp.h>

#define CSV_IO_NO_THREAD
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstringop-truncation"
#include <libfccp/csv.h>
#pragma GCC diagnostic pop

#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "io/lattice_pgm.hpp"
#include "report/report_data.hpp"
#include "scenario/scenario.hpp"

namespace unrest::report {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw scenario::InputError(fmt::format(
        "{}: expected a file written by `unrest run`, got none (is {} a run's output directory?)",
        path.string(), path.parent_path().string()));
  }
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

Json read_json(const fs::path& path) {
  Json j = Json::parse(read_text(path), nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    throw scenario::InputError(fmt::format(
        "{}: expected the JSON object `unrest run` writes, got damaged JSON", path.string()));
  }
  return j;
}

// The columns `names` of one of our CSV files (its first line a "# unrest ..." comment), as
// numbers, or as text for the columns listed in `text_columns`.
template <unsigned kColumns, class... Names>
std::map<std::string, Json> read_columns(const fs::path& path, Names... names) {
  const std::string text = read_text(path);
  const std::size_t header = text.rfind('#', 0) == 0 ? text.find('\n') + 1 : 0;
  std::map<std::string, Json> out;
  const std::vector<std::string> columns{names...};
  for (const std::string& c : columns) out[c] = Json::array();
  try {
    ::io::CSVReader<kColumns, ::io::trim_chars<' '>, ::io::double_quote_escape<',', '"'>> in(
        path.string(), text.data() + header, text.data() + text.size());
    in.read_header(::io::ignore_extra_column, names...);
    std::array<std::string, kColumns> row;
    while (std::apply([&](auto&... field) { return in.read_row(field...); }, row)) {
      for (unsigned i = 0; i < kColumns; ++i) {
        const std::string& field = row[i];
        if (columns[i] == "time" || columns[i] == "region") {
          out[columns[i]].push_back(field);
          continue;
        }
        std::size_t used = 0;
        double value = 0.0;
        try {
          value = std::stod(field, &used);
        } catch (const std::exception&) {
          used = 0;
        }
        if (used == 0 || used != field.size()) {
          throw scenario::InputError(fmt::format("{}:{}: column '{}': expected a number, got '{}'",
                                                 path.string(), in.get_file_line() + (header > 0),
                                                 columns[i], field));
        }
        out[columns[i]].push_back(value);
      }
    }
  } catch (const ::io::error::base& e) {
    throw scenario::InputError(fmt::format("{}: {}", path.string(), e.what()));
  }
  return out;
}

// What every run's page starts with: its kind, title and provenance, from summary.json.
Json run_header(const Json& summary, const fs::path& dir, const char* kind) {
  const Json& s = summary.at("scenario");
  Json data;
  data["kind"] = kind;
  data["title"] = fmt::format("{}, seed {}", s.value("name", ""), summary.value("seed", 0));
  data["provenance"] = {
      {"version", summary.value("version", "")}, {"git_commit", summary.value("git_commit", "")},
      {"scenario", s.value("name", "")},         {"sha256", s.value("sha256", "")},
      {"seed", summary.value("seed", 0)},        {"source", dir.string()}};
  return data;
}

std::string base64(const std::vector<std::uint8_t>& bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  const int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), bytes.data(),
                                      static_cast<int>(bytes.size()));
  out.resize(static_cast<std::size_t>(written));
  return out;
}

Json sum_of(const Json& a, const Json& b, const Json& c) {
  Json out = Json::array();
  for (std::size_t i = 0; i < a.size(); ++i) {
    out.push_back(a[i].get<double>() + b[i].get<double>() + c[i].get<double>());
  }
  return out;
}

}  // namespace

Json country_run_data(const fs::path& dir) {
  const Json summary = read_json(dir / "summary.json");
  Json data = run_header(summary, dir, "country-run");
  data["map"] = nullptr;
  if (fs::exists(dir / "map.geojson")) data["map"] = read_json(dir / "map.geojson");
  Json regions = Json::array();
  for (const Json& r : summary.at("regions")) {
    regions.push_back(
        {{"id", r.at("id")}, {"name", r.at("name")}, {"population", r.at("population")}});
  }
  data["regions"] = regions;

  auto national = read_columns<11>(dir / "national.csv", "time", "quiet", "active", "jailed",
                                   "citizens_killed", "police_killed", "troops_killed", "detained",
                                   "sites_held", "legitimacy", "attitude");
  data["times"] = national["time"];
  Json n;
  for (const char* key : {"quiet", "active", "jailed"}) n[key] = national[key];
  n["killed"] =
      sum_of(national["citizens_killed"], national["police_killed"], national["troops_killed"]);
  for (const char* key : {"citizens_killed", "police_killed", "troops_killed", "detained",
                          "sites_held", "legitimacy", "attitude"}) {
    n[key] = national[key];
  }
  data["national"] = n;

  auto by_region =
      read_columns<9>(dir / "regions.csv", "region", "quiet", "active", "jailed", "citizens_killed",
                      "police_killed", "troops_killed", "sites_held", "time");
  Json regions_series = Json::object();
  for (const Json& r : regions) regions_series[r.at("id").get<std::string>()] = Json::object();
  const Json& ids = by_region["region"];
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const std::string id = ids[i].get<std::string>();
    if (!regions_series.contains(id)) {
      throw scenario::InputError(
          fmt::format("{}: expected the regions of summary.json, got region '{}'",
                      (dir / "regions.csv").string(), id));
    }
    Json& series = regions_series[id];
    for (const char* key : {"quiet", "active", "jailed", "sites_held"}) {
      series[key].push_back(by_region[key][i]);
    }
    series["killed"].push_back(by_region["citizens_killed"][i].get<double>() +
                               by_region["police_killed"][i].get<double>() +
                               by_region["troops_killed"][i].get<double>());
  }
  data["by_region"] = regions_series;
  data["events"] = summary.value("events", Json::array());
  data["outcome"] = summary.at("outcome");
  Json sites = Json::array();
  for (const Json& s : summary.value("sites", Json::array())) {
    Json site = s;
    site["site"] = s.value("name", "");
    site.erase("name");
    sites.push_back(site);
  }
  data["sites"] = sites;
  return data;
}

Json epstein_run_data(const fs::path& dir) {
  const Json summary = read_json(dir / "summary.json");
  Json data = run_header(summary, dir, "epstein-run");
  const Json& parameters = summary.value("parameters", Json::object());
  data["width"] = parameters.value("lattice.width", Json(0));
  data["height"] = parameters.value("lattice.height", Json(0));
  auto series =
      read_columns<5>(dir / "timeseries.csv", "period", "quiet", "active", "jailed", "cops");
  data["series"] = {{"period", series["period"]},
                    {"quiet", series["quiet"]},
                    {"active", series["active"]},
                    {"jailed", series["jailed"]},
                    {"cops", series["cops"]}};
  auto outbursts = read_columns<3>(dir / "outbursts.csv", "start", "end", "peak");
  Json list = Json::array();
  for (std::size_t i = 0; i < outbursts["start"].size(); ++i) {
    list.push_back({{"start", outbursts["start"][i]},
                    {"end", outbursts["end"][i]},
                    {"peak", outbursts["peak"][i]}});
  }
  data["outbursts"] = list;
  Json snapshots = Json::array();
  for (const Json& s : summary.value("snapshots", Json::array())) {
    const io::GreyImage action = io::read_pgm(dir / s.at("action").get<std::string>());
    const io::GreyImage grievance = io::read_pgm(dir / s.at("grievance").get<std::string>());
    if (action.width != grievance.width || action.height != grievance.height) {
      throw scenario::InputError(fmt::format("{}: expected the size of {}, got another",
                                             s.at("grievance").get<std::string>(),
                                             s.at("action").get<std::string>()));
    }
    snapshots.push_back({{"period", s.at("period")},
                         {"width", action.width},
                         {"height", action.height},
                         {"block", s.value("block", 1)},
                         {"action", base64(action.pixels)},
                         {"grievance", base64(grievance.pixels)}});
  }
  data["snapshots"] = snapshots;
  return data;
}

}  // namespace unrest::report
