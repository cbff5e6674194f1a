// dlmath: the mathematics behind deep learning, number by number.
//
// This program holds only the commands that need no drawing, Graphviz, server or line-editing
// library, and is linked without them: loading those libraries (OpenSSL among them, through
// cpp-httplib) took 12.6 to 13.1 ms of every start, 8% of the paper's whole training run
// (bench_train_process). Any other command, help, or a train that draws snapshots runs the full
// program, dlmath-full, in this one's place (same process, arguments, input and output).
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "cli/commands.hpp"

namespace {

// Beside this program in the build tree; under libexec once installed (the path from the
// installed bin/ to it is DLMATH_FULL_FROM_BIN, set by cli/CMakeLists.txt). Never a path relative
// to the working directory: if this program cannot tell where it is, it says so.
[[noreturn]] void run_full_program(char** argv) {
  namespace fs = std::filesystem;
  std::error_code error;
  const fs::path here = fs::read_symlink("/proc/self/exe", error).parent_path();
  if (error || here.empty()) {
    std::fprintf(stderr, "dlmath: error: cannot find where this program is (/proc/self/exe: %s)\n",
                 error.message().c_str());
    std::exit(1);
  }
  const fs::path places[] = {here / "dlmath-full",
                             (here / DLMATH_FULL_FROM_BIN / "dlmath-full").lexically_normal()};
  for (const fs::path& full : places) ::execv(full.c_str(), argv);
  std::fprintf(stderr, "dlmath: error: cannot run %s or %s: %s (is dlmath installed whole?)\n",
               places[0].c_str(), places[1].c_str(), std::strerror(errno));
  std::exit(1);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace dlmath::cli;
  static constexpr AddCommand commands[] = {
      add_version_command,
      [](CLI::App& app) { add_train_command(app, nullptr); },
  };
  return run(argc, argv, commands, run_full_program);
}
