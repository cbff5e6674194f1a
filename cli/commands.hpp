// Every subcommand of `dlmath`, each defined in its own file; the programs' tables of them are in
// cli/dlmath_full.cpp (all) and cli/dlmath.cpp (those that start without the drawing and server
// libraries).
#pragma once

#include <CLI/CLI.hpp>
#include <span>
#include <stdexcept>
#include <string>

namespace dlmath::cli {

// Bad input from the user (an argument, a file, an expression): one line on stderr, exit 2.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Each adds its subcommand to `app`; the subcommand's callback does the work and throws
// UsageError (exit 2) or another std::exception (exit 1) on failure.
// ADD ONE LINE PER COMMAND BELOW (and to the table in cli/dlmath_full.cpp, and its source file to
// cli/CMakeLists.txt).
void add_version_command(CLI::App& app);
struct SnapshotPlotter;  // cli/train_snapshots.hpp
void add_train_command(CLI::App& app, const SnapshotPlotter* plotter);
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

// Thrown by a command of the light program (cli/dlmath.cpp) when what it was asked needs a
// library that program leaves out: it then runs the full program in its place. Not a
// std::exception, so that no error handler takes it for one.
struct NeedsFullProgram {};

// The command line with these subcommands: parses, runs the one named, and returns the exit code
// (0, 1, or 2 for bad input) after printing any error (cli/run.cpp). Given `elsewhere`, whatever
// these commands cannot do (another command, options before any, NeedsFullProgram) is handed to
// it with the arguments as they came; it does not return.
using AddCommand = void (*)(CLI::App&);
using Elsewhere = void (*)(char** argv);
int run(int argc, char** argv, std::span<const AddCommand> commands, Elsewhere elsewhere = nullptr);

}  // namespace dlmath::cli
