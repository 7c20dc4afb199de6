#include "run/epstein_run.hpp"

#include <algorithm>
#include <chrono>

#include "engine/parallel_scheduler.hpp"
#include "engine/reference_scheduler.hpp"
#include "models/epstein/parallel_model1.hpp"

namespace unrest::run {

namespace {

// Steps a model period by period, recording the census and the outbursts.
template <class StepFn, class CensusFn, class ImageFn>
RunResult record(const scenario::Scenario& scenario, const ProgressCallback& progress,
                 const RunOptions& options, StepFn step, CensusFn census, ImageFn image) {
  epstein::OutburstDetector detector(scenario.outburst_threshold);
  RunResult result;
  result.series.reserve(scenario.periods);
  for (std::uint32_t t = 1; t <= scenario.periods; ++t) {
    step(t);
    const epstein::Census c = census();
    result.series.push_back({t, c});
    if (std::binary_search(options.snapshot_periods.begin(), options.snapshot_periods.end(), t)) {
      result.snapshots.push_back({t, image()});
    }
    detector.observe(t, c.active);
    if (progress) progress(t, scenario.periods);
  }
  detector.finish();
  result.outbursts = detector.outbursts();
  result.statistics = summarize(result.series, result.outbursts);
  return result;
}

}  // namespace

RunResult run_epstein(const scenario::Scenario& scenario, const ProgressCallback& progress,
                      const RunOptions& run_options) {
  RunOptions options = run_options;
  std::sort(options.snapshot_periods.begin(), options.snapshot_periods.end());
  const auto started = std::chrono::steady_clock::now();
  RunResult result;
  if (scenario.model_kind == epstein::ModelKind::two) {
    // Both schedulers step the site-major model: the reference as one block on one thread
    // (the paper's uniform random order), the parallel one in blocks on every thread.
    const bool parallel = scenario.scheduler == scenario::SchedulerKind::parallel;
    engine::ParallelScheduler scheduler(parallel ? options.threads : 1);
    epstein::ModelII model(scenario.model, scenario.model2, scenario.seed, !parallel);
    std::vector<epstein::GroupCensus> groups;
    groups.reserve(scenario.periods);
    result = record(
        scenario, progress, options,
        [&](std::uint32_t t) {
          scheduler.step(model, t);
          groups.push_back(model.group_census());
        },
        [&] { return model.census(); },
        [&] {
          return epstein::lattice_image(model.world(), model.legitimacy(),
                                        options.snapshot_max_side);
        });
    result.groups = std::move(groups);
    result.model2 = genocide_outcome(result.groups);
    result.model2->mixed_enclaves = model.mixed_enclaves();
    result.agent_updates = scheduler.updates();
    result.threads = scheduler.threads();
  } else if (scenario.scheduler == scenario::SchedulerKind::parallel) {
    engine::ParallelScheduler scheduler(options.threads);
    epstein::ParallelModelI model(scenario.model, scenario.seed);
    result = record(
        scenario, progress, options, [&](std::uint32_t t) { scheduler.step(model, t); },
        [&] { return model.census(scheduler.rows()); },
        [&] {
          return epstein::lattice_image(model.world(), model.legitimacy(),
                                        options.snapshot_max_side);
        });
    result.agent_updates = scheduler.updates();
    result.threads = scheduler.threads();
  } else {
    epstein::ModelI model(scenario.model, scenario.seed);
    engine::ReferenceScheduler scheduler(scenario.seed);
    result = record(
        scenario, progress, options, [&](std::uint32_t t) { scheduler.step(model, t); },
        [&] { return model.census(); },
        [&] {
          return epstein::lattice_image(model.world(), model.legitimacy(),
                                        options.snapshot_max_side);
        });
    result.agent_updates = scheduler.updates();
  }
  result.wall_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return result;
}

GenocideOutcome genocide_outcome(const std::vector<epstein::GroupCensus>& groups) {
  GenocideOutcome o;
  for (std::size_t i = 0; i < groups.size(); ++i) {
    const std::uint64_t blue = groups[i].blue_total();
    const std::uint64_t green = groups[i].green_total();
    if (blue > 0 && green > 0) continue;
    o.time_to_genocide = static_cast<std::uint32_t>(i + 1);
    if (blue > 0) o.survivor = epstein::Group::blue;
    if (green > 0) o.survivor = epstein::Group::green;
    break;
  }
  return o;
}

RunStatistics summarize(const std::vector<PeriodRecord>& series,
                        const std::vector<epstein::Outburst>& outbursts) {
  RunStatistics s;
  if (series.empty()) return s;
  double active = 0.0;
  double jailed = 0.0;
  for (const PeriodRecord& r : series) {
    active += static_cast<double>(r.census.active);
    jailed += static_cast<double>(r.census.jailed);
    s.peak_active = std::max(s.peak_active, r.census.active);
  }
  const auto periods = static_cast<double>(series.size());
  s.mean_active = active / periods;
  s.mean_jailed = jailed / periods;

  std::vector<double> waits;
  std::vector<double> activation;
  std::vector<double> peaks;
  std::vector<double> durations;
  double in_outburst = 0.0;
  for (const epstein::Outburst& o : outbursts) {
    in_outburst += o.end - o.start + 1;
    if (!o.first) waits.push_back(o.waiting_time);
    if (!o.complete) continue;
    activation.push_back(static_cast<double>(o.total_activation));
    peaks.push_back(static_cast<double>(o.peak));
    durations.push_back(o.end - o.start + 1);
  }
  s.outbursts = outbursts.size();
  s.outbursts_per_1000_periods = 1000.0 * static_cast<double>(outbursts.size()) / periods;
  s.share_periods_in_outburst = in_outburst / periods;
  s.waiting_time = core::moments(waits);
  s.total_activation = core::moments(activation);
  s.peak = core::moments(peaks);
  s.duration = core::moments(durations);
  return s;
}

}  // namespace unrest::run
