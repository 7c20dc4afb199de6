#include "run/genocide_experiment.hpp"

#include <fmt/format.h>

#include "core/row_bands.hpp"
#include "core/statistics.hpp"
#include "core/thread_pool.hpp"
#include "models/epstein/model2.hpp"

namespace unrest::run {

GenocideCurveOptions paper_genocide_curve() {
  GenocideCurveOptions o;
  for (int i = 0; i <= 50; ++i) o.densities.push_back(0.002 * i);
  return o;
}

GenocideCurveOptions quick_genocide_curve() {
  GenocideCurveOptions o;
  for (int i = 0; i <= 5; ++i) o.densities.push_back(0.02 * i);
  o.runs = 12;
  o.cap = 3'000;
  return o;
}

GenocideOutcome run_to_genocide(const scenario::Scenario& scenario, double density,
                                std::uint64_t seed, std::uint32_t cap, bool blocks) {
  epstein::ModelIParams params = scenario.model;
  params.cop_density = core::Schedule(density);
  epstein::ModelII model(params, scenario.model2, seed, !blocks);
  core::ThreadPool pool(1);
  core::RowBands rows(pool);
  for (std::uint32_t t = 1; t <= cap; ++t) {
    model.step(t, rows);
    const GenocideOutcome o = genocide_outcome({model.group_census()});
    if (o.time_to_genocide) return {t, o.survivor, 0};
  }
  return {};
}

std::vector<GenocideCurvePoint> genocide_curve(const scenario::Scenario& scenario,
                                               const GenocideCurveOptions& options) {
  if (scenario.model_kind != epstein::ModelKind::two) {
    throw scenario::InputError(
        fmt::format("{}: the genocide experiment needs a Model II scenario (model.kind = \"II\")",
                    scenario.source));
  }
  for (const double d : options.densities) {
    if (!(d >= 0.0 && d + scenario.model.citizen_density <= 1.0 + 1e-12)) {
      throw scenario::InputError(
          fmt::format("cop density {} with citizen density {}: the densities must sum to at most 1",
                      d, scenario.model.citizen_density));
    }
  }
  const std::size_t n = options.densities.size();
  std::vector<GenocideCurvePoint> curve(n);
  for (std::size_t i = 0; i < n; ++i) {
    curve[i].density = options.densities[i];
    curve[i].times.assign(options.runs, 0.0);
  }
  std::vector<char> capped(n * options.runs, 0);
  core::ThreadPool pool(options.threads);
  pool.run(n * options.runs, [&](std::size_t task) {
    const std::size_t i = task / options.runs;
    const std::size_t r = task % options.runs;
    const std::optional<std::uint32_t> t =
        run_to_genocide(scenario, options.densities[i], scenario.seed + r, options.cap)
            .time_to_genocide;
    curve[i].times[r] = t ? static_cast<double>(*t) : static_cast<double>(options.cap);
    capped[task] = t ? 0 : 1;
  });
  for (std::size_t i = 0; i < n; ++i) {
    GenocideCurvePoint& p = curve[i];
    const core::Moments m = core::moments(p.times);
    p.mean = m.mean;
    p.sd = m.sd;
    p.median = p.times.empty() ? 0.0 : core::quantile(p.times, 0.5);
    std::size_t hit = 0;
    for (std::size_t r = 0; r < options.runs; ++r) hit += capped[i * options.runs + r] != 0;
    p.share_capped =
        p.times.empty() ? 0.0 : static_cast<double>(hit) / static_cast<double>(p.times.size());
  }
  return curve;
}

}  // namespace unrest::run
