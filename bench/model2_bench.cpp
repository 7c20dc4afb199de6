// Model II throughput: agent-updates (citizen and cop activations) per second on run 7's
// rules (L = 0.8, vision 1.7, no cops) and run 8's (cops 0.04), at 40×40 and 1000×1000, under
// the reference schedule (one block, one thread) and the parallel one (blocks on 1 and 2
// threads). Each iteration is one period, after a warm-up; at 40×40 run 7 reaches genocide
// within a few hundred periods, so it is timed over the first periods only (the bench stops
// being representative once one group is gone). Peak resident memory as in model1_bench.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <string>

#include "core/row_bands.hpp"
#include "core/thread_pool.hpp"
#include "models/epstein/model2.hpp"
#include "scenario/scenario.hpp"

namespace {

using namespace unrest;

double peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

// Args: lattice side, warm-up periods, threads (0: the reference's one block), cop density
// in thousandths.
void BM_ModelII(benchmark::State& state) {
  const auto side = std::to_string(state.range(0));
  const scenario::Scenario s = scenario::load_scenario(
      "epstein-run7",
      {{"lattice.width", side},
       {"lattice.height", side},
       {"cops.density", std::to_string(static_cast<double>(state.range(3)) / 1000.0)}});
  const bool reference = state.range(2) == 0;
  core::ThreadPool pool(reference ? 1u : static_cast<unsigned>(state.range(2)));
  core::RowBands rows(pool);
  epstein::ModelII model(s.model, s.model2, s.seed, reference);
  std::uint32_t period = 1;
  for (; period <= static_cast<std::uint32_t>(state.range(1)); ++period) model.step(period, rows);
  double updates = 0.0;
  for (auto _ : state) updates += static_cast<double>(model.step(period++, rows));
  state.counters["agent_updates_per_s"] = benchmark::Counter(updates, benchmark::Counter::kIsRate);
  state.counters["peak_rss_MiB"] = peak_rss_mib();
  state.counters["blocks"] = static_cast<double>(model.blocks());
}

BENCHMARK(BM_ModelII)
    ->ArgNames({"side", "warmup", "threads", "cops_permil"})
    ->Args({40, 10, 0, 0})
    ->Args({40, 10, 0, 40})
    ->Args({40, 10, 1, 40})
    ->Args({1000, 5, 0, 0})
    ->Args({1000, 5, 0, 40})
    ->Args({1000, 5, 1, 40})
    ->Args({1000, 5, 2, 40})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
