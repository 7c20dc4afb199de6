// Where the built front ends live: `build/web/` next to the unrest executable (web/build.mjs),
// unless a command is given another directory.
#pragma once

#include <filesystem>

namespace unrest::cli {

// The directory holding the running executable (from /proc/self/exe).
std::filesystem::path executable_directory();
// The bundled front ends: executable_directory() / "web".
std::filesystem::path default_asset_directory();

}  // namespace unrest::cli
