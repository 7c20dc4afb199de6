#include "models/epstein/rules.hpp"

#include <cmath>

namespace unrest::epstein {

double arrest_ratio(ArrestRatio rule, int cops, int actives) {
  switch (rule) {
    case ArrestRatio::literal:
      return static_cast<double>(cops) / actives;
    case ArrestRatio::floor:
      return static_cast<double>(cops / actives);
    case ArrestRatio::round_half_even: {
      // Integer arithmetic: q = C / A, remainder compared with A / 2, ties to the even q.
      const int q = cops / actives;
      const int twice_remainder = 2 * (cops % actives);
      if (twice_remainder > actives || (twice_remainder == actives && q % 2 == 1)) return q + 1;
      return q;
    }
  }
  return 0.0;
}

double arrest_probability(ArrestRatio rule, double k, int cops, int actives) {
  return 1.0 - std::exp(-k * arrest_ratio(rule, cops, actives));
}

ArrestProbabilityTable::ArrestProbabilityTable(ArrestRatio rule, double k, int sites)
    : stride_(sites + 2), table_(static_cast<std::size_t>((sites + 1) * (sites + 2)), 0.0) {
  for (int c = 0; c <= sites; ++c) {
    for (int a = 1; a <= sites + 1; ++a) {
      table_[static_cast<std::size_t>(c * stride_ + a)] = arrest_probability(rule, k, c, a);
    }
  }
}

double draw_jail_term(JailTerm rule, double max_term, core::Stream& stream) {
  if (std::isinf(max_term)) return kInfiniteJail;
  switch (rule) {
    case JailTerm::continuous:
      return stream.uniform() * max_term;
    case JailTerm::integer_below_max: {
      const auto n = static_cast<std::uint32_t>(max_term);
      return n == 0 ? 0.0 : static_cast<double>(stream.below(n));
    }
    case JailTerm::integer_up_to_max:
      return static_cast<double>(stream.below(static_cast<std::uint32_t>(max_term) + 1));
  }
  return 0.0;
}

}  // namespace unrest::epstein
