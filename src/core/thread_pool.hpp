// A fixed set of worker threads that run one batch of numbered tasks at a time (fork/join).
// Tasks are claimed through an atomic counter, so which thread runs a task is arbitrary:
// callers must make every task's effect independent of that (the parallel scheduler does, so
// its output is the same for any thread count). The calling thread works too.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace unrest::core {

class ThreadPool {
 public:
  // `threads` counts the calling thread; 0 means every hardware thread.
  explicit ThreadPool(unsigned threads);
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  unsigned threads() const { return static_cast<unsigned>(workers_.size()) + 1; }

  // Runs task(0) ... task(count - 1) and returns when all are done. The first exception a
  // task throws is rethrown here after the batch ends. A pool of one thread runs the tasks
  // inline and keeps no state, so callers on several threads may share it.
  void run(std::size_t count, const std::function<void(std::size_t)>& task);

  static unsigned hardware_threads();

 private:
  void work_loop();
  void drain();

  std::vector<std::thread> workers_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable done_;
  const std::function<void(std::size_t)>* task_ = nullptr;
  std::size_t count_ = 0;
  std::atomic<std::size_t> next_{0};
  std::size_t generation_ = 0;
  unsigned busy_ = 0;  // workers still inside the current batch
  bool stop_ = false;
  std::exception_ptr error_;
};

}  // namespace unrest::core
