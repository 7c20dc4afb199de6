// Scenario -> TOML text, every key with its description and allowed values. Loading the
// output again gives the same effective scenario (tested).
#include <fmt/format.h>

#include <cmath>

#include "scenario/scenario.hpp"
#include "scenario/toml_values.hpp"

namespace unrest::scenario {

std::string Scenario::effective_toml() const {
  std::string out = fmt::format("# Effective scenario from {}\n", source);
  std::string section;
  for (const ParamSpec& spec : parameter_specs()) {
    const std::string this_section = spec.key.substr(0, spec.key.find('.'));
    if (this_section != section) {
      section = this_section;
      out += fmt::format("\n[{}]\n", section);
    }
    out += documented_key(spec, values.at(spec.key));
  }
  return out;
}

std::string parameters_markdown() {
  std::string out = "| key | default | allowed | unit | description |\n|---|---|---|---|---|\n";
  for (const ParamSpec& spec : parameter_specs()) {
    std::string def = value_text(spec.default_value);
    for (std::size_t i = 0; (i = def.find('|', i)) != std::string::npos; i += 2)
      def.replace(i, 1, "\\|");
    out += fmt::format("| `{}` | `{}` | {} | {} | {} |\n", spec.key, def, describe_allowed(spec),
                       spec.unit, spec.description);
  }
  return out;
}

}  // namespace unrest::scenario
