#include "serve/static_files.hpp"

#include <algorithm>
#include <system_error>

namespace unrest::serve {
namespace {

namespace fs = std::filesystem;

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// A segment the viewer's files could never need and an attacker could: "", ".", "..", dot
// files, or anything with a backslash (a separator elsewhere), NUL or a control character.
bool safe_segment(std::string_view segment) {
  if (segment.empty() || segment.front() == '.') return false;
  return std::none_of(segment.begin(), segment.end(), [](char c) {
    return c == '\\' || static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
  });
}

// Whether canonical `path` is `root` itself or lies below it.
bool inside(const fs::path& root, const fs::path& path) {
  auto r = root.begin();
  auto p = path.begin();
  for (; r != root.end(); ++r, ++p) {
    if (p == path.end() || *r != *p) return false;
  }
  return true;
}

}  // namespace

std::optional<std::string> percent_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    if (i + 2 >= text.size()) return std::nullopt;
    const int high = hex_digit(text[i + 1]);
    const int low = hex_digit(text[i + 2]);
    if (high < 0 || low < 0) return std::nullopt;
    out += static_cast<char>(high * 16 + low);
    i += 2;
  }
  return out;
}

std::string content_type_of(const fs::path& path) {
  const std::string ext = path.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".png") return "image/png";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".json") return "application/json";
  return "application/octet-stream";
}

std::optional<StaticFile> resolve_static(const fs::path& root, std::string_view target) {
  target = target.substr(0, target.find_first_of("?#"));
  if (target.empty() || target.front() != '/') return std::nullopt;
  const std::optional<std::string> decoded = percent_decode(target.substr(1));
  if (!decoded) return std::nullopt;

  fs::path relative;
  std::string_view rest = *decoded;
  while (!rest.empty()) {
    const std::size_t slash = rest.find('/');
    const std::string_view segment = rest.substr(0, slash);
    if (!safe_segment(segment)) return std::nullopt;
    relative /= fs::path(std::string(segment));
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);  // a trailing '/' leaves nothing: a directory
  }

  std::error_code error;
  const fs::path base = fs::weakly_canonical(root, error);
  if (error) return std::nullopt;
  fs::path path = fs::weakly_canonical(base / relative, error);
  if (error || !inside(base, path)) return std::nullopt;
  if (fs::is_directory(path, error)) {
    path = fs::weakly_canonical(path / "index.html", error);
    if (error || !inside(base, path)) return std::nullopt;
  }
  if (!fs::is_regular_file(path, error)) return std::nullopt;
  return StaticFile{path, content_type_of(path)};
}

}  // namespace unrest::serve
