// Dated events of a country scenario: what the state, the protesters' triggers and a foreign
// force do, when and where. Plain data: the scenario layer reads and validates them (TOML
// timeline or an imported CSV), the mechanisms act on them at their period.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "country/time.hpp"

namespace unrest::country {

enum class EventType {
  price_hike,
  price_rollback,
  price_cap,
  protest_start,
  internet_shutdown,
  internet_restored,
  state_of_emergency,
  state_of_emergency_lifted,
  government_resigns,
  leader_removed,
  concession,
  shoot_to_kill_order,
  csto_request,
  csto_arrival,
  withdrawal_start,
  withdrawal_progress,
  withdrawal_end,
};

inline constexpr std::array<std::string_view, 17> kEventTypeNames{
    "price_hike",         "price_rollback",    "price_cap",          "protest_start",
    "internet_shutdown",  "internet_restored", "state_of_emergency", "state_of_emergency_lifted",
    "government_resigns", "leader_removed",    "concession",         "shoot_to_kill_order",
    "csto_request",       "csto_arrival",      "withdrawal_start",   "withdrawal_progress",
    "withdrawal_end"};

std::optional<EventType> event_type_named(std::string_view name);
std::string_view name_of(EventType type);

struct Event {
  DateTime at;
  std::optional<std::size_t> region;  // index into Geography::regions; none = national
  EventType type = EventType::price_hike;
  std::string description;
  std::string source;  // where the fact comes from (a URL, or the scenario file)
  double price = 1.0;  // price events: the price relative to the base (2 = doubled)
};

// Whether events of this type carry a price.
inline bool is_price_event(EventType type) {
  return type == EventType::price_hike || type == EventType::price_rollback ||
         type == EventType::price_cap;
}

}  // namespace unrest::country
