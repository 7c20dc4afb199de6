// `unrest serve`'s HTTP server (docs/viewer.md): the viewer's files from the asset directory,
// the JSON API onto one Controller, and the server-sent-event stream from a Broadcaster. Binds
// 127.0.0.1 unless told otherwise; request bodies are limited to 64 KiB; a cross-site POST (an
// Origin other than the Host) is refused. stop() ends the stepping thread, every stream and
// the listener, from any thread (not from a signal handler: see StopSignals).
#pragma once

#include <signal.h>

#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "serve/live_simulation.hpp"

namespace unrest::serve {

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::filesystem::path assets;  // holds index.html
  LiveOptions simulation;
};

class Server {
 public:
  explicit Server(ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds `port` on the host (0: any free port). Returns the port bound; throws
  // scenario::InputError saying why when it cannot (e.g. the port is in use).
  int bind(int port);
  // Serves until stop(); returns when every connection has ended.
  void run();
  // Idempotent; safe from any thread, before, during or after run().
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// SIGINT and SIGTERM as a request to stop, not in a signal handler: the constructor blocks both
// in the calling thread, and every thread it starts later inherits the mask, so they stay
// pending until watch()'s thread takes them with sigtimedwait and starts `on_signal` on a
// thread of its own. A second signal while stopping ends the process at once (status 130).
// Construct before any other thread.
class StopSignals {
 public:
  StopSignals();
  ~StopSignals();  // ends the watch; restores the mask
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

  void watch(std::function<void()> on_signal);
  // Ends the watch (joins its thread): call it before whatever on_signal uses is destroyed.
  void end_watch();

 private:
  sigset_t signals_{};
  sigset_t previous_{};
  std::atomic<bool> ending_{false};
  std::thread watcher_;
  std::thread stopper_;  // runs on_signal
};

}  // namespace unrest::serve
