// The stream's fan-out (docs/viewer.md, "The stream"): the latest `state` and the latest `frame`
// as server-sent-event text, each with a sequence number. Every client waits for something
// newer than it has sent and sends only the latest: a client that falls behind skips frames,
// nothing is queued. Frames reach a client at most once per `min_frame_gap`. Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace unrest::serve {

// At most 30 frames a second reach a client.
inline constexpr std::chrono::microseconds kMinFrameGap(33'334);

// "event: NAME\ndata: DATA\n\n"; `data` must be one line (compact JSON is).
std::string sse_event(const std::string& name, const std::string& data);

class Broadcaster {
 public:
  // What one client has sent: sequence numbers, 0 = nothing yet.
  struct Cursor {
    std::uint64_t state = 0;
    std::uint64_t frame = 0;
    std::chrono::steady_clock::time_point last_frame{};
  };

  explicit Broadcaster(std::size_t max_clients = 16,
                       std::chrono::microseconds min_frame_gap = kMinFrameGap)
      : max_clients_(max_clients), min_frame_gap_(min_frame_gap) {}

  void publish_state(const std::string& json);
  void publish_frame(const std::string& json);
  // The next text for a client: the newer state, then the newer frame (both when both are
  // newer), "" after `idle` with nothing new (send a keep-alive comment), nullopt once closed.
  std::optional<std::string> next(Cursor& cursor, std::chrono::milliseconds idle);
  // Ends every wait, now and later.
  void close();
  bool closed() const;

  // Stream clients: join() refuses beyond max_clients; each join is matched by a leave().
  bool join();
  void leave();
  std::size_t clients() const;

 private:
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::shared_ptr<const std::string> state_;  // as SSE text
  std::shared_ptr<const std::string> frame_;
  std::uint64_t state_seq_ = 0;
  std::uint64_t frame_seq_ = 0;
  bool closed_ = false;
  std::size_t clients_ = 0;
  std::size_t max_clients_;
  std::chrono::microseconds min_frame_gap_;
};

}  // namespace unrest::serve
