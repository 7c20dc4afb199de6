// The genocide experiment's CSV (run/genocide_experiment.hpp): a provenance comment, then one
// row per cop density.
#pragma once

#include <string>
#include <vector>

#include "run/genocide_experiment.hpp"
#include "scenario/scenario.hpp"

namespace unrest::io {

std::string genocide_curve_csv(const scenario::Scenario& s, const run::GenocideCurveOptions& o,
                               const std::vector<run::GenocideCurvePoint>& curve);

}  // namespace unrest::io
