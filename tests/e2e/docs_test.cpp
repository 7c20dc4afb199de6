// The parameter reference in docs/ is generated from the parameter declarations: this test
// fails when a parameter changes and docs/parameters.md was not regenerated
// (`unrest params` prints the table it must contain).
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

}  // namespace
}  // namespace unrest::e2e
