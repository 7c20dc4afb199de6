// unrest: command-line entry point. Parses arguments with CLI11 and dispatches to the
// subcommand; turns bad input into one message on stderr and exit status 2.
#include <fmt/format.h>

#include <cstdio>

#include "cli/commands.hpp"
#include "io/atomic_file.hpp"
#include "io/build_info.hpp"
#include "mpi/distributed.hpp"
#include "scenario/scenario.hpp"

int main(int argc, char** argv) {
  using namespace unrest;
  const mpi::Session mpi_session(argc, argv);  // only under mpirun
  // Under mpirun every rank meets the same bad input; rank 0 alone reports it.
  const bool report_errors = mpi::rank() == 0;
  CLI::App app{
      "unrest: a fast, reproducible simulator of civil unrest (Epstein's civil-violence model)"};
  app.set_version_flag("--version",
                       fmt::format("unrest {} (commit {})", io::kVersion, io::kGitCommit));
  app.require_subcommand(1);
  const cli::Action list = cli::add_list(app);
  const cli::Action show = cli::add_show(app);
  const cli::Action run = cli::add_run(app);
  const cli::Action params = cli::add_params(app);
  const cli::Action ensemble = cli::add_ensemble(app);
  const cli::Action compare = cli::add_compare(app);
  const cli::Action sweep = cli::add_sweep(app);
  const cli::Action query = cli::add_query(app);
  const cli::Action export_store = cli::add_export(app);
  const cli::Action report = cli::add_report(app);
  const cli::Action serve = cli::add_serve(app);
  const cli::Action experiment = cli::add_experiment(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (!report_errors) return e.get_exit_code() == 0 ? 0 : cli::kExitBadInput;
    const int code = app.exit(e);
    return code == 0 ? 0 : cli::kExitBadInput;
  }
  try {
    if (app.got_subcommand("list")) return list();
    if (app.got_subcommand("show")) return show();
    if (app.got_subcommand("run")) return run();
    if (app.got_subcommand("params")) return params();
    if (app.got_subcommand("ensemble")) return ensemble();
    if (app.got_subcommand("compare")) return compare();
    if (app.got_subcommand("sweep")) return sweep();
    if (app.got_subcommand("query")) return query();
    if (app.got_subcommand("export")) return export_store();
    if (app.got_subcommand("report")) return report();
    if (app.got_subcommand("serve")) return serve();
    if (app.got_subcommand("experiment")) return experiment();
  } catch (const scenario::InputError& e) {
    if (report_errors) std::fprintf(stderr, "unrest: error: %s\n", e.what());
    return cli::kExitBadInput;
  } catch (const io::OutputError& e) {
    if (report_errors) std::fprintf(stderr, "unrest: error: %s\n", e.what());
    return cli::kExitBadInput;
  } catch (const std::exception& e) {
    if (report_errors) std::fprintf(stderr, "unrest: internal error: %s\n", e.what());
    return cli::kExitFailure;
  }
  return cli::kExitBadInput;
}
