// dlmath version (and dlmath --version, as most commands answer it): the version from
// project(dlmath VERSION ...), through the configured header <dlmath/version.hpp>
// (cmake/version.hpp.in).
#include <cstdio>
#include <dlmath/version.hpp>

#include "cli/commands.hpp"

namespace dlmath::cli {

void add_version_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("version", "Print dlmath's version");
  cmd->callback([] { std::printf("dlmath %s\n", DLMATH_VERSION); });
  app.set_version_flag("--version", "dlmath " DLMATH_VERSION, "Print dlmath's version and exit");
}

}  // namespace dlmath::cli
