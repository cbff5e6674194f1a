// dlmath-full: every command of dlmath. The `dlmath` program (cli/dlmath.cpp) runs the commands
// that need no drawing or server library itself and this program for the rest.
#include "cli/commands.hpp"
#include "cli/train_snapshots.hpp"

int main(int argc, char** argv) {
  using namespace dlmath::cli;
  // ADD ONE LINE PER COMMAND BELOW.
  static constexpr AddCommand commands[] = {
      add_version_command,  [](CLI::App& app) { add_train_command(app, &snapshot_plotter); },
      add_inspect_command,  add_plot_command,
      add_tutorial_command, add_graph_command,
      add_eval_command,     add_diff_commands,
      add_repl_command,     add_check_command,
      add_serve_command,    add_book_command,
  };
  return run(argc, argv, commands);
}
