// Model I throughput: agent-updates (citizen and cop activations) per second under the
// reference scheduler at 40×40, 400×400 and 2000×2000, and under the parallel scheduler at
// 2000×2000 and 4000×4000 on 1 and 2 threads; vision 7, run-2 densities and the floor rule. Each
// benchmark iteration is one period; the model is warmed up first so that the measurement sees the
// steady state (punctuated equilibrium), not the initial outburst. Peak resident memory of the
// process is reported as a counter (ru_maxrss).
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <memory>
#include <vector>

#include "engine/parallel_scheduler.hpp"
#include "engine/reference_scheduler.hpp"
#include "models/epstein/model1.hpp"
#include "models/epstein/parallel_model1.hpp"
#include "scenario/scenario.hpp"

namespace {

using namespace unrest;

double peak_memory_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

// Run 2 at side × side (state.range(0)), seed 1.
scenario::Scenario run2(const benchmark::State& state) {
  const auto side = std::to_string(state.range(0));
  return scenario::load_scenario(
      "epstein-run2", {{"lattice.width", side}, {"lattice.height", side}, {"scenario.seed", "1"}});
}

// Warms the model up for state.range(1) periods, then times one period per iteration.
template <class Scheduler, class Model>
void time_periods(benchmark::State& state, Scheduler& scheduler, Model& model) {
  std::uint32_t period = 1;
  const auto warmup = static_cast<std::uint32_t>(state.range(1));
  for (; period <= warmup; ++period) scheduler.step(model, period);
  const std::uint64_t before = scheduler.updates();
  for (auto _ : state) {
    scheduler.step(model, period++);
  }
  const auto updates = static_cast<double>(scheduler.updates() - before);
  state.counters["agent_updates_per_s"] = benchmark::Counter(updates, benchmark::Counter::kIsRate);
  state.counters["peak_rss_MiB"] = peak_memory_mib();
}

void BM_ModelI_Reference(benchmark::State& state) {
  const scenario::Scenario s = run2(state);
  epstein::ModelI model(s.model, s.seed);
  engine::ReferenceScheduler scheduler(s.seed);
  time_periods(state, scheduler, model);
  state.counters["agents"] = static_cast<double>(model.slot_count());
  state.counters["active_last"] = static_cast<double>(model.census().active);
}

BENCHMARK(BM_ModelI_Reference)
    ->Args({40, 200})
    ->Args({400, 50})
    ->Args({2000, 20})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// Args: lattice side, warm-up periods, threads.
void BM_ModelI_Parallel(benchmark::State& state) {
  const scenario::Scenario s = run2(state);
  engine::ParallelScheduler scheduler(static_cast<unsigned>(state.range(2)));
  epstein::ParallelModelI model(s.model, s.seed);
  time_periods(state, scheduler, model);
  state.counters["threads"] = static_cast<double>(scheduler.threads());
  state.counters["blocks"] = static_cast<double>(model.blocks());
  state.counters["active_last"] = static_cast<double>(model.census(scheduler.rows()).active);
}

BENCHMARK(BM_ModelI_Parallel)
    ->Args({2000, 20, 1})
    ->Args({2000, 20, 2})
    ->Args({4000, 10, 1})
    ->Args({4000, 10, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// STREAM-like triad a[i] = b[i] + q * c[i] over three 64 MiB arrays: the machine's sustainable
// memory bandwidth, measured in the same process, so the model's bytes moved per agent-update
// can be read as a fraction of the physical limit (24 bytes per element: two reads, a write).
void BM_StreamTriad(benchmark::State& state) {
  const std::size_t n = std::size_t{8} << 20;
  std::vector<double> a(n, 0.0);
  std::vector<double> b(n, 1.0);
  std::vector<double> c(n, 2.0);
  const double q = 3.0;
  for (auto _ : state) {
    for (std::size_t i = 0; i < n; ++i) a[i] = b[i] + q * c[i];
    benchmark::DoNotOptimize(a.data());
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(3 * n * sizeof(double)));
}

BENCHMARK(BM_StreamTriad)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
