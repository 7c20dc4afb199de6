#include "report/report_html.hpp"

#include <fmt/format.h>

#include <fstream>
#include <iterator>

#include "io/atomic_file.hpp"

namespace unrest::report {
namespace {

std::string read_asset(const std::filesystem::path& assets, const char* name) {
  const std::filesystem::path path = assets / name;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw io::OutputError(fmt::format(
        "the report's page is not built: expected {}; build with -DUNREST_WEB=ON (needs node and "
        "npm), or name the built directory with --assets",
        path.string()));
  }
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Text for an HTML element's content: the title.
std::string escaped(const std::string& text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// A script or style's text may not close its element early: "</script" becomes "<\/script",
// which means the same inside a JavaScript string, regular expression or JSON.
std::string inlined(std::string text, const std::string& closing) {
  for (std::size_t at = text.find(closing); at != std::string::npos;
       at = text.find(closing, at + 3)) {
    text.replace(at, 2, "<\\/");
  }
  return text;
}

}  // namespace

std::string script_json(const nlohmann::ordered_json& data) {
  return inlined(data.dump(-1, ' ', true, nlohmann::json::error_handler_t::replace), "</");
}

std::string report_html(const nlohmann::ordered_json& data, const std::filesystem::path& assets) {
  const std::string script = read_asset(assets, "report.js");
  const std::string style = read_asset(assets, "report.css");
  const std::string title = data.value("title", std::string("results"));
  std::string out =
      "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">";
  out += fmt::format("<title>{} — unrest report</title><style>", escaped(title));
  out += inlined(style, "</style");
  out +=
      "</style></head><body><div id=\"app\"></div>"
      "<script type=\"application/json\" id=\"unrest-data\">";
  out += script_json(data);
  out += "</script><script>";
  out += inlined(script, "</script");
  out += "</script></body></html>\n";
  return out;
}

}  // namespace unrest::report
