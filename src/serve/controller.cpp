#include "serve/controller.hpp"

#include <algorithm>

#include "serve/messages.hpp"

namespace unrest::serve {

Controller::Controller(const LiveOptions& options, Broadcaster& broadcaster)
    : options_(options), broadcaster_(broadcaster) {
  {
    const std::lock_guard lock(mutex_);
    publish_state_locked();  // so that a client connecting before any setup hears something
  }
  thread_ = std::thread([this] { run(); });
}

Controller::~Controller() {
  stop();
}

void Controller::stop() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
    playing_ = false;
    steps_left_ = 0;
  }
  changed_.notify_all();
  if (thread_.joinable() && thread_.get_id() != std::this_thread::get_id()) thread_.join();
}

std::string Controller::setup(const std::string& scenario,
                              const std::vector<scenario::Override>& overrides) {
  const std::lock_guard one_setup(setup_mutex_);
  // Built (and validated) aside, so that a bad request leaves the running simulation alone.
  auto sim = std::make_unique<LiveSimulation>(scenario, overrides, options_);
  const std::string frame = frame_json(sim->frame(), sim->info());
  auto info = std::make_shared<const SimulationInfo>(sim->info());
  std::string map = compact_json(info->map_geojson);
  std::unique_ptr<LiveSimulation> old;
  std::string state;
  {
    std::unique_lock lock(mutex_);
    playing_ = false;
    steps_left_ = 0;
    wait_idle(lock);
    old = std::move(sim_);
    sim_ = std::move(sim);
    info_ = std::move(info);
    map_ = std::move(map);
    period_ = 0;
    region_ = sim_->viewed_region();
    ++generation_;
    publish_state_locked();
    broadcaster_.publish_frame(frame);
    framed_period_ = 0;
    last_frame_ = Clock::now();
    state = state_locked();
  }
  changed_.notify_all();
  return state;  // `old` is freed here, outside the lock: a large model takes a while
}

std::string Controller::play() {
  std::string state;
  {
    const std::lock_guard lock(mutex_);
    require_setup();
    if (!stopping_ && period_ < info_->periods) {
      playing_ = true;
      next_play_ = Clock::now();
    }
    publish_state_locked();
    state = state_locked();
  }
  changed_.notify_all();
  return state;
}

std::string Controller::pause() {
  std::unique_lock lock(mutex_);
  require_setup();
  playing_ = false;
  steps_left_ = 0;
  wait_idle(lock);
  if (framed_period_ != period_) publish_frame_locked();
  publish_state_locked();
  changed_.notify_all();
  return state_locked();
}

std::string Controller::step(std::uint32_t periods) {
  std::unique_lock lock(mutex_);
  require_setup();
  playing_ = false;
  wait_idle(lock);
  steps_left_ = stopping_ ? 0 : std::min(periods, info_->periods - period_);
  const std::uint64_t generation = generation_;
  changed_.notify_all();
  changed_.wait(lock, [&] {
    return stopping_ || generation_ != generation || (steps_left_ == 0 && !stepping_);
  });
  if (generation_ == generation && !stepping_ && framed_period_ != period_) {
    publish_frame_locked();
  }
  publish_state_locked();
  return state_locked();
}

std::string Controller::view(const std::string& region) {
  std::unique_lock lock(mutex_);
  require_setup();
  wait_idle(lock);
  sim_->view(region);
  region_ = sim_->viewed_region();
  publish_frame_locked();
  publish_state_locked();
  changed_.notify_all();
  return state_locked();
}

std::string Controller::state() const {
  const std::lock_guard lock(mutex_);
  return state_locked();
}

void Controller::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    changed_.wait(lock, [&] { return stopping_ || (sim_ && (steps_left_ > 0 || playing_)); });
    if (stopping_) return;
    const bool playing = steps_left_ == 0;
    if (playing) {
      // Play keeps to a frame's pace: at most 30 periods a second.
      if (Clock::now() < next_play_) {
        changed_.wait_until(lock, next_play_,
                            [&] { return stopping_ || !playing_ || steps_left_ > 0; });
        continue;
      }
      next_play_ = Clock::now() + kPlayPace;
    } else {
      --steps_left_;
    }
    stepping_ = true;
    LiveSimulation& sim = *sim_;
    const SimulationInfo& info = *info_;
    lock.unlock();
    sim.step();
    lock.lock();
    period_ = sim.period();
    const bool horizon = sim.finished();
    if (horizon) {
      playing_ = false;
      steps_left_ = 0;
    }
    // The last period before stepping stops always gets its frame.
    const bool stopping_here = !playing_ && steps_left_ == 0;
    const auto now = Clock::now();
    if (stopping_here || now - last_frame_ >= kFrameGap) {
      last_frame_ = now;
      lock.unlock();
      const std::string frame = frame_json(sim.frame(), info);
      lock.lock();
      broadcaster_.publish_frame(frame);
      framed_period_ = sim.period();
    }
    stepping_ = false;
    if (horizon && playing) publish_state_locked();
    changed_.notify_all();
  }
}

std::string Controller::state_locked() const {
  return state_json({info_.get(), period_, region_, playing_, map_});
}

void Controller::require_setup() const {
  if (!sim_) throw NotSetUp();
}

void Controller::wait_idle(std::unique_lock<std::mutex>& lock) {
  changed_.wait(lock, [&] { return !stepping_; });
}

void Controller::publish_state_locked() {
  broadcaster_.publish_state(state_locked());
}

void Controller::publish_frame_locked() {
  broadcaster_.publish_frame(frame_json(sim_->frame(), *info_));
  framed_period_ = period_;
  last_frame_ = Clock::now();
}

}  // namespace unrest::serve
