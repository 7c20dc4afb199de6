#include "ensemble/result_codec.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace unrest::ensemble {
namespace {

TEST(ResultCodec, ARunCrossesExactly) {
  scenario::CountryScenario s = scenario::load_country_scenario(std::string(UNREST_UNIT_TEST_DATA) +
                                                                "/e2e/data/country/small.toml");
  s.seed = 17;
  const run::CountryRunResult original = run::run_country(s, {}, {.threads = 1});
  const Job job{2, 9, 17};
  const std::vector<std::uint8_t> bytes = encode_result(job, original);
  Job back_job;
  const run::CountryRunResult back = decode_result(bytes, back_job);
  EXPECT_EQ(back_job.scenario, 2u);
  EXPECT_EQ(back_job.replicate, 9u);
  EXPECT_EQ(back_job.seed, 17u);
  EXPECT_EQ(encode_result(back_job, back), bytes);  // nothing lost or rounded
  const country::CountryRecord& a = original.record;
  const country::CountryRecord& b = back.record;
  ASSERT_EQ(b.time, a.time);
  ASSERT_EQ(b.national.size(), a.national.size());
  EXPECT_EQ(b.national.back().detained, a.national.back().detained);
  EXPECT_EQ(b.regions.at(20).at(1).active, a.regions.at(20).at(1).active);
  EXPECT_EQ(b.sites.at(0).name, a.sites.at(0).name);
  EXPECT_EQ(b.outcome.reason, a.outcome.reason);
  EXPECT_EQ(b.outcome.regime, a.outcome.regime);
  EXPECT_EQ(b.outcome.attitude, a.outcome.attitude);
}

TEST(ResultCodec, RefusesBytesItDidNotWrite) {
  Job job;
  EXPECT_THROW(decode_result({1, 2, 3}, job), std::runtime_error);
  EXPECT_THROW(decode_result({0x80}, job), std::runtime_error);  // an empty map
}

}  // namespace
}  // namespace unrest::ensemble
