// The viewer's files: a request target resolved to a file strictly inside the asset directory
// (build/web/viewer/), or to nothing. Anything that could leave the directory is refused before
// the file system is asked: "..", "." and empty segments (decoded or %-encoded), backslashes,
// NUL, a malformed %-escape, a target that is not an absolute path; then the canonical path
// (symbolic links resolved) must still lie inside the directory. Directories map to index.html.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace unrest::serve {

struct StaticFile {
  std::filesystem::path path;  // canonical
  std::string content_type;
};

// `target` is the request target as received (still %-encoded, maybe with "?query").
std::optional<StaticFile> resolve_static(const std::filesystem::path& root,
                                         std::string_view target);

// By extension: .html .js .css .png .svg .json, else application/octet-stream.
std::string content_type_of(const std::filesystem::path& path);

// %-decodes `text`; nullopt for a malformed escape.
std::optional<std::string> percent_decode(std::string_view text);

}  // namespace unrest::serve
