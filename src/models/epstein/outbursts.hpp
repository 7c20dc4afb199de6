// Outbursts, the spec's measure of punctuated equilibrium: an outburst starts when the number
// of actives exceeds a threshold (50 in the paper) and ends when it falls back to it or below.
#pragma once

#include <cstdint>
#include <vector>

namespace unrest::epstein {

struct Outburst {
  std::uint32_t start = 0;  // first period above the threshold
  std::uint32_t end = 0;    // last period above the threshold
  std::uint64_t peak = 0;
  std::uint64_t total_activation = 0;  // sum of actives over its periods
  // Periods at or below the threshold since the previous outburst ended; for the first
  // outburst, since the run began (a censored wait, left out of waiting-time statistics).
  std::uint32_t waiting_time = 0;
  bool first = false;
  bool complete = true;  // false if the run ended during the outburst
};

class OutburstDetector {
 public:
  explicit OutburstDetector(std::uint64_t threshold) : threshold_(threshold) {}

  // Periods must be observed in order, starting at 1.
  void observe(std::uint32_t period, std::uint64_t actives);
  // Closes an outburst still running at the end of the run.
  void finish();

  const std::vector<Outburst>& outbursts() const { return outbursts_; }

 private:
  std::uint64_t threshold_;
  std::vector<Outburst> outbursts_;
  bool inside_ = false;
  bool finished_ = false;
  std::uint32_t last_period_ = 0;
  std::uint32_t quiet_since_ = 1;  // first period of the current stretch at or below threshold
};

}  // namespace unrest::epstein
