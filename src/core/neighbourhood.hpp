// Vision on a torus lattice: which sites an agent at (x, y) sees.
// Three shapes with the radius semantics of the spec: Euclidean disk (dx²+dy² <= r²),
// von Neumann diamond (|dx|+|dy| <= r) and Moore square (max(|dx|,|dy|) <= r).
// Every shape is a stack of contiguous row spans, which lets bitmaps count a whole
// row of the neighbourhood with one popcount.
#pragma once

#include <cstdint>
#include <vector>

namespace unrest::core {

enum class VisionShape : std::uint8_t { disk, diamond, square };

struct Offset {
  int dx = 0;
  int dy = 0;
};

// The sites of row `dy` from dx = -half_width to +half_width.
struct RowSpan {
  int dy = 0;
  int half_width = 0;
};

class Neighbourhood {
 public:
  Neighbourhood() = default;
  Neighbourhood(double radius, VisionShape shape);

  // Every offset within vision except the centre, row by row.
  const std::vector<Offset>& offsets() const { return offsets_; }
  // Row spans covering the offsets plus the centre.
  const std::vector<RowSpan>& spans() const { return spans_; }
  // Largest |dx| or |dy| reached; a lattice must be at least 2*reach+1 wide to avoid wrap-overlap.
  int reach() const { return reach_; }
  std::size_t size() const { return offsets_.size(); }

 private:
  std::vector<Offset> offsets_;
  std::vector<RowSpan> spans_;
  int reach_ = 0;
};

// Width of the half-row of `shape` at row offset dy (negative if the row is empty).
int half_width_at(double radius, VisionShape shape, int dy);

}  // namespace unrest::core
