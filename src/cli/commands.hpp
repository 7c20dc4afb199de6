// The subcommands of `unrest`, one file each. Each registers its options on the CLI11 app
// and returns the exit status when run. This is the only layer that prints for people.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace unrest::cli {

// Exit statuses: 0 success, 1 runtime failure (e.g. a disk error), 2 bad input.
inline constexpr int kExitFailure = 1;
inline constexpr int kExitBadInput = 2;

using Action = std::function<int()>;

Action add_list(CLI::App& app);
Action add_show(CLI::App& app);
Action add_run(CLI::App& app);
Action add_params(CLI::App& app);
Action add_ensemble(CLI::App& app);
Action add_compare(CLI::App& app);
Action add_sweep(CLI::App& app);
Action add_query(CLI::App& app);
Action add_export(CLI::App& app);
Action add_report(CLI::App& app);
Action add_serve(CLI::App& app);
Action add_experiment(CLI::App& app);

}  // namespace unrest::cli
