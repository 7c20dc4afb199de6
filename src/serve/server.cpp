#include "serve/server.hpp"

#include <fmt/format.h>
#include <httplib.h>
#include <sys/socket.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "serve/broadcaster.hpp"
#include "serve/controller.hpp"
#include "serve/messages.hpp"
#include "serve/static_files.hpp"

namespace unrest::serve {
namespace {

constexpr std::size_t kMaxBody = 64 * 1024;
constexpr std::size_t kMaxStreams = 16;
constexpr std::size_t kWorkers = kMaxStreams + 16;  // every stream holds a worker
constexpr auto kKeepAlive = std::chrono::seconds(15);
constexpr char kKeepAliveComment[] = ": keep-alive\n\n";
constexpr char kJson[] = "application/json";

// "127.0.0.1" from "127.0.0.1:8080", "[::1]" from "[::1]:8080".
std::string_view host_part(std::string_view authority) {
  if (!authority.empty() && authority.front() == '[') {
    return authority.substr(0, authority.find(']') + 1);
  }
  return authority.substr(0, authority.rfind(':'));
}

bool loopback_name(std::string_view host) {
  return host == "localhost" || host == "[::1]" || host == "::1" || host.starts_with("127.");
}

// A page from another site may not drive the server (a POST from it carries its Origin), nor
// may one reach it through a name rebound to 127.0.0.1 (its Host is then that name).
std::optional<std::string> refusal(const httplib::Request& req, bool loopback) {
  const std::string host = req.get_header_value("Host");
  if (loopback && !host.empty() && !loopback_name(host_part(host))) {
    return fmt::format("Host '{}': this server answers only to 127.0.0.1 and localhost", host);
  }
  if (req.method == "POST" && req.has_header("Origin")) {
    const std::string origin = req.get_header_value("Origin");
    const std::size_t scheme = origin.find("://");
    if (scheme == std::string::npos || origin.substr(scheme + 3) != host) {
      return fmt::format("Origin '{}': a page from another site may not control the simulation",
                         origin);
    }
  }
  return std::nullopt;
}

void answer_error(httplib::Response& res, int status, const std::string& message) {
  res.status = status;
  res.set_content(error_json(message), kJson);
}

// Runs a handler's body: its JSON answer, or the error object with 400, 409 or 500.
template <class Fn>
void answer(httplib::Response& res, Fn&& fn) {
  try {
    res.set_content(fn(), kJson);
  } catch (const scenario::InputError& e) {
    answer_error(res, 400, e.what());
  } catch (const NotSetUp& e) {
    answer_error(res, 409, e.what());
  } catch (const std::exception& e) {
    answer_error(res, 500, fmt::format("internal error: {}", e.what()));
  }
}

std::optional<std::string> read_whole(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in && !in.eof()) return std::nullopt;
  return text.str();
}

}  // namespace

struct Server::Impl {
  explicit Impl(ServerOptions o)
      : options(std::move(o)),
        broadcaster(kMaxStreams),
        controller(options.simulation, broadcaster),
        scenarios(scenarios_json(builtin_scenario_list())),
        loopback(loopback_name(options.host)) {
    routes();
  }

  void routes();
  void stream(httplib::Response& res);
  void static_file(const httplib::Request& req, httplib::Response& res) const;

  ServerOptions options;
  Broadcaster broadcaster;
  Controller controller;
  std::string scenarios;  // the catalogue, as JSON: loaded once
  bool loopback;
  httplib::Server http;
  std::atomic<bool> stopping{false};
  std::atomic<bool> entered{false};
  std::atomic<bool> finished{false};
};

void Server::Impl::routes() {
  http.new_task_queue = [] { return new httplib::ThreadPool(kWorkers); };
  http.set_payload_max_length(kMaxBody);
  http.set_tcp_nodelay(true);
  // Short waits on idle connections, so that stopping is prompt.
  http.set_keep_alive_timeout(1);
  http.set_read_timeout(5);
  http.set_write_timeout(5);
  // SO_REUSEADDR only: httplib's default adds SO_REUSEPORT, which lets a second server share
  // a port in use instead of failing.
  http.set_socket_options([](socket_t sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    const auto refused = refusal(req, loopback);
    if (!refused) return httplib::Server::HandlerResponse::Unhandled;
    answer_error(res, 403, *refused);
    return httplib::Server::HandlerResponse::Handled;
  });
  http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;  // a handler's own error object
    const std::string message =
        res.status == 404   ? fmt::format("{} {}: not found", req.method, req.path)
        : res.status == 413 ? fmt::format("request body: larger than {} bytes", kMaxBody)
                            : fmt::format("HTTP status {}", res.status);
    res.set_content(error_json(message), kJson);
  });

  http.Get("/api/scenarios", [this](const httplib::Request&, httplib::Response& res) {
    res.set_content(scenarios, kJson);
  });
  http.Get("/api/parameters", [](const httplib::Request& req, httplib::Response& res) {
    answer(res, [&] {
      if (!req.has_param("scenario")) {
        throw scenario::InputError(
            "query: key 'scenario': expected ?scenario=NAME, a built-in scenario");
      }
      return parameters_json(scenario_parameters(req.get_param_value("scenario")));
    });
  });
  http.Get("/api/state", [this](const httplib::Request&, httplib::Response& res) {
    answer(res, [&] { return controller.state(); });
  });
  http.Get("/api/stream", [this](const httplib::Request&, httplib::Response& res) { stream(res); });
  http.Post("/api/setup", [this](const httplib::Request& req, httplib::Response& res) {
    answer(res, [&] {
      const SetupRequest setup = parse_setup(req.body);
      return controller.setup(setup.scenario, setup.overrides);
    });
  });
  http.Post("/api/play", [this](const httplib::Request&, httplib::Response& res) {
    answer(res, [&] { return controller.play(); });
  });
  http.Post("/api/pause", [this](const httplib::Request&, httplib::Response& res) {
    answer(res, [&] { return controller.pause(); });
  });
  http.Post("/api/step", [this](const httplib::Request& req, httplib::Response& res) {
    answer(res, [&] { return controller.step(parse_step(req.body)); });
  });
  http.Post("/api/view", [this](const httplib::Request& req, httplib::Response& res) {
    answer(res, [&] { return controller.view(parse_view(req.body)); });
  });
  http.Get("(.*)",
           [this](const httplib::Request& req, httplib::Response& res) { static_file(req, res); });
}

