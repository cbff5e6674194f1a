// The expression language's syntax tree, stored flat: every node's children come before it,
// so the tree is walked with a plain loop, never with recursion.
//
//   program   := statement { (newline | ';') statement }
//   statement := [ name '=' ] expr
//   expr      := numbers, names, the registry's operators (ops/registry.hpp: + - * / ^, each
//                with its precedence and associativity), unary - and +, ( ), and f(x) or
//                f(a, b) for the registry's functions (docs/language.md lists them)
//   '#' starts a comment that runs to the end of the line.
#pragma once

#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace dlmath::symbolic {

struct SyntaxNode {
  enum Kind { number, name, negate, plus, binary, call } kind = number;
  std::string text;    // number: its digits as written; name: the name; call: the function
  char op = 0;         // binary: one of + - * / ^
  int a = -1, b = -1;  // children (indices into Program::nodes)
  int line = 0, column = 0;
};

struct Statement {
  std::string target;  // empty for a bare expression
  int root = -1;
  int line = 0, column = 0;
};

struct Program {
  std::vector<SyntaxNode> nodes;
  std::vector<Statement> statements;
  std::vector<std::string> inputs;  // names read but never assigned, in order of first use
};

// A syntax error: where (1-based line and column) and what was expected.
class SyntaxError : public std::runtime_error {
 public:
  SyntaxError(int line, int column, const std::string& message)
      : std::runtime_error(std::to_string(line) + ":" + std::to_string(column) +
                           ": error: " + message),
        line_(line),
        column_(column),
        message_(message) {}
  int line() const { return line_; }
  int column() const { return column_; }
  const std::string& message() const { return message_; }
  // "line:column: error: message", the source line, and a caret under the column.
  std::string formatted(std::string_view source) const;

 private:
  int line_, column_;
  std::string message_;
};

// Functions of the language and how many arguments each takes (0 if `name` is none).
int function_arity(std::string_view name);

Program parse(std::string_view source);
// For a session that goes on line by line (the REPL): names for which `defined(name)` is true
// were assigned by earlier lines, so reading one before this source assigns it is no error; it is
// listed among the inputs (the names this source takes from outside).
Program parse(std::string_view source, const std::function<bool(const std::string&)>& defined);

// The tree back as text, fully parenthesised: for tests and round trips.
std::string to_text(const Program& p, int node);

}  // namespace dlmath::symbolic
