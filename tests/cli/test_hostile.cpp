// The hostile-input suite: every case of tests/hostile/cases.tsv runs the dlmath command as a
// shell would, under a time limit and (outside sanitizer builds) a memory limit, and must end
// with its stated exit code and message. Each failure is reported with its line in the table.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include "../support.hpp"

namespace {

struct Case {
  int line = 0, code = 0;
  std::string pattern, command;
};

std::vector<Case> read_cases(const std::string& path) {
  std::ifstream in(path);
  REQUIRE(in);
  std::vector<Case> cases;
  std::string text;
  for (int line = 1; std::getline(in, text); ++line) {
    if (text.empty() || text[0] == '#') continue;
    const auto t1 = text.find('\t'), t2 = text.find('\t', t1 + 1);
    REQUIRE(t2 != std::string::npos);
    cases.push_back({line, std::stoi(text.substr(0, t1)), text.substr(t1 + 1, t2 - t1 - 1),
                     text.substr(t2 + 1)});
  }
  return cases;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Single quotes for sh.
std::string quoted(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

}  // namespace

TEST_CASE("hostile inputs: a clear error with exit 2, or a right answer, within limits") {
  namespace fs = std::filesystem;
  const std::string dir = dlmath::testing::temp_dir(), files = dir + "/files";
  const std::string make = std::string("sh ") + DLMATH_SOURCE_DIR +
                           "/tests/hostile/make_fixtures.sh " + files + " >/dev/null";
  REQUIRE(std::system(make.c_str()) == 0);
  const auto cases = read_cases(std::string(DLMATH_SOURCE_DIR) + "/tests/hostile/cases.tsv");
  REQUIRE(cases.size() >= 300);
  // ctest runs the table in shards side by side (DLMATH_HOSTILE_SHARD=k/n: every n-th case from
  // the k-th), so the slow sanitized run of the whole table takes a fraction of the time.
  int shard = 0, shards = 1;
  if (const char* s = std::getenv("DLMATH_HOSTILE_SHARD"))
    REQUIRE(std::sscanf(s, "%d/%d", &shard, &shards) == 2);
  REQUIRE((shards >= 1 && shard >= 0 && shard < shards));
  // Sanitizer builds reserve terabytes of address space and run slower: no ulimit -v there.
  const bool sanitized = std::getenv("DLMATH_SANITIZED") != nullptr;
  const std::string memory = sanitized ? "" : "ulimit -v 1572864; ";
  const std::string seconds = sanitized ? "120" : "30";
  int passed = 0, ran = 0;
  for (std::size_t k = static_cast<std::size_t>(shard); k < cases.size(); k += shards) {
    const Case& c = cases[k];
    ++ran;
    const std::string scratch = dir + "/case" + std::to_string(c.line);
    fs::create_directories(scratch);
    const std::string out = scratch + ".out";
    const std::string command = "cd " + scratch + " && D=" + DLMATH_EXE + " F=" + files +
                                " T=" + scratch + " timeout -k 5 " + seconds + " sh -c " +
                                quoted(memory + c.command) + " </dev/null >" + out + " 2>&1";
    const int status = std::system(command.c_str());
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    const std::string printed = slurp(out);
    const bool matches = std::regex_search(printed, std::regex(c.pattern, std::regex::multiline));
    // An error is one line that says so (a syntax error adds the source line and a caret).
    const bool clear = c.code != 2 || printed.find("error") != std::string::npos;
    INFO("cases.tsv:" << c.line << ": " << c.command << "\n  expected exit " << c.code << " and /"
                      << c.pattern << "/\n  got exit " << code
                      << (code == 124 ? " (timed out)" : "") << ":\n"
                      << printed.substr(0, 600));
    CHECK(code == c.code);
    CHECK(matches);
    CHECK(clear);
    passed += code == c.code && matches && clear;
  }
  std::printf("hostile inputs (shard %d of %d): %d of %d cases handled as stated\n", shard + 1,
              shards, passed, ran);
}
