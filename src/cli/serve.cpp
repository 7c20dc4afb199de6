// `unrest serve [--port 8080] [--host 127.0.0.1] [--assets DIR] [--threads N]`: the live viewer
// (docs/viewer.md). Serves the bundled viewer (build/web/viewer/, next to the executable) and
// its API until SIGINT or SIGTERM, then stops cleanly and exits 0. Missing viewer files or a
// port that cannot be bound are bad input: a message and exit status 2.
#include <fmt/format.h>

#include <cstdio>
#include <filesystem>

#include "cli/assets.hpp"
#include "cli/commands.hpp"
#include "cli/scenario_args.hpp"
#include "serve/server.hpp"

namespace unrest::cli {
namespace {

struct ServeArgs {
  int port = 8080;
  std::string host = "127.0.0.1";
  std::string assets;
  unsigned threads = 0;
};

std::filesystem::path viewer_directory(const ServeArgs& args) {
  if (!args.assets.empty()) {
    const std::filesystem::path dir(args.assets);
    if (!std::filesystem::is_regular_file(dir / "index.html")) {
      throw scenario::InputError(
          fmt::format("--assets {}: the viewer's files are not there: expected {}", args.assets,
                      (dir / "index.html").string()));
    }
    return dir;
  }
  const std::filesystem::path dir = executable_directory() / "web" / "viewer";
  if (!std::filesystem::is_regular_file(dir / "index.html")) {
    throw scenario::InputError(fmt::format(
        "the viewer's files are not built: expected {}; build with -DUNREST_WEB=ON (needs node "
        "and npm)",
        (dir / "index.html").string()));
  }
  return dir;
}

}  // namespace

Action add_serve(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "serve", "Serve the live viewer: watch and steer a simulation in the browser");
  auto args = std::make_shared<ServeArgs>();
  cmd->add_option("--port", args->port, "TCP port (0: any free port, printed)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  cmd->add_option("--host", args->host,
                  "Address to listen on: loopback only by default; 0.0.0.0 exposes the viewer "
                  "(and control of the simulation) to the network")
      ->capture_default_str();
  cmd->add_option("--assets", args->assets,
                  "Directory of the viewer's files (default: web/viewer next to the executable)");
  cmd->add_option("--threads", args->threads,
                  "Threads for the parallel scheduler (default: all cores); never changes results")
      ->check(CLI::Range(1u, 1024u));
  return [args] {
    serve::ServerOptions options;
    options.host = args->host;
    options.assets = viewer_directory(*args);
    options.simulation.threads = args->threads;
    options.simulation.available_memory = &available_memory_bytes;
    // Before any thread starts, so that every thread leaves SIGINT and SIGTERM to the watcher.
    serve::StopSignals signals;
    serve::Server server(options);
    const int port = server.bind(args->port);
    const bool ipv6 = args->host.find(':') != std::string::npos;
    fmt::print("unrest: serving the viewer at http://{}{}{}:{}/ (Ctrl-C stops)\n", ipv6 ? "[" : "",
               args->host, ipv6 ? "]" : "", port);
    std::fflush(stdout);
    signals.watch([&server] { server.stop(); });
    try {
      server.run();
    } catch (...) {
      signals.end_watch();  // before `server` goes
      throw;
    }
    signals.end_watch();
    return 0;
  };
}

}  // namespace unrest::cli
