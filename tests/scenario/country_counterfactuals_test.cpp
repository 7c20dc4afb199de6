// The kazakhstan-2022 counterfactuals inherit everything from the base and change only what
// they must: the effective scenarios differ in exactly the intended keys or events.
#include <gtest/gtest.h>

#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "scenario/country_scenario.hpp"

namespace unrest::scenario {
namespace {

using country::EventType;

// The lines of one effective scenario that the other lacks, leaving out the header, the
// name and the description.
std::vector<std::string> lines_only_in(const std::string& a, const std::string& b) {
  const auto lines = [](const std::string& text) {
    std::multiset<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
      if (line.rfind("# Effective", 0) == 0 || line.rfind("# Inherited", 0) == 0 ||
          line.rfind("name = ", 0) == 0 || line.rfind("description = ", 0) == 0) {
        continue;
      }
      out.insert(line);
    }
    return out;
  };
  const std::multiset<std::string> in_a = lines(a);
  std::multiset<std::string> in_b = lines(b);
  std::vector<std::string> only;
  for (const std::string& line : in_a) {
    const auto it = in_b.find(line);
    if (it == in_b.end()) {
      only.push_back(line);
    } else {
      in_b.erase(it);
    }
  }
  return only;
}

std::vector<country::Event> without(const std::vector<country::Event>& events,
                                    std::set<EventType> types) {
  std::vector<country::Event> kept;
  for (const country::Event& e : events) {
    if (!types.contains(e.type)) kept.push_back(e);
  }
  return kept;
}

void expect_same_events(const std::vector<country::Event>& a,
                        const std::vector<country::Event>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].at, b[i].at) << i;
    EXPECT_EQ(a[i].type, b[i].type) << i;
    EXPECT_EQ(a[i].region, b[i].region) << i;
    EXPECT_EQ(a[i].price, b[i].price) << i;
  }
}

class Counterfactual : public ::testing::Test {
 protected:
  const CountryScenario base = load_country_scenario("kazakhstan-2022");
  CountryScenario load(const std::string& suffix) {
    CountryScenario s = load_country_scenario("kazakhstan-2022-" + suffix);
    EXPECT_EQ(s.chain.size(), 2u);
    EXPECT_EQ(s.chain.front(), "builtin:kazakhstan-2022");
    return s;
  }
};

TEST_F(Counterfactual, NoInterventionSwitchesTheInterventionOffAndNothingElse) {
  const CountryScenario s = load("no-intervention");
  EXPECT_FALSE(s.params.intervention.enabled);
  EXPECT_EQ(lines_only_in(s.effective_toml(), base.effective_toml()),
            std::vector<std::string>{"enabled = false"});
  EXPECT_EQ(lines_only_in(base.effective_toml(), s.effective_toml()),
            std::vector<std::string>{"enabled = true"});
}

TEST_F(Counterfactual, SuppressChangesTheMandateAndNothingElse) {
  const CountryScenario s = load("suppress");
  EXPECT_EQ(s.params.intervention.mandate, country::Mandate::suppress);
  EXPECT_EQ(lines_only_in(s.effective_toml(), base.effective_toml()),
            std::vector<std::string>{"mandate = \"suppress\""});
}

TEST_F(Counterfactual, RemovalsDropOnlyTheirEvents) {
  const struct {
    const char* suffix;
    std::set<EventType> removed;
  } cases[] = {
      {"no-shutdown", {EventType::internet_shutdown, EventType::internet_restored}},
      {"no-rollback", {EventType::price_rollback, EventType::price_cap}},
      {"no-shoot-order", {EventType::shoot_to_kill_order}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.suffix);
    const CountryScenario s = load(c.suffix);
    EXPECT_LT(s.params.events.size(), base.params.events.size());
    expect_same_events(s.params.events, without(base.params.events, c.removed));
    // Nothing but events differs.
    for (const std::string& line : lines_only_in(base.effective_toml(), s.effective_toml())) {
      EXPECT_TRUE(line.empty() || line.rfind("date", 0) == 0 || line.rfind("time", 0) == 0 ||
                  line.rfind("region", 0) == 0 || line.rfind("type", 0) == 0 ||
                  line.rfind("price", 0) == 0 || line.rfind("description", 0) == 0 ||
                  line.rfind("source", 0) == 0 || line == "[[events.timeline]]")
          << line;
    }
  }
}

TEST_F(Counterfactual, EarlyConcessionsMoveTheResignationAndCapPricesOnTheThird) {
  const CountryScenario s = load("early-concessions");
  std::vector<country::Event> expected =
      without(base.params.events, {EventType::government_resigns});
  std::size_t resignations = 0;
  for (const country::Event& e : s.params.events) {
    if (e.type == EventType::government_resigns) {
      ++resignations;
      EXPECT_EQ(e.at.iso(), "2022-01-03T00:00");
    }
  }
  EXPECT_EQ(resignations, 1u);
  // The base's events but its resignation, plus two on 3 January.
  EXPECT_EQ(s.params.events.size(), expected.size() + 2);
}

}  // namespace
}  // namespace unrest::scenario
