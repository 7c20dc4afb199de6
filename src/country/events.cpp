#include "country/events.hpp"

namespace unrest::country {

std::optional<EventType> event_type_named(std::string_view name) {
  for (std::size_t i = 0; i < kEventTypeNames.size(); ++i) {
    if (kEventTypeNames[i] == name) return static_cast<EventType>(i);
  }
  return std::nullopt;
}

std::string_view name_of(EventType type) {
  return kEventTypeNames[static_cast<std::size_t>(type)];
}

}  // namespace unrest::country
