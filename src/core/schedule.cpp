#include "core/schedule.hpp"

#include <algorithm>

namespace unrest::core {

double Schedule::at(std::int64_t period) const {
  double value = initial_;
  for (const ScheduleSegment& s : segments_) {
    if (period < s.start) break;
    if (s.kind == ScheduleSegment::Kind::step || period >= s.end) {
      value = s.value;
    } else {
      // Linear from the value in force when the ramp starts to `value` at `end`.
      const double fraction =
          static_cast<double>(period - s.start) / static_cast<double>(s.end - s.start);
      value = value + (s.value - value) * fraction;
      break;
    }
  }
  return value;
}

double Schedule::maximum() const {
  double m = initial_;
  for (const ScheduleSegment& s : segments_) m = std::max(m, s.value);
  return m;
}

}  // namespace unrest::core
