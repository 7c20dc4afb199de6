// Where a country scenario's texts come from: built-ins and their embedded data files, files on
// disk, and the chain of bases with its loop check.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "scenario/builtins.hpp"
#include "scenario/country_detail.hpp"
#include "scenario/toml_values.hpp"

namespace unrest::scenario::country_detail {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kBuiltin = "builtin:";
constexpr const char* kBuiltinDir = "scenarios";  // a built-in's relative paths start here

bool starts_with(const std::string& s, std::string_view prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

std::optional<std::string> read_file(const std::string& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string builtin_names() {
  std::string names;
  for (const BuiltinScenario& b : builtin_scenarios()) {
    names += (names.empty() ? "" : ", ") + std::string(b.name);
  }
  return names.empty() ? "none" : names;
}

// A scenario found: its name for messages and the chain, what identifies it for the loop check,
// its text, and where its relative paths resolve.
struct Located {
  std::string name;
  std::string identity;
  std::string text;
  Place place;
};

std::optional<Located> locate_builtin(const std::string& name) {
  const BuiltinScenario* b = find_builtin(name);
  if (b == nullptr) return std::nullopt;
  const std::string id = std::string(kBuiltin) + name;
  return Located{id, id, std::string(b->text), Place{true, kBuiltinDir}};
}

std::optional<Located> locate_file(const std::string& path) {
  std::optional<std::string> text = read_file(path);
  if (!text) return std::nullopt;
  std::error_code ec;
  fs::path identity = fs::weakly_canonical(path, ec);
  if (ec) identity = fs::absolute(path).lexically_normal();
  return Located{path, identity.string(), std::move(*text),
                 Place{false, fs::path(path).parent_path().string()}};
}

// The scenario `value` names as the base of `child`: a built-in's name, or a path ending in
// .toml relative to the child (inside the embedded tree if the child is a built-in).
Located locate_base(const ChainFile& child, const std::string& value, const std::string& origin) {
  const bool is_path = value.size() > 5 && value.compare(value.size() - 5, 5, ".toml") == 0;
  if (!is_path) {
    const std::string name = starts_with(value, kBuiltin) ? value.substr(kBuiltin.size()) : value;
    if (auto b = locate_builtin(name)) return *b;
    fail(origin, "base",
         fmt::format("expected a built-in scenario ({}) or a path ending in .toml, got '{}'",
                     builtin_names(), value));
  }
  if (child.place.builtin && !fs::path(value).is_absolute()) {
    const fs::path inside = (fs::path(child.place.dir) / value).lexically_normal();
    if (inside.parent_path() == kBuiltinDir) {
      if (auto b = locate_builtin(inside.stem().string())) return *b;
    }
    fail(origin, "base",
         fmt::format("no built-in scenario at '{}' (built-ins: {})", inside.generic_string(),
                     builtin_names()));
  }
  const std::string path = (fs::path(child.place.dir) / value).lexically_normal().string();
  if (auto f = locate_file(path)) return *f;
  fail(origin, "base",
       fmt::format("expected a readable scenario file, got '{}': no such file", path));
}

}  // namespace

std::vector<ChainFile> load_chain(const std::string& name_or_path) {
  std::optional<Located> current = locate_builtin(name_or_path);
  if (!current) current = locate_file(name_or_path);
  if (!current) {
    throw InputError(
        fmt::format("{}: unknown scenario: not a readable file and not a built-in (built-ins: {})",
                    name_or_path, builtin_names()));
  }
  std::vector<ChainFile> chain;  // the scenario first, its furthest base last
  std::vector<std::string> identities;
  for (;;) {
    identities.push_back(current->identity);
    chain.push_back(ChainFile{current->name, current->text, current->place,
                              parse_toml(current->name, current->text)});
    const ChainFile& child = chain.back();
    const toml::node* base = child.root.get("base");
    if (base == nullptr) break;
    const std::string origin = at_line(child.name, *base);
    if (!base->is_string()) {
      fail(origin, "base",
           fmt::format("expected a built-in scenario's name or a path ending in .toml, got {}",
                       shown(*base)));
    }
    Located next = locate_base(child, base->as_string()->get(), origin);
    const auto seen = std::find(identities.begin(), identities.end(), next.identity);
    if (seen != identities.end()) {
      std::string loop;
      for (auto i = static_cast<std::size_t>(seen - identities.begin()); i < chain.size(); ++i) {
        loop += chain[i].name + " -> ";
      }
      fail(origin, "base", fmt::format("inheritance loop: {}{}", loop, next.name));
    }
    current = std::move(next);
  }
  std::reverse(chain.begin(), chain.end());
  return chain;
}

std::optional<std::string> read_scenario_text(const std::string& name_or_path) {
  if (const BuiltinScenario* b = find_builtin(name_or_path)) return std::string(b->text);
  return read_file(name_or_path);
}

std::string resolve_reference(const Place& place, const std::string& path) {
  if (starts_with(path, kBuiltin)) return path;
  if (place.builtin && !fs::path(path).is_absolute()) {
    return std::string(kBuiltin) + (fs::path(place.dir) / path).lexically_normal().generic_string();
  }
  return fs::absolute(fs::path(place.dir) / path).lexically_normal().string();
}

std::optional<std::string> read_reference(const std::string& reference) {
  if (starts_with(reference, kBuiltin)) {
    const BuiltinDataFile* f = find_builtin_data(reference.substr(kBuiltin.size()));
    if (f == nullptr) return std::nullopt;
    return std::string(f->text);
  }
  return read_file(reference);
}

std::string hash_name(const std::string& reference) {
  const std::string path =
      starts_with(reference, kBuiltin) ? reference.substr(kBuiltin.size()) : reference;
  return fs::path(path).filename().string();
}

}  // namespace unrest::scenario::country_detail
