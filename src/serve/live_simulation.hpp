// One steppable simulation of a built-in scenario for the live viewer (docs/viewer.md): the
// model and scheduler `unrest run` would use (Epstein: Model I with the reference or the parallel
// scheduler; country: the country model on the parallel scheduler), stepped a period at a time
// and pictured as a Frame: whole-model counts, each region's active share and the lattice image
// of the viewed region. Also the catalogue the viewer picks from: the built-ins and their
// parameters. No HTTP and no JSON here; not thread-safe (serve/controller.hpp serialises it).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "country/time.hpp"
#include "models/epstein/lattice_image.hpp"
#include "scenario/parameters.hpp"
#include "scenario/scenario.hpp"

namespace unrest::serve {

enum class ScenarioKind : std::uint8_t { epstein, country };
const char* name_of(ScenarioKind kind);

struct ScenarioInfo {
  std::string name;
  ScenarioKind kind = ScenarioKind::epstein;
  std::string description;
};

// The built-in scenarios, in name order.
std::vector<ScenarioInfo> builtin_scenario_list();

// A parameter a slider can set: its declaration and the scenario's effective value.
struct ParameterInfo {
  const scenario::ParamSpec* spec = nullptr;
  scenario::Value value;
};
// Every settable parameter of built-in `name` (schedules and file paths are left out: the
// viewer cannot set them). Throws scenario::InputError for a name that is not a built-in.
std::vector<ParameterInfo> scenario_parameters(const std::string& name);

struct RegionInfo {
  std::string id;
  std::string name;
  int width = 0;  // lattice sites
  int height = 0;
};

// What stays fixed while a simulation runs.
struct SimulationInfo {
  std::string scenario;
  ScenarioKind kind = ScenarioKind::epstein;
  std::uint32_t periods = 0;        // the horizon
  std::vector<RegionInfo> regions;  // country scenarios; empty for Epstein ones
  std::string map_geojson;          // country scenarios with a map; else empty
  std::optional<country::Clock> clock;

  // The end of period `period` ("2022-01-01T01:00"); nullopt for Epstein scenarios.
  std::optional<std::string> time_at(std::uint32_t period) const;
};

// Whole-model counts at the end of a period: agents (Epstein) or people (country, national).
struct Counts {
  std::uint64_t quiet = 0;
  std::uint64_t active = 0;
  std::uint64_t jailed = 0;
  std::uint64_t cops = 0;
  std::uint64_t killed = 0;  // cumulative, every side; always 0 in Model I
};

struct Frame {
  std::uint32_t period = 0;
  std::optional<std::string> time;
  Counts counts;
  std::vector<double> active_share;   // per region (country); empty for Epstein
  std::optional<std::size_t> region;  // whose lattice `image` is; nullopt for Epstein
  epstein::LatticeImage image;
};

struct LiveOptions {
  unsigned threads = 0;  // parallel scheduler: 0 = every hardware thread
  // The memory available now, in bytes, asked at every setup for the loader's pre-flight check
  // (the running simulation holds some); null skips the check.
  std::uint64_t (*available_memory)() = nullptr;
  int max_side = 512;  // of the lattice image, in pixels
};

class LiveSimulation {
 public:
  // Loads built-in `name` with `overrides`, validated as `--set` values are (a bad one throws
  // scenario::InputError naming the key), and builds its model at period 0.
  LiveSimulation(const std::string& name, const std::vector<scenario::Override>& overrides,
                 const LiveOptions& options);
  ~LiveSimulation();
  LiveSimulation(const LiveSimulation&) = delete;
  LiveSimulation& operator=(const LiveSimulation&) = delete;

  const SimulationInfo& info() const { return info_; }
  std::uint32_t period() const { return period_; }
  bool finished() const { return period_ >= info_.periods; }
  // One period; nothing at the horizon.
  void step();

  // The region whose lattice frames show (country scenarios: at first the capital of the
  // outcome rules, else the most populous region).
  std::optional<std::size_t> viewed_region() const { return viewed_; }
  // Throws scenario::InputError for an unknown id, or for an Epstein scenario (one lattice).
  void view(const std::string& region_id);

  Frame frame();

  struct Engine;  // the model and its scheduler (live_simulation.cpp)

 private:
  SimulationInfo info_;
  LiveOptions options_;
  std::unique_ptr<Engine> engine_;
  std::uint32_t period_ = 0;
  std::optional<std::size_t> viewed_;
};

}  // namespace unrest::serve
