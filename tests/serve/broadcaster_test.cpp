#include "serve/broadcaster.hpp"

#include <gtest/gtest.h>

#include <thread>

namespace unrest::serve {
namespace {

using std::chrono::milliseconds;

TEST(ServeBroadcaster, NewClientGetsStateThenLatestFrame) {
  Broadcaster b(4, milliseconds(0));
  b.publish_state("{\"s\":1}");
  b.publish_frame("{\"f\":1}");
  b.publish_frame("{\"f\":2}");
  Broadcaster::Cursor c;
  const auto text = b.next(c, milliseconds(10));
  ASSERT_TRUE(text);
  EXPECT_EQ(*text, "event: state\ndata: {\"s\":1}\n\nevent: frame\ndata: {\"f\":2}\n\n");
  EXPECT_EQ(b.next(c, milliseconds(5)), std::string());  // nothing new: keep-alive
}

TEST(ServeBroadcaster, ASlowClientSkipsToTheLatestFrame) {
  Broadcaster b(4, milliseconds(0));
  Broadcaster::Cursor c;
  b.publish_state("{}");
  ASSERT_TRUE(b.next(c, milliseconds(10)));
  for (int i = 1; i <= 100; ++i) b.publish_frame("{\"f\":" + std::to_string(i) + "}");
  EXPECT_EQ(b.next(c, milliseconds(10)), "event: frame\ndata: {\"f\":100}\n\n");
}

TEST(ServeBroadcaster, FramesAreThrottledPerClient) {
  Broadcaster b(4, milliseconds(50));
  Broadcaster::Cursor c;
  b.publish_frame("1");
  ASSERT_EQ(b.next(c, milliseconds(10)), "event: frame\ndata: 1\n\n");
  const auto sent = std::chrono::steady_clock::now();
  b.publish_frame("2");
  b.publish_frame("3");
  EXPECT_EQ(b.next(c, milliseconds(1000)), "event: frame\ndata: 3\n\n");
  EXPECT_GE(std::chrono::steady_clock::now() - sent, milliseconds(40));
}

TEST(ServeBroadcaster, WaitingClientWakesOnPublishAndClose) {
  Broadcaster b(4, milliseconds(0));
  Broadcaster::Cursor c;
  std::thread publisher([&] {
    std::this_thread::sleep_for(milliseconds(20));
    b.publish_state("x");
  });
  EXPECT_EQ(b.next(c, milliseconds(5000)), "event: state\ndata: x\n\n");
  publisher.join();
  std::thread closer([&] {
    std::this_thread::sleep_for(milliseconds(20));
    b.close();
  });
  EXPECT_FALSE(b.next(c, milliseconds(5000)));
  closer.join();
  EXPECT_TRUE(b.closed());
}

TEST(ServeBroadcaster, ClientsAreCountedAndLimited) {
  Broadcaster b(2);
  EXPECT_TRUE(b.join());
  EXPECT_TRUE(b.join());
  EXPECT_FALSE(b.join());
  EXPECT_EQ(b.clients(), 2u);
  b.leave();
  EXPECT_TRUE(b.join());
  b.close();
  EXPECT_FALSE(b.join());
}

}  // namespace
}  // namespace unrest::serve
