#include "models/epstein/outbursts.hpp"

#include <algorithm>

namespace unrest::epstein {

void OutburstDetector::observe(std::uint32_t period, std::uint64_t actives) {
  last_period_ = period;
  if (actives > threshold_) {
    if (!inside_) {
      Outburst o;
      o.start = period;
      o.waiting_time = period - quiet_since_;
      o.first = outbursts_.empty();
      outbursts_.push_back(o);
      inside_ = true;
    }
    Outburst& o = outbursts_.back();
    o.end = period;
    o.peak = std::max(o.peak, actives);
    o.total_activation += actives;
  } else if (inside_) {
    inside_ = false;
    quiet_since_ = period;
  }
}

void OutburstDetector::finish() {
  if (finished_) return;
  finished_ = true;
  if (inside_) outbursts_.back().complete = false;
}

}  // namespace unrest::epstein
