// The report page: the bundled script and style (web/build.mjs puts report.js and report.css in
// the asset directory) and the data, inlined into one HTML file that opens offline.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

namespace unrest::report {

// Throws io::OutputError naming the missing asset when report.js or report.css is not built.
std::string report_html(const nlohmann::ordered_json& data, const std::filesystem::path& assets);

// JSON safe inside <script>: "</" becomes "<\/" (and U+2028/2029 are escaped by dump()).
std::string script_json(const nlohmann::ordered_json& data);

}  // namespace unrest::report
