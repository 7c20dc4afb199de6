// A parameter that changes over time: an initial value, then steps and linear ramps.
// Used for legitimacy and cop density (Epstein runs 3-5) and, later, country-model levers.
#pragma once

#include <cstdint>
#include <vector>

namespace unrest::core {

struct ScheduleSegment {
  enum class Kind { step, ramp };
  Kind kind = Kind::step;
  std::int64_t start = 0;  // step: the period it takes effect; ramp: first period of the ramp
  std::int64_t end = 0;    // ramp only: the period at which `value` is reached
  double value = 0.0;
};

class Schedule {
 public:
  Schedule() = default;
  explicit Schedule(double initial, std::vector<ScheduleSegment> segments = {})
      : initial_(initial), segments_(std::move(segments)) {}

  // Value in force during `period`. Segments are in time order and do not overlap.
  double at(std::int64_t period) const;

  double initial() const { return initial_; }
  const std::vector<ScheduleSegment>& segments() const { return segments_; }
  double maximum() const;

 private:
  double initial_ = 0.0;
  std::vector<ScheduleSegment> segments_;
};

}  // namespace unrest::core
