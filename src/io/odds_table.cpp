#include "io/odds_table.hpp"

#include "io/csv_field.hpp"

#include <fmt/format.h>

#include <cmath>

namespace unrest::io {
namespace {

using ensemble::ScenarioOdds;
using ensemble::Spread;

// Whole numbers print without decimals; others with up to `digits`.
std::string number(double x, int digits = 2) {
  if (x == std::round(x) && std::fabs(x) < 1e15)
    return fmt::format("{}", static_cast<long long>(x));
  std::string s = fmt::format("{:.{}f}", x, digits);
  if (s.find('.') == std::string::npos) return s;  // no decimals to trim (digits = 0)
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

std::string csv_spread(const Spread& s) {
  return fmt::format("{},{},{}", number(s.median, 4), number(s.q1, 4), number(s.q3, 4));
}

std::string md_spread(const Spread& s, int digits = 0) {
  return fmt::format("{} ({}–{})", number(s.median, digits), number(s.q1, digits),
                     number(s.q3, digits));
}

}  // namespace

std::string odds_csv(const std::vector<ScenarioOdds>& table, const std::string& provenance) {
  std::string out = "# " + provenance + "\n";
  out += "scenario,runs,stands,contested,falls,p_stands,p_stands_low,p_stands_high";
  for (const char* m : {"citizens_killed", "security_killed", "detained", "duration_hours",
                        "regions_joined", "attitude"}) {
    out += fmt::format(",{0}_median,{0}_q1,{0}_q3", m);
  }
  out += "\n";
  for (const ScenarioOdds& o : table) {
    out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", csv_field(o.scenario), o.runs,
                       o.stands, o.contested, o.falls,
                       number(static_cast<double>(o.stands) / static_cast<double>(o.runs), 4),
                       number(o.stands_interval.low, 4), number(o.stands_interval.high, 4),
                       csv_spread(o.citizens_killed), csv_spread(o.security_killed),
                       csv_spread(o.detained), csv_spread(o.duration_hours),
                       csv_spread(o.regions_joined), csv_spread(o.attitude));
  }
  return out;
}

const std::vector<std::string>& odds_columns() {
  static const std::vector<std::string> columns{"scenario",
                                                "runs",
                                                "regime stands (95 % CI)",
                                                "contested / falls",
                                                "citizens killed",
                                                "security killed",
                                                "detained",
                                                "duration (h)",
                                                "regions reached",
                                                "attitude to intervener"};
  return columns;
}

std::vector<std::string> odds_row(const ScenarioOdds& o) {
  return {o.scenario,
          std::to_string(o.runs),
          fmt::format("{:.2f} ({:.2f}–{:.2f})",
                      static_cast<double>(o.stands) / static_cast<double>(o.runs),
                      o.stands_interval.low, o.stands_interval.high),
          fmt::format("{} / {}", o.contested, o.falls),
          md_spread(o.citizens_killed),
          md_spread(o.security_killed),
          md_spread(o.detained),
          md_spread(o.duration_hours),
          md_spread(o.regions_joined),
          md_spread(o.attitude, 3)};
}

std::string odds_markdown(const std::vector<ScenarioOdds>& table) {
  std::string out = "|";
  for (const std::string& column : odds_columns()) out += fmt::format(" {} |", column);
  out += "\n|---|---:|---|---|---|---|---|---|---|---|\n";
  for (const ScenarioOdds& o : table) {
    out += "|";
    for (const std::string& cell : odds_row(o)) out += fmt::format(" {} |", cell);
    out += "\n";
  }
  out +=
      "\nMedians, with the interquartile range in brackets; the interval of the odds is "
      "Wilson's.\n";
  return out;
}

}  // namespace unrest::io
