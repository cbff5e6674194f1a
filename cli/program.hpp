// What the expression commands (eval, diff, hessian, graph, repl) share: reading a program,
// parsing it with errors that point at the place, input values from --at, and the precision.
#pragma once

#include <cstdio>
#include <map>
#include <string>
#include <type_traits>
#include <vector>

#include "cli/commands.hpp"
#include "cli/limits.hpp"
#include "engine/decimal.hpp"
#include "engine/multiprecision.hpp"
#include "symbolic/record.hpp"
#include "symbolic/syntax.hpp"

namespace dlmath::cli {

// The program's text: the positional argument, or -f FILE, or '-' (either way) for stdin.
std::string read_program(const std::string& program, const std::string& file);

// Parses; a syntax error becomes a UsageError whose message has line:column, the source line
// and a caret.
symbolic::Program parse_program(const std::string& source);

// What eval, check, diff and hessian read, as options defined once for all of them: the program
// (an argument, -f FILE, or '-' for standard input), its inputs' values (--at), the precision
// and the digits shown.
struct ProgramArgs {
  std::string program, file, precision = "double";
  std::vector<std::string> at;
  int digits = 0;
};
// `with_at`: whether the command takes a point (diff prints a formula, at no point).
void add_program_options(CLI::App& cmd, ProgramArgs& a, bool with_at = true,
                         const std::string& precision_help = "float, double, 50, 100 or mpfr:BITS");

// s without the spaces, tabs and line ends around it.
std::string trim(const std::string& s);
// --at NAME=VALUE[,NAME=VALUE...], repeatable. Values stay decimal text.
std::map<std::string, std::string> parse_at(const std::vector<std::string>& at);

// Every input needs a value (all missing ones are listed in one error); a value for a name the
// program does not use is a warning on stderr. With `fill`, missing inputs get that value.
void check_values(const symbolic::Program& p, std::map<std::string, std::string>& values,
                  const char* fill = nullptr);

// Bytes one node's value and gradient take at T's precision (mpfr_float: set at run time).
template <class T>
double bytes_per_node() {
  if constexpr (std::is_same_v<T, mpfr_float>)
    return 2 * (64.0 + mpfr_float::default_precision() * 3.33 / 8) + 12;
  else
    return 2.0 * sizeof(T) + 12;
}

// Refuses, before building, a graph of `nodes` nodes whose values would take more than
// limits::max_value_bytes at T's precision.
template <class T>
void check_graph_memory(double nodes, const std::string& what) {
  const double bytes = nodes * bytes_per_node<T>();
  if (bytes > limits::max_value_bytes) {
    char buf[160];
    std::snprintf(buf, sizeof buf,
                  "about %.3g nodes at this precision take %.3g GiB (limit %.3g GiB)", nodes,
                  bytes / (1ull << 30), limits::max_value_bytes / (1ull << 30));
    throw UsageError(what + ": " + buf + "; use a lower precision or a smaller program");
  }
}

// The program on a graph; a bad value becomes a UsageError.
template <class T>
symbolic::Recorded<T> record_checked(Graph<T>& g, const symbolic::Program& p,
                                     const std::map<std::string, std::string>& values) {
  check_graph_memory<T>(static_cast<double>(p.nodes.size() + p.inputs.size()), "the program");
  try {
    return symbolic::record_program(g, p, values);
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
}

// --digits N for text output: N significant digits, from 1 to what the precision carries
// (engine/decimal.hpp); 0, the default, is all it carries. `sample` is any value at the precision.
template <class T>
int display_digits(int requested, const T& sample) {
  const int carried = carried_digits(sample);
  if (requested == 0) return carried;
  if (requested < 1 || requested > carried)
    throw UsageError("--digits: " + std::to_string(requested) + " is not from 1 to " +
                     std::to_string(carried) + ", the digits this precision carries");
  return requested;
}
inline void add_digits_option(CLI::App& cmd, int& digits) {
  cmd.add_option("--digits", digits,
                 "Significant digits in text output (default: all the precision carries)");
}

// float, double, 50, 100 or mpfr:BITS.
struct EvalPrecision {
  enum Kind { float32, float64, digits50, digits100, mpfr } kind = float64;
  int bits = 0;
  std::string name() const;
};
EvalPrecision parse_eval_precision(const std::string& text);

// Calls f.template operator()<T>() for the precision's scalar type.
template <class F>
auto with_eval_precision(const EvalPrecision& p, F&& f) {
  switch (p.kind) {
    case EvalPrecision::float32:
      return f.template operator()<float>();
    case EvalPrecision::digits50:
      return f.template operator()<float50>();
    case EvalPrecision::digits100:
      return f.template operator()<float100>();
    case EvalPrecision::mpfr:
      mpfr_float::default_precision(static_cast<unsigned>(p.bits * 0.30103) + 1);
      return f.template operator()<mpfr_float>();
    default:
      return f.template operator()<double>();
  }
}

}  // namespace dlmath::cli
