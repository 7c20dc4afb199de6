// The one simulation the viewer shows, and the thread that steps it (docs/viewer.md): setup,
// play, pause, step and view as the HTTP handlers call them, each answering the state object
// as JSON and publishing it to the stream; frames published after stepped periods, at most one
// per 1/30 s, and always one for the period where stepping stops. Play steps at most 30
// periods a second (a frame each), so that every period of a small model is seen; `step` runs
// flat out.
//
// Ownership of the LiveSimulation: the stepping thread owns it while `stepping_` is set;
// anyone else touches it only holding `mutex_` while `stepping_` is clear. Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "serve/broadcaster.hpp"
#include "serve/live_simulation.hpp"

namespace unrest::serve {

// A command that needs a set-up simulation came before Setup (HTTP 409).
class NotSetUp : public std::runtime_error {
 public:
  NotSetUp() : std::runtime_error("no simulation yet: choose a scenario and press Setup") {}
};

class Controller {
 public:
  Controller(const LiveOptions& options, Broadcaster& broadcaster);
  ~Controller();
  Controller(const Controller&) = delete;
  Controller& operator=(const Controller&) = delete;

  // Each returns the state object after the command, as JSON. Bad input throws
  // scenario::InputError; play, pause, step and view before setup throw NotSetUp.
  std::string setup(const std::string& scenario, const std::vector<scenario::Override>& overrides);
  std::string play();
  std::string pause();
  // Steps `periods` periods (fewer at the horizon), pausing first if playing; returns after them.
  std::string step(std::uint32_t periods);
  std::string view(const std::string& region);
  std::string state() const;

  // Ends the stepping thread and any step() waiting; later commands do nothing.
  void stop();

 private:
  using Clock = std::chrono::steady_clock;
  // A little slower than the stream's 30 frames a second, so that no played period's frame
  // waits out a client's throttle and is overtaken.
  static constexpr auto kPlayPace = std::chrono::milliseconds(34);
  // Frames are made at most this often: a little under the play pace, timed from when the last
  // frame was begun, so that play at full pace frames every period (a gap equal to the pace
  // would miss every other one by the time a frame takes to make).
  static constexpr auto kFrameGap = std::chrono::milliseconds(30);

  void run();
  // The following need mutex_ held.
  std::string state_locked() const;
  void require_setup() const;
  void wait_idle(std::unique_lock<std::mutex>& lock);
  void publish_state_locked();
  void publish_frame_locked();  // and !stepping_

  LiveOptions options_;
  Broadcaster& broadcaster_;
  std::mutex setup_mutex_;  // one setup at a time (building a model may take seconds)
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::unique_ptr<LiveSimulation> sim_;
  std::shared_ptr<const SimulationInfo> info_;
  std::string map_;  // info_'s map as compact JSON
  std::uint32_t period_ = 0;
  std::optional<std::size_t> region_;
  bool playing_ = false;
  std::uint32_t steps_left_ = 0;  // of a step() command
  bool stepping_ = false;
  bool stopping_ = false;
  std::uint64_t generation_ = 0;  // setups so far
  std::uint32_t framed_period_ = 0;
  Clock::time_point last_frame_{};
  Clock::time_point next_play_{};
  std::thread thread_;
};

}  // namespace unrest::serve
