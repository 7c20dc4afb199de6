#include "models/epstein/lattice_image.hpp"

#include <gtest/gtest.h>

#include "model1_fixture.hpp"
#include "parallel_model1_fixture.hpp"

namespace unrest::epstein {
namespace {

std::uint8_t pixel(const LatticeImage& image, int x, int y) {
  return image.action[static_cast<std::size_t>(y) * image.width + x];
}
std::uint8_t grievance(const LatticeImage& image, int x, int y) {
  return image.grievance[static_cast<std::size_t>(y) * image.width + x];
}
constexpr auto kEmpty = static_cast<std::uint8_t>(Pixel::empty);
constexpr auto kQuiet = static_cast<std::uint8_t>(Pixel::quiet);
constexpr auto kActive = static_cast<std::uint8_t>(Pixel::active);
constexpr auto kCop = static_cast<std::uint8_t>(Pixel::cop);

TEST(LatticeImage, BlockIsTheLeastThatFitsTheLongerSide) {
  EXPECT_EQ(image_block(40, 40, 400), 1);
  EXPECT_EQ(image_block(400, 10, 400), 1);
  EXPECT_EQ(image_block(401, 10, 400), 2);
  EXPECT_EQ(image_block(10, 1000, 512), 2);
  EXPECT_EQ(image_block(4000, 4000, 512), 8);  // 500 pixels a side
  EXPECT_EQ(image_block(5, 5, 0), 5);          // a side of at least one pixel
}

TEST(LatticeImage, ReferenceWorldShowsEachSiteAndHidesTheJailed) {
  ModelI m(testing_support::empty_params(4), 1);
  testing_support::put_citizen(m, 0, 0, Status::quiet, 0.5f);
  testing_support::put_citizen(m, 1, 0, Status::active, 1.0f);
  testing_support::put_cop(m, 2, 0);
  const std::uint32_t jailed = testing_support::put_citizen(m, 3, 0, Status::quiet, 1.0f);
  testing_support::jail(m, jailed, 10.0);
  const LatticeImage image = lattice_image(m.world(), 0.5, 400);
  ASSERT_EQ(image.width, 4);
  ASSERT_EQ(image.height, 4);
  EXPECT_EQ(image.block, 1);
  EXPECT_EQ(pixel(image, 0, 0), kQuiet);
  EXPECT_EQ(pixel(image, 1, 0), kActive);
  EXPECT_EQ(pixel(image, 2, 0), kCop);
  EXPECT_EQ(pixel(image, 3, 0), kEmpty) << "jailed citizens are hidden, as in the paper";
  EXPECT_EQ(grievance(image, 0, 0), 64);   // G = 0.5 × (1 − 0.5) = 0.25 → 63.5 → 64
  EXPECT_EQ(grievance(image, 1, 0), 127);  // G = 0.5 → 127
  EXPECT_EQ(grievance(image, 2, 0), kNoCitizen) << "a cop has no grievance";
  EXPECT_EQ(grievance(image, 3, 0), kNoCitizen);
}

TEST(LatticeImage, ParallelWorldGivesTheSamePicture) {
  ModelI reference(testing_support::empty_params(4), 1);
  ParallelModelI parallel(parallel_testing::empty_params(4), 1);
  testing_support::put_citizen(reference, 0, 1, Status::quiet, 0.3f);
  testing_support::put_citizen(reference, 2, 3, Status::active, 0.9f);
  testing_support::put_cop(reference, 3, 3);
  parallel_testing::put(parallel, Occupant::quiet, 0, 1, 0.3f);
  parallel_testing::put(parallel, Occupant::active, 2, 3, 0.9f);
  parallel_testing::put(parallel, Occupant::cop, 3, 3);
  const LatticeImage a = lattice_image(reference.world(), 0.8, 3);
  const LatticeImage b = lattice_image(parallel.world(), 0.8, 3);
  EXPECT_EQ(a.block, 2);
  EXPECT_EQ(a.width, 2);
  EXPECT_EQ(a.action, b.action);
  EXPECT_EQ(a.grievance, b.grievance);
}

TEST(LatticeImage, ABlockShowsItsMostCommonOccupantWithTiesToActiveThenCop) {
  ParallelModelI m(parallel_testing::empty_params(4), 1);
  // Block (0,0): two quiet, one active -> quiet.
  parallel_testing::put(m, Occupant::quiet, 0, 0, 0.2f);
  parallel_testing::put(m, Occupant::quiet, 1, 0, 0.4f);
  parallel_testing::put(m, Occupant::active, 0, 1, 0.6f);
  // Block (1,0): one quiet, one active -> active (tie).
  parallel_testing::put(m, Occupant::quiet, 2, 0);
  parallel_testing::put(m, Occupant::active, 3, 0);
  // Block (0,1): one quiet, one cop -> cop (tie).
  parallel_testing::put(m, Occupant::quiet, 0, 2);
  parallel_testing::put(m, Occupant::cop, 1, 2);
  // Block (1,1): empty.
  const LatticeImage image = lattice_image(m.world(), 0.0, 2);
  ASSERT_EQ(image.block, 2);
  EXPECT_EQ(pixel(image, 0, 0), kQuiet);
  EXPECT_EQ(pixel(image, 1, 0), kActive);
  EXPECT_EQ(pixel(image, 0, 1), kCop);
  EXPECT_EQ(pixel(image, 1, 1), kEmpty);
  EXPECT_EQ(grievance(image, 0, 0), 102) << "the mean G of the block's three citizens, 0.4";
  EXPECT_EQ(grievance(image, 1, 1), kNoCitizen);
}

TEST(LatticeImage, AnOddSizedLatticeKeepsItsLastPartialBlock) {
  ParallelModelI m(parallel_testing::empty_params(5), 1);
  parallel_testing::put(m, Occupant::active, 4, 4);
  const LatticeImage image = lattice_image(m.world(), 0.8, 2);
  ASSERT_EQ(image.block, 3);
  ASSERT_EQ(image.width, 2);
  EXPECT_EQ(pixel(image, 1, 1), kActive);
  EXPECT_EQ(image.action.size(), 4u);
}

}  // namespace
}  // namespace unrest::epstein
