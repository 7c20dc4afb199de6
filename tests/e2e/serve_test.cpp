// `unrest serve` as a user runs it: the real binary on a free port (--port 0), spoken to over a
// loopback socket by a minimal HTTP client below, which sends each request target verbatim so
// that traversal attempts reach the server as an attacker would write them. Covers the viewer's
// files and traversal, the API's errors, setup and step, the event stream to two clients at
// once, and stopping on SIGTERM; then the missing-assets and port-in-use errors.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "e2e/cli_harness.hpp"

namespace unrest::e2e {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

int connect_to(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) throw std::runtime_error("socket failed");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    throw std::runtime_error("connect failed");
  }
  return fd;
}

void send_all(int fd, const std::string& text) {
  std::size_t sent = 0;
  while (sent < text.size()) {
    const ssize_t n = ::send(fd, text.data() + sent, text.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) throw std::runtime_error("send failed");
    sent += static_cast<std::size_t>(n);
  }
}

// Appends what arrives on `fd` within `wait`; false at the end of the stream.
bool receive(int fd, std::string& into, milliseconds wait) {
  pollfd p{fd, POLLIN, 0};
  if (::poll(&p, 1, static_cast<int>(wait.count())) <= 0) return true;
  char buffer[65536];
  const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
  if (n <= 0) return false;
  into.append(buffer, static_cast<std::size_t>(n));
  return true;
}

std::string request_text(int port, const std::string& method, const std::string& target,
                         const std::string& body, const std::string& headers) {
  std::string text = method;
  text.append(" ").append(target).append(" HTTP/1.1\r\nHost: 127.0.0.1:");
  text.append(std::to_string(port)).append("\r\nConnection: close\r\n").append(headers);
  if (method == "POST") {
    text.append("Content-Type: application/json\r\nContent-Length: ");
    text.append(std::to_string(body.size())).append("\r\n");
  }
  return text.append("\r\n").append(body);
}

struct Response {
  int status = 0;
  std::string body;
};

Response http(int port, const std::string& method, const std::string& target,
              const std::string& body = "", const std::string& headers = "") {
  const int fd = connect_to(port);
  send_all(fd, request_text(port, method, target, body, headers));
  std::string raw;
  const auto give_up = Clock::now() + std::chrono::seconds(30);
  while (Clock::now() < give_up && receive(fd, raw, milliseconds(100))) {
  }
  ::close(fd);
  Response r;
  if (raw.size() > 12 && raw.starts_with("HTTP/1.1 ")) r.status = std::stoi(raw.substr(9, 3));
  const std::size_t end = raw.find("\r\n\r\n");
  if (end != std::string::npos) r.body = raw.substr(end + 4);
  return r;
}

nlohmann::json json_of(const Response& r) {
  return nlohmann::json::parse(r.body, nullptr, false);
}

// One client of /api/stream: everything received so far, chunk framing included (an event is
// written whole, so its text is contiguous).
class EventStream {
 public:
  explicit EventStream(int port) : fd_(connect_to(port)) {
    send_all(fd_, request_text(port, "GET", "/api/stream", "", ""));
  }
  ~EventStream() { ::close(fd_); }
  EventStream(const EventStream&) = delete;
  EventStream& operator=(const EventStream&) = delete;

  // Whether `text` arrives (or has arrived) within `wait`.
  bool wait_for(const std::string& text, milliseconds wait = milliseconds(10000)) {
    const auto give_up = Clock::now() + wait;
    while (received_.find(text) == std::string::npos) {
      if (Clock::now() >= give_up || !receive(fd_, received_, milliseconds(50))) break;
    }
    return received_.find(text) != std::string::npos;
  }
  // Whether `text` has arrived `count` times within `wait`.
  bool wait_for_count(const std::string& text, std::size_t count,
                      milliseconds wait = milliseconds(10000)) {
    const auto give_up = Clock::now() + wait;
    while (occurrences(text) < count) {
      if (Clock::now() >= give_up || !receive(fd_, received_, milliseconds(50))) break;
    }
    return occurrences(text) >= count;
  }
  // Whether the server ends the stream within `wait`.
  bool wait_for_end(milliseconds wait) {
    const auto give_up = Clock::now() + wait;
    while (Clock::now() < give_up) {
      if (!receive(fd_, received_, milliseconds(50))) return true;
    }
    return false;
  }
  const std::string& received() const { return received_; }
  std::size_t occurrences(const std::string& text) const {
    std::size_t n = 0;
    for (std::size_t at = received_.find(text); at != std::string::npos;
         at = received_.find(text, at + text.size())) {
      ++n;
    }
    return n;
  }

