#include "run/country_run.hpp"

#include <chrono>

#include "country/country_model.hpp"
#include "engine/parallel_scheduler.hpp"

namespace unrest::run {

CountryRunResult run_country(const scenario::CountryScenario& scenario,
                             const ProgressCallback& progress, const RunOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  country::CountryParams params = scenario.params;
  // The reference scheduler: each region one block, the paper's order over all its agents.
  const bool reference = scenario.scheduler == scenario::SchedulerKind::reference;
  params.whole_lattice_blocks = reference;
  engine::ParallelScheduler scheduler(reference ? 1 : options.threads);
  country::CountryModel model(params, scenario.seed);
  CountryRunResult result;
  result.agents = model.agents();
  for (std::uint32_t t = 1; t <= params.periods; ++t) {
    scheduler.step(model, t);
    if (progress) progress(t, params.periods);
  }
  result.record = model.finish();
  result.agent_updates = scheduler.updates();
  result.threads = scheduler.threads();
  result.wall_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return result;
}

}  // namespace unrest::run
