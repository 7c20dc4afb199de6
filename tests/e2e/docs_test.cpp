// The parameter references in docs/ are generated from the parameter declarations: these tests
// fail when a parameter changes and docs/parameters.md (`unrest params`) or
// docs/country-parameters.md (`unrest params --country`) was not regenerated.
#include <gtest/gtest.h>

#include "e2e/cli_harness.hpp"

namespace unrest::e2e {
namespace {

TEST(Docs, ParameterReferenceMatchesTheDeclarations) {
  const Sandbox box;
  const Result r = box.unrest({"params"});
  ASSERT_EQ(r.status, 0) << r;
  EXPECT_NE(r.out.find("| `citizens.legitimacy` | `0.82` |"), std::string::npos) << r.out;
  const std::string doc = read_file(fs::path(UNREST_DOCS) / "parameters.md");
  EXPECT_NE(doc.find(r.out), std::string::npos)
      << "docs/parameters.md is stale: regenerate its table with `unrest params`";
}

TEST(Docs, CountryParameterReferenceMatchesTheDeclarations) {
  const Sandbox box;
  const Result r = box.unrest({"params", "--country"});
  ASSERT_EQ(r.status, 0) << r;
  EXPECT_NE(r.out.find("| `hardship.sensitivity` |"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("`[[sites.list]]`"), std::string::npos) << r.out;
  const std::string doc = read_file(fs::path(UNREST_DOCS) / "country-parameters.md");
  EXPECT_NE(doc.find(r.out), std::string::npos)
      << "docs/country-parameters.md is stale: regenerate it with `unrest params --country`";
}

}  // namespace
}  // namespace unrest::e2e