 private:
  int fd_;
  std::string received_;
};

// `unrest serve --port 0` on an asset directory of its own, with a secret file beside it.
class Served {
 public:
  explicit Served(const std::vector<std::string>& extra = {}) {
    fs::create_directory(box_.root() / "viewer");
    write_file(box_.root() / "viewer" / "index.html", kIndex);
    write_file(box_.root() / "secret.txt", "secret-content");
    std::vector<std::string> args = {"serve",           "--port",    "0", "--assets",
                                     assets().string(), "--threads", "2"};
    args.insert(args.end(), extra.begin(), extra.end());
    pid_ = start_program(kBinary, args, box_.work(), out_path(), err_path());
    const auto give_up = Clock::now() + std::chrono::seconds(20);
    const std::string prefix = "unrest: serving the viewer at http://127.0.0.1:";
    while (port_ == 0 && Clock::now() < give_up) {
      const std::string out = read_file(out_path());
      const std::size_t at = out.find(prefix);
      if (at != std::string::npos && out.find(" (Ctrl-C stops)\n", at) != std::string::npos) {
        port_ = std::stoi(out.substr(at + prefix.size()));
      } else {
        std::this_thread::sleep_for(milliseconds(10));
      }
    }
  }
  ~Served() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }
  Served(const Served&) = delete;
  Served& operator=(const Served&) = delete;

  static constexpr char kIndex[] = "<!doctype html><title>viewer</title>";
  int port() const { return port_; }
  fs::path assets() const { return box_.root() / "viewer"; }
  std::string err() const { return read_file(err_path()); }

  // Sends `signal` and waits (at most 10 s) for the exit status; -1 if it did not exit.
  int signal_and_wait(int signal) {
    ::kill(pid_, signal);
    const auto give_up = Clock::now() + std::chrono::seconds(10);
    int status = 0;
    while (Clock::now() < give_up) {
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = 0;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
      std::this_thread::sleep_for(milliseconds(5));
    }
    return -1;
  }

 private:
  fs::path out_path() const { return box_.root() / "serve.out"; }
  fs::path err_path() const { return box_.root() / "serve.err"; }

  Sandbox box_;
  pid_t pid_ = 0;
  int port_ = 0;
};

TEST(ServeCommand, ServesTheViewerAndNothingOutsideIt) {
  Served served;
  ASSERT_GT(served.port(), 0) << served.err();
  const Response index = http(served.port(), "GET", "/");
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.body, Served::kIndex);
  EXPECT_EQ(http(served.port(), "GET", "/index.html").body, Served::kIndex);
  for (const char* target :
       {"/../CMakeLists.txt", "/../secret.txt", "/%2e%2e/secret.txt", "/%2e%2e/%2e%2e/etc/passwd",
        "/..%2f..%2fetc/passwd", "/..%2fsecret.txt", "//etc/passwd", "/..\\secret.txt",
        "/%2e%2e%5csecret.txt", "/index.html%00", "/missing.js"}) {
    const Response r = http(served.port(), "GET", target);
    EXPECT_EQ(r.status, 404) << target;
    EXPECT_EQ(r.body.find("secret-content"), std::string::npos) << target;
    EXPECT_EQ(r.body.find("root:"), std::string::npos) << target;
  }
}

