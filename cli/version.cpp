#include <cstdio>

#include "cli/commands.hpp"

namespace dlmath::cli {

void add_version_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("version", "Print dlmath's version");
  cmd->callback([] { std::printf("dlmath %s\n", DLMATH_VERSION); });
}

}  // namespace dlmath::cli
