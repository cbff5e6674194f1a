#include "run.hpp"

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "../support.hpp"

namespace dlmath::testing {

namespace {
std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}
}  // namespace

std::string temp_path(const std::string& name) {
  return temp_dir() + "/" + name;
}

Run run_dlmath(const std::string& args) {
  const std::string out = temp_path("stdout"), err = temp_path("stderr");
  const bool own_stdin = args.find(" < ") != std::string::npos;  // else stdin is empty
  const std::string command = std::string(DLMATH_EXE) + " " + args +
                              (own_stdin ? "" : " </dev/null") + " >" + out + " 2>" + err;
  const int status = std::system(command.c_str());
  Run r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(out);
  r.err = slurp(err);
  return r;
}

}  // namespace dlmath::testing
