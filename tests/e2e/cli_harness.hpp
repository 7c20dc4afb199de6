// Helpers for the end-to-end tests: run the `unrest` binary as a user would, with its
// stdout and stderr captured separately, inside a fresh temporary directory per test.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

extern char** environ;

namespace unrest::e2e {

namespace fs = std::filesystem;

inline const fs::path kBinary{UNREST_BINARY};
inline const fs::path kData{UNREST_TEST_DATA};

// A directory under the system's temporary directory, unique to this object, removed (with
// everything in it) when it goes out of scope.
class TempDir {
 public:
  TempDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string stem = "unrest-e2e";
    if (info != nullptr) stem += std::string("-") + info->name();
    for (char& c : stem) {
      if (c == '/') c = '_';
    }
    std::random_device rd;
    for (int attempt = 0; attempt < 100; ++attempt) {
      const fs::path candidate =
          fs::temp_directory_path() /
          (stem + "-" + std::to_string(::getpid()) + "-" + std::to_string(rd()));
      std::error_code ec;
      if (fs::create_directory(candidate, ec) && !ec) {
        path_ = candidate;
        return;
      }
    }
    throw std::runtime_error("cannot create a temporary directory");
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const fs::path& path() const { return path_; }
  fs::path operator/(const std::string& name) const { return path_ / name; }

 private:
  fs::path path_;
};

struct Result {
  int status = -1;         // exit status, or -1 if the process did not exit normally
  int signal = 0;          // the signal that ended it, if any
  bool timed_out = false;  // killed by the timeout guard
  std::string out;         // everything written to stdout
  std::string err;         // everything written to stderr
};

inline std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline void write_file(const fs::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
}

// Starts `program` with `args` (no shell: each argument reaches the program verbatim) in the
// working directory `cwd`, stdin from /dev/null, stdout and stderr into `out_path` and
// `err_path`. Returns its process id; the caller waits for it.
inline pid_t start_program(const fs::path& program, const std::vector<std::string>& args,
                           const fs::path& cwd, const fs::path& out_path,
                           const fs::path& err_path) {
  std::vector<std::string> argv_strings;
  argv_strings.push_back(program.string());
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& s : argv_strings) argv.push_back(s.data());
  argv.push_back(nullptr);
  const std::string program_path = program.string();
  const std::string cwd_path = cwd.string();

  const int in_fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  const int out_fd = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  const int err_fd = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (in_fd < 0 || out_fd < 0 || err_fd < 0) throw std::runtime_error("cannot open capture files");

  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    // Only async-signal-safe calls between fork and exec.
    if (::dup2(in_fd, STDIN_FILENO) < 0 || ::dup2(out_fd, STDOUT_FILENO) < 0 ||
        ::dup2(err_fd, STDERR_FILENO) < 0 || ::chdir(cwd_path.c_str()) != 0) {
      ::_exit(127);
    }
    ::execve(program_path.c_str(), argv.data(), environ);
    ::_exit(127);
  }
  ::close(in_fd);
  ::close(out_fd);
  ::close(err_fd);
  return pid;
}

// Runs `program` as start_program does, with stdout and stderr captured in files of
// `capture_dir`, and waits for it. A process still running after `timeout` is killed and
// reported as timed out.
inline Result run_program(const fs::path& program, const std::vector<std::string>& args,
                          const fs::path& cwd, const fs::path& capture_dir,
                          std::chrono::seconds timeout = std::chrono::seconds(60)) {
  static int counter = 0;
  ++counter;
  const fs::path out_path = capture_dir / (".stdout-" + std::to_string(counter));
  const fs::path err_path = capture_dir / (".stderr-" + std::to_string(counter));
  const pid_t pid = start_program(program, args, cwd, out_path, err_path);

  Result result;
  int wstatus = 0;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    const pid_t done = ::waitpid(pid, &wstatus, WNOHANG);
    if (done == pid) break;
    if (done < 0 && errno != EINTR) throw std::runtime_error("waitpid failed");
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &wstatus, 0);
      result.timed_out = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  if (WIFEXITED(wstatus)) result.status = WEXITSTATUS(wstatus);
  if (WIFSIGNALED(wstatus)) result.signal = WTERMSIG(wstatus);
  result.out = read_file(out_path);
  result.err = read_file(err_path);
  fs::remove(out_path);
  fs::remove(err_path);
  return result;
}

// A test's sandbox: `work` is the working directory of every command (so that the default
// output directory results/ lands there), captures go next to it.
class Sandbox {
 public:
  Sandbox() : work_(dir_ / "work") { fs::create_directory(work_); }
  const fs::path& root() const { return dir_.path(); }
  const fs::path& work() const { return work_; }

  Result unrest(const std::vector<std::string>& args) const {
    return run_program(kBinary, args, work_, dir_.path());
  }

 private:
  TempDir dir_;
  fs::path work_;
};

inline std::ostream& operator<<(std::ostream& os, const Result& r) {
  return os << "status " << r.status << (r.timed_out ? " (timed out)" : "")
            << (r.signal != 0 ? " signal " + std::to_string(r.signal) : std::string())
            << "\n--- stdout\n"
            << r.out << "--- stderr\n"
            << r.err << "---";
}

// The lines of `text`, without their newlines.
inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) out.push_back(line);
  return out;
}

// `text` without its comment lines (those starting with '#'): the data of a CSV file.
inline std::string without_comments(const std::string& text) {
  std::string out;
  for (const std::string& line : lines_of(text)) {
    if (line.empty() || line[0] != '#') out += line + "\n";
  }
  return out;
}

// The names of the entries of `dir`.
inline std::set<std::string> entries_of(const fs::path& dir) {
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.insert(e.path().filename().string());
  return names;
}

}  // namespace unrest::e2e
