#include "scenario/presets.hpp"

#include <map>

namespace unrest::scenario {

const std::vector<std::pair<std::string, std::string>>& preset_values(const std::string& preset) {
  // `paper` reproduces the paper's figures, which needs the floor ratio (the literal C/A of
  // the text never produces outbursts); `paper-literal` keeps the text's literal ratio.
  using Values = std::vector<std::pair<std::string, std::string>>;
  static const Values paper = {
      {"arrest.ratio", "floor"},           {"rules.vision_shape", "disk"},
      {"rules.active_self_count", "once"}, {"rules.order", "move_then_act"},
      {"jail.mode", "off_lattice"},        {"jail.term", "continuous"},
      {"rules.placement", "exact_counts"}};
  static const std::map<std::string, Values> presets = {
      {"paper", paper},
      {"paper-literal",
       [] {
         Values v = paper;
         v.front().second = "literal";
         return v;
       }()},
      {"netlogo",
       {{"arrest.ratio", "floor"},
        {"rules.vision_shape", "disk"},
        {"rules.active_self_count", "twice_when_active"},
        {"rules.order", "move_then_act"},
        {"jail.mode", "stay_invisible"},
        {"jail.term", "integer_below_max"},
        {"rules.placement", "exact_counts"}}},
      {"mesa",
       {{"arrest.ratio", "round"},
        {"rules.vision_shape", "diamond"},
        {"rules.active_self_count", "once"},
        {"rules.order", "act_then_move"},
        {"jail.mode", "stay_blocking"},
        {"jail.term", "integer_up_to_max"},
        {"rules.placement", "per_site"}}},
  };
  static const Values none;
  const auto it = presets.find(preset);
  return it == presets.end() ? none : it->second;
}

}  // namespace unrest::scenario
