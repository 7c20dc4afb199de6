// The paper's peacekeeping experiment (Model II): time to genocide against cop density. For
// each density, independent runs of a Model II scenario with that (constant) cop density,
// each stopped at genocide or at a cap; per density the mean, s.d. and median of the time
// (capped runs count as the cap) and the share of runs that hit the cap. Runs are spread over
// threads; each runs on one thread with the reference schedule, so results do not depend on
// the thread count. Run r of every density uses seed base + r (common random numbers: the
// densities differ by their cops, not by their luck).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "run/epstein_run.hpp"
#include "scenario/scenario.hpp"

namespace unrest::run {

struct GenocideCurveOptions {
  std::vector<double> densities;
  unsigned runs = 50;
  std::uint32_t cap = 15'000;  // periods
  unsigned threads = 0;        // 0: every hardware thread
};

// The paper's: densities 0 to 0.1 in steps of 0.002, 50 runs each, capped at 15,000 periods.
GenocideCurveOptions paper_genocide_curve();
// The same shape, small enough for tests: 6 densities 0 to 0.1, 12 runs, capped at 3,000.
GenocideCurveOptions quick_genocide_curve();

struct GenocideCurvePoint {
  double density = 0.0;
  std::vector<double> times;  // per run, in run order; a capped run counts as the cap
  double mean = 0.0;
  double sd = 0.0;
  double median = 0.0;
  double share_capped = 0.0;
};

// A run of `scenario` (a Model II one) with constant cop density `density` and seed `seed`,
// stopped at genocide (time and survivor; enclaves not counted) or after `cap` periods (no
// genocide). `blocks`: the parallel scheduler's blocks (on one thread) instead of the
// reference's whole-lattice order.
GenocideOutcome run_to_genocide(const scenario::Scenario& scenario, double density,
                                std::uint64_t seed, std::uint32_t cap, bool blocks = false);

// Runs the experiment on `scenario` (its seed is the base seed). Throws InputError if the
// scenario is not a Model II one or a density is out of [0, 1 - citizen density].
std::vector<GenocideCurvePoint> genocide_curve(const scenario::Scenario& scenario,
                                               const GenocideCurveOptions& options);

}  // namespace unrest::run
