// Helpers of the country loader tests: the synthetic country of tests/scenario/data/country,
// temporary scenario files, and expectations on InputError messages.
#pragma once

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <map>
#include <string>
#include <vector>

#include "scenario/country_scenario.hpp"

namespace unrest::scenario::country_test {

// The synthetic three-region country of tests/scenario/data/country: west (200,000 people, oil
// and gas), east (100,000) and capital (300,000), in a line.
inline std::string data(const std::string& name) {
  return std::string(UNREST_UNIT_TEST_DATA) + "/scenario/data/country/" + name;
}

// A temporary directory for the test's files, removed at the end.
class TempDir {
 public:
  TempDir()
      : dir_(std::filesystem::temp_directory_path() /
             ("unrest-country-" + std::to_string(::getpid()) + "-" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name())) {
    std::filesystem::create_directories(dir_);
  }
  ~TempDir() { std::filesystem::remove_all(dir_); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(dir_ / name) << text;
    return (dir_ / name).string();
  }

 private:
  std::filesystem::path dir_;
};

// The start of a scenario on the test regions over ten days (2022-01-01 .. 2022-01-11).
inline std::string head(const std::string& more_country_keys = "") {
  return "[country]\nregions = \"" + data("regions.csv") +
         "\"\nstart = \"2022-01-01T00:00\"\nend = \"2022-01-11T00:00\"\n" + more_country_keys;
}

inline std::string error_of(const std::string& path, const std::vector<Override>& overrides = {},
                            const LoadOptions& options = {}) {
  try {
    load_country_scenario(path, overrides, options);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

inline void expect_message(const std::string& message,
                           std::initializer_list<std::string> fragments) {
  ASSERT_FALSE(message.empty()) << "no InputError";
  for (const std::string& f : fragments) {
    EXPECT_NE(message.find(f), std::string::npos) << "message lacks '" << f << "': " << message;
  }
}

// Writes `text` as test.toml and expects an InputError whose message has every fragment.
inline void expect_error(const std::string& text, std::initializer_list<std::string> fragments,
                         const std::vector<Override>& overrides = {},
                         const LoadOptions& options = {}) {
  const TempDir dir;
  const std::string message = error_of(dir.write("test.toml", text), overrides, options);
  expect_message(message, fragments);
}

inline CountryScenario load_text(const TempDir& dir, const std::string& text,
                                 const std::vector<Override>& overrides = {}) {
  return load_country_scenario(dir.write("test.toml", text), overrides);
}

// A value as text, to compare values (schedules, which no country key is, have no ==).
inline std::string text_of(const Value& v) {
  if (const auto* d = std::get_if<double>(&v)) return fmt::format("real {}", *d);
  if (const auto* i = std::get_if<std::int64_t>(&v)) return "integer " + std::to_string(*i);
  if (const auto* b = std::get_if<bool>(&v)) return *b ? "true" : "false";
  if (const auto* s = std::get_if<std::string>(&v)) return "text " + *s;
  return "schedule";
}
inline std::map<std::string, std::string> texts_of(const std::map<std::string, Value>& values) {
  std::map<std::string, std::string> out;
  for (const auto& [key, value] : values) out[key] = text_of(value);
  return out;
}

// The effective TOML without its header (which names the source).
inline std::string body(const CountryScenario& s) {
  const std::string t = s.effective_toml();
  return t.substr(t.find("\n["));
}

}  // namespace unrest::scenario::country_test
