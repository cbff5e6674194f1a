// dlmath repl on a terminal (a pseudo-terminal): Ctrl-C drops the line being typed and the
// session goes on; lines typed are kept in $XDG_STATE_HOME/dlmath/history.
#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "../support.hpp"

namespace {

// Reads from the terminal until `want` has appeared after `from`; false if it does not within
// 20 seconds (a guard against a hang, not a measure of speed).
bool wait_for(int fd, std::string& seen, std::size_t from, const std::string& want) {
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (seen.find(want, from) == std::string::npos) {
    if (std::chrono::steady_clock::now() > give_up) return false;
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, 200) <= 0) continue;
    char buf[512];
    const ssize_t n = read(fd, buf, sizeof buf);
    if (n <= 0) return false;
    seen.append(buf, static_cast<std::size_t>(n));
  }
  return true;
}

void type(int fd, const std::string& keys) {
  REQUIRE(write(fd, keys.data(), keys.size()) == static_cast<ssize_t>(keys.size()));
}

}  // namespace

TEST_CASE("repl on a terminal: Ctrl-C cancels the line, not the session; history is kept") {
  const std::string state = dlmath::testing::temp_dir() + "/state";
  std::filesystem::create_directories(state);
  int fd = -1;
  const pid_t child = forkpty(&fd, nullptr, nullptr, nullptr);
  REQUIRE(child >= 0);
  if (child == 0) {
    setenv("XDG_STATE_HOME", state.c_str(), 1);
    setenv("TERM", "xterm", 1);
    execl(DLMATH_EXE, DLMATH_EXE, "repl", static_cast<char*>(nullptr));
    _exit(127);
  }
  std::string seen;
  REQUIRE(wait_for(fd, seen, 0, "dlmath> "));
  type(fd, "x = 2\r");
  REQUIRE(wait_for(fd, seen, 0, "x = 2 (an input)"));
  REQUIRE(wait_for(fd, seen, seen.find("(an input)"), "dlmath> "));
  std::size_t mark = seen.size();
  type(fd, "y = x*");
  REQUIRE(wait_for(fd, seen, mark, "y = x*"));
  mark = seen.size();
  type(fd, "\x03");  // Ctrl-C
  REQUIRE(wait_for(fd, seen, mark, "dlmath> "));
  mark = seen.size();
  type(fd, "x*21\r");
  REQUIRE(wait_for(fd, seen, mark, "= 42"));                        // the session (and x) survived
  CHECK(seen.find("expected an expression") == std::string::npos);  // "y = x*" was dropped
  type(fd, ":quit\r");
  int status = 0;
  REQUIRE(waitpid(child, &status, 0) == child);
  close(fd);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  std::ifstream in(state + "/dlmath/history");
  std::stringstream history;
  history << in.rdbuf();
  CHECK_THAT(history.str(), Catch::Contains("x*21") && Catch::Contains(":quit"));
  CHECK(history.str().find("\ny") == std::string::npos);  // no line "y = x*" (spaces as \040)
}
