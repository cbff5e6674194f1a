// Every subcommand of `dlmath`, each defined in its own file, added to the app in main.cpp.
#pragma once

#include <CLI/CLI.hpp>
#include <stdexcept>
#include <string>

namespace dlmath::cli {

// Bad input from the user (an argument, a file, an expression): one line on stderr, exit 2.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Each adds its subcommand to `app`; the subcommand's callback does the work and throws
// UsageError (exit 2) or another std::exception (exit 1) on failure.
// ADD ONE LINE PER COMMAND BELOW (and its source file to cli/CMakeLists.txt).
void add_version_command(CLI::App& app);
void add_train_command(CLI::App& app);
void add_inspect_command(CLI::App& app);
void add_plot_command(CLI::App& app);
void add_tutorial_command(CLI::App& app);
void add_graph_command(CLI::App& app);
void add_eval_command(CLI::App& app);
void add_diff_commands(CLI::App& app);  // diff and hessian
void add_repl_command(CLI::App& app);
void add_check_command(CLI::App& app);
void add_serve_command(CLI::App& app);
void add_book_command(CLI::App& app);

}  // namespace dlmath::cli
