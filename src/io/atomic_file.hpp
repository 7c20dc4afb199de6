// Files appear whole or not at all: content goes to a temporary file in the same directory,
// is flushed to disk, then renamed over the target (rename is atomic on POSIX).
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>

namespace unrest::io {

class OutputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

void write_file_atomically(const std::filesystem::path& path, const std::string& content);

// Creates `dir` if needed. A directory that exists and is not empty is refused unless
// `force`; an existing non-directory is always refused.
void prepare_output_directory(const std::filesystem::path& dir, bool force);

}  // namespace unrest::io
