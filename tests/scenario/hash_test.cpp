#include <gtest/gtest.h>

#include <string>

#include "scenario/scenario.hpp"

namespace unrest::scenario {
namespace {

TEST(Sha256Hex, KnownVectors) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  // Bytes after an embedded NUL count.
  EXPECT_NE(sha256_hex(std::string("a\0b", 3)), sha256_hex("a"));
}

TEST(Sha256Hex, LowercaseSixtyFourHexDigits) {
  const std::string h = sha256_hex("[citizens]\ndensity = 0.7\n");
  ASSERT_EQ(h.size(), 64u);
  for (char c : h) EXPECT_TRUE((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) << c;
}

}  // namespace
}  // namespace unrest::scenario
