#include "serve/messages.hpp"

#include <fmt/format.h>

#include <cmath>
#include <nlohmann/json.hpp>

namespace unrest::serve {
namespace {

using Json = nlohmann::ordered_json;

Json parse_body(const std::string& body) {
  try {
    return Json::parse(body);
  } catch (const Json::parse_error& e) {
    throw scenario::InputError(fmt::format("request body: malformed JSON: {}", e.what()));
  }
}

Json object_body(const std::string& body, std::initializer_list<std::string_view> keys) {
  const Json json = parse_body(body);
  if (!json.is_object()) {
    throw scenario::InputError(
        fmt::format("request body: expected a JSON object, got {}", json.dump()));
  }
  for (const auto& [key, value] : json.items()) {
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
      std::string known;
      for (const std::string_view k : keys)
        known += fmt::format("{}{}", known.empty() ? "" : ", ", k);
      throw scenario::InputError(
          fmt::format("request body: key '{}': unknown key; expected: {}", key, known));
    }
  }
  return json;
}

// A JSON value as a --set value: numbers as JSON writes them (TOML reads them alike), strings
// as they are (as on the command line).
std::string override_value(const std::string& key, const Json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean() || value.is_number()) return value.dump();
  throw scenario::InputError(
      fmt::format("--set {}: key '{}': expected a number, true or false, or a string, got {}", key,
                  key, value.dump()));
}

Json value_json(const scenario::Value& value) {
  if (const auto* d = std::get_if<double>(&value)) {
    if (std::isfinite(*d)) return *d;
    return *d > 0 ? "inf" : "-inf";  // JSON has no infinity; --set reads "inf" back
  }
  if (const auto* i = std::get_if<std::int64_t>(&value)) return *i;
  if (const auto* b = std::get_if<bool>(&value)) return *b;
  if (const auto* s = std::get_if<std::string>(&value)) return *s;
  return nullptr;
}

const char* type_name(scenario::ParamType type) {
  switch (type) {
    case scenario::ParamType::real:
      return "real";
    case scenario::ParamType::integer:
      return "integer";
    case scenario::ParamType::boolean:
      return "boolean";
    case scenario::ParamType::choice:
      return "choice";
    default:
      return "text";
  }
}

// A slider's step for a real: about a hundredth of the range, and fine enough for the default.
double real_step(const scenario::ParamSpec& spec) {
  double step = 0.01;
  const double range = spec.max - spec.min;
  if (std::isfinite(range) && range > 0) step = std::pow(10.0, std::floor(std::log10(range)) - 2);
  if (const auto* d = std::get_if<double>(&spec.default_value); d && std::isfinite(*d) && *d != 0) {
    step = std::min(step, std::pow(10.0, std::floor(std::log10(std::fabs(*d))) - 1));
  }
  return std::max(step, 1e-6);
}

Json number_or_null(double v) {
  return std::isfinite(v) ? Json(v) : Json(nullptr);
}

}  // namespace

SetupRequest parse_setup(const std::string& body) {
  const Json json = object_body(body, {"scenario", "set"});
  SetupRequest request;
  const auto scenario = json.find("scenario");
  if (scenario == json.end() || !scenario->is_string()) {
    throw scenario::InputError(fmt::format(
        "request body: key 'scenario': expected the name of a built-in scenario, got {}",
        scenario == json.end() ? "nothing" : scenario->dump()));
  }
  request.scenario = scenario->get<std::string>();
  const auto set = json.find("set");
  if (set == json.end() || set->is_null()) return request;
  if (!set->is_object()) {
    throw scenario::InputError(fmt::format(
        "request body: key 'set': expected an object of key: value, got {}", set->dump()));
  }
  for (const auto& [key, value] : set->items()) {
    request.overrides.push_back({key, override_value(key, value)});
  }
  return request;
}

std::uint32_t parse_step(const std::string& body) {
  if (body.find_first_not_of(" \t\r\n") == std::string::npos) return 1;
  const Json json = object_body(body, {"periods"});
  const auto periods = json.find("periods");
  if (periods == json.end()) return 1;
  if (!periods->is_number_integer() || periods->get<std::int64_t>() < 1 ||
      periods->get<std::int64_t>() > kMaxStepPeriods) {
    throw scenario::InputError(
        fmt::format("request body: key 'periods': expected an integer in [1, {}], got {}",
                    kMaxStepPeriods, periods->dump()));
  }
  return periods->get<std::uint32_t>();
}

std::string parse_view(const std::string& body) {
  const Json json = object_body(body, {"region"});
  const auto region = json.find("region");
  if (region == json.end() || !region->is_string()) {
    throw scenario::InputError(
        fmt::format("request body: key 'region': expected a region id, got {}",
                    region == json.end() ? "nothing" : region->dump()));
  }
  return region->get<std::string>();
}

