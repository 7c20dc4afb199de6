// The comparison table of `unrest compare` (ensemble/odds.hpp) as CSV, for analysis, and as
// Markdown, for reports and the terminal.
#pragma once

#include <string>
#include <vector>

#include "ensemble/odds.hpp"

namespace unrest::io {

// scenario,runs,stands,contested,falls,p_stands,p_stands_low,p_stands_high, then median, q1
// and q3 of citizens_killed, security_killed, detained, duration_hours, regions_joined and
// attitude. `provenance` is written first as a comment line.
std::string odds_csv(const std::vector<ensemble::ScenarioOdds>& table,
                     const std::string& provenance);
std::string odds_markdown(const std::vector<ensemble::ScenarioOdds>& table);
// The Markdown table's header and one scenario's cells (medians with the IQR in brackets), for
// other tables of the same figures (the report's).
const std::vector<std::string>& odds_columns();
std::vector<std::string> odds_row(const ensemble::ScenarioOdds& o);

}  // namespace unrest::io