TEST(ServeCommand, BadRequestsAnswerWithAMessageNamingTheKey) {
  Served served;
  ASSERT_GT(served.port(), 0) << served.err();
  const int port = served.port();
  const auto error_of = [&](const Response& r) { return json_of(r).value("error", ""); };

  Response r = http(port, "POST", "/api/setup", "{\"scenario\": ");
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(error_of(r).find("malformed JSON"), std::string::npos) << r.body;

  r = http(port, "POST", "/api/setup", R"({"scenario": "epstein-run9"})");
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(error_of(r).find("epstein-run9"), std::string::npos) << r.body;

  r = http(port, "POST", "/api/setup",
           R"({"scenario": "epstein-run2", "set": {"citizens.charisma": 1}})");
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(error_of(r).find("citizens.charisma"), std::string::npos) << r.body;

  r = http(port, "POST", "/api/setup",
           R"({"scenario": "epstein-run2", "set": {"citizens.vision": 5000}})");
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(error_of(r).find("citizens.vision"), std::string::npos) << r.body;
  EXPECT_NE(error_of(r).find("[0, 1000]"), std::string::npos) << r.body;

  r = http(port, "GET", "/api/parameters?scenario=nope");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(http(port, "POST", "/api/play").status, 409);
  EXPECT_EQ(http(port, "POST", "/api/step", R"({"periods": 0})").status, 400);
  EXPECT_EQ(http(port, "GET", "/api/nothing").status, 404);
  EXPECT_EQ(http(port, "POST", "/api/setup", std::string(100'000, ' ')).status, 413);
  // A page of another site may not drive the simulation.
  r = http(port, "POST", "/api/setup", R"({"scenario": "epstein-run2"})",
           "Origin: http://evil.example\r\n");
  EXPECT_EQ(r.status, 403);
  EXPECT_TRUE(json_of(http(port, "GET", "/api/state"))["scenario"].is_null());
}

TEST(ServeCommand, SetupStepAndTwoStreams) {
  Served served;
  ASSERT_GT(served.port(), 0) << served.err();
  const int port = served.port();
  const nlohmann::json scenarios = json_of(http(port, "GET", "/api/scenarios"));
  ASSERT_TRUE(scenarios.is_array());
  EXPECT_EQ(scenarios[0]["name"], "epstein-havens") << "the built-ins, in name order";
  EXPECT_EQ(scenarios[1]["name"], "epstein-run1");
  EXPECT_TRUE(json_of(http(port, "GET", "/api/parameters?scenario=epstein-run2")).is_array());

  EventStream first(port);
  EventStream second(port);
  ASSERT_TRUE(first.wait_for("event: state\ndata: {\"scenario\":null")) << first.received();

  nlohmann::json state =
      json_of(http(port, "POST", "/api/setup", R"({"scenario": "epstein-run2"})"));
  EXPECT_EQ(state["scenario"], "epstein-run2");
  EXPECT_EQ(state["period"], 0);
  state = json_of(http(port, "POST", "/api/step", R"({"periods": 50})"));
  EXPECT_EQ(state["period"], 50);
  EXPECT_EQ(state["playing"], false);

  const std::string frame50 = "event: frame\ndata: {\"period\":50,";
  EXPECT_TRUE(first.wait_for(frame50)) << first.received().substr(0, 2000);
  EXPECT_TRUE(second.wait_for(frame50)) << second.received().substr(0, 2000);
  // A client connecting now hears the state, then the latest frame.
  EventStream late(port);
  EXPECT_TRUE(late.wait_for(frame50));
  const std::size_t state_at = late.received().find("event: state\ndata: {\"scenario\":\"epstein");
  EXPECT_LT(state_at, late.received().find(frame50));
  EXPECT_EQ(json_of(http(port, "GET", "/api/state"))["period"], 50);
}

TEST(ServeCommand, SigtermStopsPromptlyWhilePlayingAndStreaming) {
  Served served;
  ASSERT_GT(served.port(), 0) << served.err();
  EventStream stream(served.port());
  http(served.port(), "POST", "/api/setup", R"({"scenario": "epstein-run2"})");
  EXPECT_EQ(json_of(http(served.port(), "POST", "/api/play"))["playing"], true);
  EXPECT_TRUE(stream.wait_for_count("event: frame", 3));  // period 0's, then played ones
  const auto signalled = Clock::now();
  EXPECT_EQ(served.signal_and_wait(SIGTERM), 0) << served.err();
  EXPECT_LT(Clock::now() - signalled, std::chrono::seconds(3));
  EXPECT_TRUE(stream.wait_for_end(milliseconds(2000)));
}

TEST(ServeCommand, SigintStopsToo) {
  Served served;
  ASSERT_GT(served.port(), 0) << served.err();
  EXPECT_EQ(served.signal_and_wait(SIGINT), 0) << served.err();
}

TEST(ServeCommand, MissingViewerFilesExit2) {
  const Sandbox box;
  const Result r = box.unrest({"serve", "--port", "0", "--assets", (box.root() / "none").string()});
  EXPECT_EQ(r.status, 2) << r;
  EXPECT_NE(r.err.find("index.html"), std::string::npos) << r;
  EXPECT_TRUE(r.out.empty()) << r;
}

TEST(ServeCommand, PortInUseExit2) {
  Served served;
  ASSERT_GT(served.port(), 0) << served.err();
  const Sandbox box;
  const Result r = box.unrest(
      {"serve", "--port", std::to_string(served.port()), "--assets", served.assets().string()});
  EXPECT_EQ(r.status, 2) << r;
  EXPECT_NE(r.err.find("in use"), std::string::npos) << r;
}

}  // namespace
}  // namespace unrest::e2e