void Server::Impl::stream(httplib::Response& res) {
  if (!broadcaster.join()) {
    answer_error(res, 503, fmt::format("at most {} streams at once", kMaxStreams));
    return;
  }
  auto cursor = std::make_shared<Broadcaster::Cursor>();
  res.set_header("Cache-Control", "no-cache");
  res.set_chunked_content_provider(
      "text/event-stream",
      [this, cursor](std::size_t, httplib::DataSink& sink) {
        const std::optional<std::string> text = broadcaster.next(*cursor, kKeepAlive);
        if (!text) {  // stopping
          sink.done();
          return true;
        }
        if (text->empty()) return sink.write(kKeepAliveComment, sizeof kKeepAliveComment - 1);
        return sink.write(text->data(), text->size());  // false: the client has gone
      },
      [this](bool) { broadcaster.leave(); });
}

void Server::Impl::static_file(const httplib::Request& req, httplib::Response& res) const {
  const std::optional<StaticFile> file = resolve_static(options.assets, req.target);
  const std::optional<std::string> content = file ? read_whole(file->path) : std::nullopt;
  if (!content) {
    answer_error(res, 404, "not found");
    return;
  }
  res.set_header("Cache-Control", "no-cache");
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_content(*content, file->content_type);
}

Server::Server(ServerOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}

Server::~Server() {
  stop();
}

int Server::bind(int port) {
  const std::string& host = impl_->options.host;
  errno = 0;
  const int bound = port == 0 ? impl_->http.bind_to_any_port(host)
                              : (impl_->http.bind_to_port(host, port) ? port : -1);
  if (bound > 0) return bound;
  const int error = errno;
  const std::string where = fmt::format("{}:{}", host, port);
  if (error == EADDRINUSE) {
    throw scenario::InputError(fmt::format(
        "cannot listen on {}: the port is in use; choose another with --port (--port 0 picks a "
        "free one)",
        where));
  }
  throw scenario::InputError(
      fmt::format("cannot listen on {}: {}", where,
                  error != 0 ? std::strerror(error) : "not an address of this machine"));
}

void Server::run() {
  impl_->entered = true;
  if (!impl_->stopping) impl_->http.listen_after_bind();
  impl_->finished = true;
}

void Server::stop() {
  impl_->stopping = true;
  impl_->controller.stop();
  impl_->broadcaster.close();
  // httplib's stop() does nothing until listening has begun: wait for it, if run() has begun.
  while (impl_->entered && !impl_->finished) {
    if (impl_->http.is_running()) {
      impl_->http.stop();
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

StopSignals::StopSignals() {
  sigemptyset(&signals_);
  sigaddset(&signals_, SIGINT);
  sigaddset(&signals_, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals_, &previous_);
}

StopSignals::~StopSignals() {
  end_watch();
  pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
}

void StopSignals::watch(std::function<void()> on_signal) {
  watcher_ = std::thread([this, on_signal = std::move(on_signal)] {
    const timespec tick{0, 50'000'000};  // sees ending_ within 50 ms
    bool stopping = false;
    while (!ending_) {
      if (sigtimedwait(&signals_, nullptr, &tick) < 0) continue;  // EAGAIN or EINTR
      if (stopping) {
        constexpr char kMessage[] = "unrest: stopped at once\n";
        [[maybe_unused]] const auto n = std::fwrite(kMessage, 1, sizeof kMessage - 1, stderr);
        std::_Exit(130);
      }
      stopping = true;
      stopper_ = std::thread(on_signal);  // stopping takes a while; a second signal may come
    }
  });
}

void StopSignals::end_watch() {
  ending_ = true;
  if (watcher_.joinable()) watcher_.join();
  if (stopper_.joinable()) stopper_.join();
}

}  // namespace unrest::serve
