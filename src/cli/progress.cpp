#include "cli/progress.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <string>

namespace unrest::cli {

bool stderr_is_terminal() {
  return ::isatty(STDERR_FILENO) == 1;
}

ProgressBar::ProgressBar(bool enabled, const char* unit, bool rate)
    : enabled_(enabled),
      unit_(unit),
      rate_(rate),
      started_(std::chrono::steady_clock::now()),
      last_draw_(started_) {}

ProgressBar::~ProgressBar() {
  if (drawn_) std::fputs("\r\033[K", stderr);
}

void ProgressBar::update(std::uint64_t done, std::uint64_t total) {
  if (!enabled_ || total == 0) return;
  const auto now = std::chrono::steady_clock::now();
  if (done < total && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  drawn_ = true;
  constexpr int kWidth = 30;
  const double fraction = static_cast<double>(done) / static_cast<double>(total);
  const int filled = static_cast<int>(fraction * kWidth);
  const double elapsed = std::chrono::duration<double>(now - started_).count();
  const double left = fraction > 0 ? elapsed * (1 - fraction) / fraction : 0.0;
  const std::string rate =
      rate_ && elapsed > 0
          ? fmt::format(", {:.2f} {}/s", static_cast<double>(done) / elapsed, unit_)
          : std::string();
  fmt::print(stderr, "\r[{}{}] {}/{} {}{}, {:.0f}s left\033[K", std::string(filled, '#'),
             std::string(kWidth - filled, ' '), done, total, unit_, rate, left);
  std::fflush(stderr);
}

}  // namespace unrest::cli
