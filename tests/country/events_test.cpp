#include "country/events.hpp"

#include <gtest/gtest.h>

namespace unrest::country {
namespace {

TEST(EventType, NamesRoundTrip) {
  for (std::size_t i = 0; i < kEventTypeNames.size(); ++i) {
    const auto type = static_cast<EventType>(i);
    EXPECT_EQ(event_type_named(name_of(type)), type) << kEventTypeNames[i];
  }
  EXPECT_EQ(name_of(EventType::withdrawal_end), "withdrawal_end");  // the last one
  EXPECT_FALSE(event_type_named("coup").has_value());
  EXPECT_FALSE(event_type_named("").has_value());
}

}  // namespace
}  // namespace unrest::country