std::string state_json(const StateView& view) {
  const SimulationInfo* info = view.info;
  Json state;
  state["scenario"] = info ? Json(info->scenario) : Json(nullptr);
  state["kind"] = info ? Json(name_of(info->kind)) : Json(nullptr);
  state["period"] = view.period;
  state["periods"] = info ? info->periods : 0;
  state["playing"] = view.playing;
  const auto time = info ? info->time_at(view.period) : std::nullopt;
  state["time"] = time ? Json(*time) : Json(nullptr);
  state["region"] = info && view.region ? Json(info->regions.at(*view.region).id) : Json(nullptr);
  Json regions = Json::array();
  if (info) {
    for (const RegionInfo& r : info->regions) {
      regions.push_back({{"id", r.id}, {"name", r.name}, {"width", r.width}, {"height", r.height}});
    }
  }
  state["regions"] = std::move(regions);
  state["map"] = nullptr;
  std::string text = state.dump();
  // The map, already compact JSON, goes in as it is rather than parsed again: it is the last key.
  if (!view.map.empty()) text.replace(text.size() - 5, 4, view.map);
  return text;
}

std::string frame_json(const Frame& frame, const SimulationInfo& info) {
  Json json;
  json["period"] = frame.period;
  json["time"] = frame.time ? Json(*frame.time) : Json(nullptr);
  json["counts"] = {{"quiet", frame.counts.quiet},
                    {"active", frame.counts.active},
                    {"jailed", frame.counts.jailed},
                    {"cops", frame.counts.cops},
                    {"killed", frame.counts.killed}};
  if (info.kind == ScenarioKind::country) {
    Json regions = Json::object();
    for (std::size_t r = 0; r < info.regions.size() && r < frame.active_share.size(); ++r) {
      regions[info.regions[r].id] = {{"active_share", frame.active_share[r]}};
    }
    json["regions"] = std::move(regions);
  } else {
    json["regions"] = nullptr;
  }
  json["lattice"] = {{"region", frame.region && info.kind == ScenarioKind::country
                                    ? Json(info.regions.at(*frame.region).id)
                                    : Json(nullptr)},
                     {"width", frame.image.width},
                     {"height", frame.image.height},
                     {"block", frame.image.block},
                     {"data", base64(frame.image.action)}};
  return json.dump();
}

std::string scenarios_json(const std::vector<ScenarioInfo>& scenarios) {
  Json list = Json::array();
  for (const ScenarioInfo& s : scenarios) {
    list.push_back({{"name", s.name}, {"kind", name_of(s.kind)}, {"description", s.description}});
  }
  return list.dump();
}

std::string parameters_json(const std::vector<ParameterInfo>& parameters) {
  Json list = Json::array();
  for (const ParameterInfo& p : parameters) {
    const scenario::ParamSpec& spec = *p.spec;
    Json item;
    item["key"] = spec.key;
    item["type"] = type_name(spec.type);
    item["value"] = value_json(p.value);
    item["default"] = value_json(spec.default_value);
    if (spec.type == scenario::ParamType::integer) {
      item["min"] = static_cast<std::int64_t>(spec.min);
      item["max"] = static_cast<std::int64_t>(spec.max);
      item["step"] = 1;
    } else if (spec.type == scenario::ParamType::real) {
      item["min"] = number_or_null(spec.min);
      item["max"] = number_or_null(spec.max);
      item["step"] = real_step(spec);
    } else {
      item["min"] = nullptr;
      item["max"] = nullptr;
      item["step"] = nullptr;
    }
    item["unit"] = spec.unit;
    item["choices"] = spec.choices;
    item["description"] = spec.description;
    list.push_back(std::move(item));
  }
  return list.dump();
}

std::string error_json(const std::string& message) {
  return Json{{"error", message}}.dump();
}

std::string compact_json(const std::string& text) {
  if (text.empty()) return {};
  try {
    return Json::parse(text).dump();
  } catch (const Json::parse_error&) {
    return {};
  }
}

std::string base64(const std::vector<std::uint8_t>& bytes) {
  static constexpr char kDigits[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    const std::uint32_t v =
        (std::uint32_t{bytes[i]} << 16) | (std::uint32_t{bytes[i + 1]} << 8) | bytes[i + 2];
    out += kDigits[(v >> 18) & 63];
    out += kDigits[(v >> 12) & 63];
    out += kDigits[(v >> 6) & 63];
    out += kDigits[v & 63];
  }
  if (const std::size_t left = bytes.size() - i; left > 0) {
    std::uint32_t v = std::uint32_t{bytes[i]} << 16;
    if (left == 2) v |= std::uint32_t{bytes[i + 1]} << 8;
    out += kDigits[(v >> 18) & 63];
    out += kDigits[(v >> 12) & 63];
    out += left == 2 ? kDigits[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

}  // namespace unrest::serve
