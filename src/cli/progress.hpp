// A one-line progress bar on stderr, shown only on a terminal and redrawn at most ~10 times
// a second, so that it costs nothing measurable and never pollutes piped output.
#pragma once

#include <chrono>
#include <cstdint>

namespace unrest::cli {

class ProgressBar {
 public:
  // `unit` names what is counted ("periods", "runs"); `rate` also shows units per second.
  explicit ProgressBar(bool enabled, const char* unit = "periods", bool rate = false);
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  void update(std::uint64_t done, std::uint64_t total);

 private:
  bool enabled_;
  const char* unit_;
  bool rate_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point started_;
  std::chrono::steady_clock::time_point last_draw_;
};

// Whether stderr is a terminal.
bool stderr_is_terminal();

}  // namespace unrest::cli
