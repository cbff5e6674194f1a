// The REPL's session, apart from the terminal: lines in, values and errors out. Statements are
// recorded one line at a time on one graph (each line costs its own size); `name = number`
// makes an input whose later changes every dependent result follows (a replay, no new nodes);
// a line that fails changes nothing. docs/language.md states these rules.
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "cli/program.hpp"

namespace dlmath::cli {

class ReplMachine;  // the graph at one precision (repl_session.cpp)

class ReplSession {
 public:
  // `digits`: significant digits shown, 0 for all the precision carries.
  ReplSession(std::FILE* out, std::FILE* err, int digits = 0);
  ~ReplSession();

  // One line as typed; `where` names it in errors ("3", "prog.dl:3"). False means quit.
  bool line(const std::string& text, const std::string& where);

  int failures() const { return failures_; }
  const std::string& first_failure() const { return first_failure_; }

  // Every command, one line each, and the one-line list for the banner.
  static std::string help();
  static std::string banner();

 private:
  void statement(const std::string& text, const std::string& where);
  void command(const std::string& text, const std::string& where);
  void fail(const std::string& where, const std::string& message);
  void load(const std::string& file, const std::string& where);
  void save(const std::string& file);
  void set_precision(const std::string& text);
  std::unique_ptr<ReplMachine> replay(const EvalPrecision& p, std::string& error) const;

  std::FILE* out_;
  std::FILE* err_;
  int digits_;
  EvalPrecision precision_;
  std::unique_ptr<ReplMachine> machine_;
  std::vector<std::string> lines_;  // every statement line that succeeded, in order
  int failures_ = 0;
  std::string first_failure_;
  bool loading_ = false;
};

}  // namespace dlmath::cli
