// Running the dlmath command from a test: its exit code, stdout and stderr.
#pragma once

#include <string>

namespace dlmath::testing {

struct Run {
  int code = -1;
  std::string out, err;
};

// Runs `dlmath ARGS` (ARGS as a shell would split them), with stdin from /dev/null.
Run run_dlmath(const std::string& args);

// A path in a fresh temporary directory.
std::string temp_path(const std::string& name);

}  // namespace dlmath::testing
