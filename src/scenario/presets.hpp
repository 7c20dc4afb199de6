// Presets: one name sets every implementation detail on which the paper and the peer
// implementations differ (the table of the spec), so a user can match a peer in one line.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace unrest::scenario {

// (key, choice) pairs the preset sets; empty for an unknown preset.
const std::vector<std::pair<std::string, std::string>>& preset_values(const std::string& preset);

}  // namespace unrest::scenario
