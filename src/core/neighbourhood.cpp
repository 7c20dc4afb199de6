#include "core/neighbourhood.hpp"

#include <cmath>
#include <cstdlib>

namespace unrest::core {

int half_width_at(double radius, VisionShape shape, int dy) {
  const int ady = std::abs(dy);
  const int r = static_cast<int>(std::floor(radius));
  if (ady > r) return -1;
  switch (shape) {
    case VisionShape::disk: {
      // Largest dx with dx² + dy² <= radius², computed on integers to avoid rounding doubt.
      const double r2 = radius * radius;
      int dx = 0;
      while (static_cast<double>((dx + 1) * (dx + 1) + ady * ady) <= r2) ++dx;
      return dx;
    }
    case VisionShape::diamond:
      return r - ady;
    case VisionShape::square:
      return r;
  }
  return -1;
}

Neighbourhood::Neighbourhood(double radius, VisionShape shape) {
  const int r = static_cast<int>(std::floor(radius));
  for (int dy = -r; dy <= r; ++dy) {
    const int hw = half_width_at(radius, shape, dy);
    if (hw < 0) continue;
    spans_.push_back({dy, hw});
    if (hw > reach_) reach_ = hw;
    if (std::abs(dy) > reach_) reach_ = std::abs(dy);
    for (int dx = -hw; dx <= hw; ++dx) {
      if (dx != 0 || dy != 0) offsets_.push_back({dx, dy});
    }
  }
}

}  // namespace unrest::core
