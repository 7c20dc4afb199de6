#include "serve/broadcaster.hpp"

namespace unrest::serve {

std::string sse_event(const std::string& name, const std::string& data) {
  std::string text;
  text.reserve(name.size() + data.size() + 16);
  text.append("event: ").append(name).append("\ndata: ").append(data).append("\n\n");
  return text;
}

void Broadcaster::publish_state(const std::string& json) {
  auto text = std::make_shared<const std::string>(sse_event("state", json));
  {
    const std::lock_guard lock(mutex_);
    state_ = std::move(text);
    ++state_seq_;
  }
  changed_.notify_all();
}

void Broadcaster::publish_frame(const std::string& json) {
  auto text = std::make_shared<const std::string>(sse_event("frame", json));
  {
    const std::lock_guard lock(mutex_);
    frame_ = std::move(text);
    ++frame_seq_;
  }
  changed_.notify_all();
}

std::optional<std::string> Broadcaster::next(Cursor& cursor, std::chrono::milliseconds idle) {
  using Clock = std::chrono::steady_clock;
  const auto give_up = Clock::now() + idle;
  std::unique_lock lock(mutex_);
  for (;;) {
    if (closed_) return std::nullopt;
    const bool new_state = state_seq_ > cursor.state;
    const bool new_frame = frame_seq_ > cursor.frame;
    const auto frame_due = cursor.last_frame + min_frame_gap_;
    const bool send_frame = new_frame && Clock::now() >= frame_due;
    if (new_state || send_frame) {
      std::string text;
      if (new_state) {
        text = *state_;
        cursor.state = state_seq_;
      }
      if (send_frame) {
        text += *frame_;
        cursor.frame = frame_seq_;
        cursor.last_frame = Clock::now();
      }
      return text;
    }
    if (Clock::now() >= give_up) return std::string();
    // A newer frame held back by the throttle: wake when it is due.
    changed_.wait_until(lock, new_frame ? std::min(frame_due, give_up) : give_up);
  }
}

void Broadcaster::close() {
  {
    const std::lock_guard lock(mutex_);
    closed_ = true;
  }
  changed_.notify_all();
}

bool Broadcaster::closed() const {
  const std::lock_guard lock(mutex_);
  return closed_;
}

bool Broadcaster::join() {
  const std::lock_guard lock(mutex_);
  if (closed_ || clients_ >= max_clients_) return false;
  ++clients_;
  return true;
}

void Broadcaster::leave() {
  const std::lock_guard lock(mutex_);
  if (clients_ > 0) --clients_;
}

std::size_t Broadcaster::clients() const {
  const std::lock_guard lock(mutex_);
  return clients_;
}

}  // namespace unrest::serve
