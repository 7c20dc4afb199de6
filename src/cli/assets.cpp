#include "cli/assets.hpp"

#include <system_error>

namespace unrest::cli {

std::filesystem::path executable_directory() {
  std::error_code error;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
  return error ? std::filesystem::current_path() : self.parent_path();
}

std::filesystem::path default_asset_directory() {
  return executable_directory() / "web";
}

}  // namespace unrest::cli
