// One CSV field as RFC 4180 writes it: quoted, with quotes doubled, only when it holds a comma,
// a quote or a line break.
#pragma once

#include <string>

namespace unrest::io {

inline std::string csv_field(const std::string& v) {
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (const char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace unrest::io
