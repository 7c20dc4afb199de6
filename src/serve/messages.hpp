// The JSON of the viewer's HTTP API and stream (docs/viewer.md): the catalogue, the state object
// and frames going out; the bodies of setup, step and view coming in, validated, every bad one
// an InputError whose message names the key and what it accepts. No HTTP here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/scenario.hpp"
#include "serve/live_simulation.hpp"

namespace unrest::serve {

inline constexpr std::uint32_t kMaxStepPeriods = 10000;

struct SetupRequest {
  std::string scenario;
  std::vector<scenario::Override> overrides;  // the "set" object, as --set would give them
};
// {"scenario": NAME, "set": {KEY: number | boolean | string}}.
SetupRequest parse_setup(const std::string& body);
// {"periods": 1..10000}, or an empty body for 1.
std::uint32_t parse_step(const std::string& body);
// {"region": ID}.
std::string parse_view(const std::string& body);

// What the state object shows; `info` null before the first setup.
struct StateView {
  const SimulationInfo* info = nullptr;
  std::uint32_t period = 0;
  std::optional<std::size_t> region;
  bool playing = false;
  std::string_view map;  // the map as compact JSON, or empty
};
std::string state_json(const StateView& view);
std::string frame_json(const Frame& frame, const SimulationInfo& info);
std::string scenarios_json(const std::vector<ScenarioInfo>& scenarios);
std::string parameters_json(const std::vector<ParameterInfo>& parameters);
std::string error_json(const std::string& message);

// GeoJSON text as one line of compact JSON (an event's data is one line); "" if it is not JSON.
std::string compact_json(const std::string& text);
// RFC 4648 base64, with padding.
std::string base64(const std::vector<std::uint8_t>& bytes);

}  // namespace unrest::serve
