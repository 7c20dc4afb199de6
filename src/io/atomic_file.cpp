#include "io/atomic_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace unrest::io {

void write_file_atomically(const std::filesystem::path& path, const std::string& content) {
  const std::filesystem::path temporary =
      path.parent_path() / fmt::format(".{}.tmp-{}", path.filename().string(), getpid());
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    throw OutputError(
        fmt::format("{}: cannot create: {}", temporary.string(), std::strerror(errno)));
  }
  const char* data = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    const ssize_t n = ::write(fd, data, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int error = errno;
      ::close(fd);
      ::unlink(temporary.c_str());
      throw OutputError(fmt::format("{}: cannot write: {}", path.string(), std::strerror(error)));
    }
    data += n;
    left -= static_cast<std::size_t>(n);
  }
  const bool synced = ::fsync(fd) == 0;
  const int sync_error = errno;
  const bool closed = ::close(fd) == 0;
  if (!synced || !closed) {
    ::unlink(temporary.c_str());
    throw OutputError(fmt::format("{}: cannot flush: {}", path.string(),
                                  std::strerror(synced ? errno : sync_error)));
  }
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    const int error = errno;
    ::unlink(temporary.c_str());
    throw OutputError(
        fmt::format("{}: cannot rename into place: {}", path.string(), std::strerror(error)));
  }
}

void prepare_output_directory(const std::filesystem::path& dir, bool force) {
  std::error_code ec;
  if (std::filesystem::exists(dir, ec)) {
    if (!std::filesystem::is_directory(dir, ec)) {
      throw OutputError(fmt::format("{}: exists and is not a directory", dir.string()));
    }
    if (!force && !std::filesystem::is_empty(dir, ec)) {
      throw OutputError(
          fmt::format("{}: output directory is not empty; use --force to overwrite", dir.string()));
    }
    return;
  }
  std::filesystem::create_directories(dir, ec);
  if (ec)
    throw OutputError(fmt::format("{}: cannot create directory: {}", dir.string(), ec.message()));
}

}  // namespace unrest::io
