// Prints the docs' tables that the registries drive, for tests/docs/docs_follow_registry.sh to
// compare with the docs (and for a writer to paste when an op or an activation is added):
//   functions    the language's operators and functions (docs/language.md), from ops/registry.hpp
//   activations  the choices of --activation (docs/training.md), from network/activation.hpp
//   man          the lines of docs/dlmath.1 that list the operators, the functions and the
//                activations
#include <cstdio>
#include <string>
#include <string_view>

#include "network/activation.hpp"
#include "network/architecture.hpp"
#include "ops/registry.hpp"

using namespace dlmath;

namespace {

// How the language writes the op: a + b, -x, f(x), pow(a, b); a constant operand is c.
std::string written(const OpEntry& op) {
  const std::string a = op.arity == 1 ? "x" : "a";
  const std::string b = op.constant_operand == 1 ? "c" : "b";
  const std::string symbol(op.symbol);
  std::string out;
  if (op.is_operator())
    out = op.arity == 1 ? "`" + symbol + a + "`" : "`" + a + " " + symbol + " " + b + "`";
  const std::string name = op.is_function() ? symbol : std::string(op.call);
  if (!name.empty())
    out += (out.empty() ? "" : ", ") + std::string("`") + name + "(" + a +
           (op.arity == 2 ? ", " + b : "") + ")`";
  return out;
}

void functions() {
  std::printf("| written | op | binds | what it computes |\n");
  std::printf("| --- | --- | --- | --- |\n");
  for (const OpEntry& op : op_entries) {
    if (!op.in_language()) continue;
    std::string binds;
    if (op.is_operator())
      binds =
          std::to_string(op.precedence) + (op.arity == 1                              ? ""
                                           : op.associativity == Associativity::right ? ", right"
                                                                                      : ", left");
    std::printf("| %s | %s | %s | %s |\n", written(op).c_str(), std::string(op.name).c_str(),
                binds.c_str(), std::string(op.about).c_str());
  }
}

void activations_table() {
  std::printf("| `--activation` | σ(x) |\n");
  std::printf("| --- | --- |\n");
  for (const Activation& a : activations) {
    const std::string about =
        a.op == 0 ? "x itself" : std::string(op_entries[a.op - first_op].about);
    std::printf("| `%s`%s | %s |\n", std::string(a.name).c_str(),
                a == Architecture({1, 1}).activation(2) ? " (default)" : "", about.c_str());
  }
}

// roff spells - and ^ as escapes.
std::string roff(std::string_view symbol) {
  return symbol == "-" ? "\\-" : symbol == "^" ? "\\(ha" : std::string(symbol);
}

void man() {
  std::string operators;
  for (const OpEntry& op : op_entries)
    if (op.in_language() && op.is_operator() && op.arity == 2 &&
        operators.find(roff(op.symbol)) == std::string::npos)
      operators += (operators.empty() ? "" : " ") + roff(op.symbol);
  std::printf(".BR \"%s\" ,\n", operators.c_str());
  std::string unary, binary;
  for (const OpEntry& op : op_entries) {
    if (!op.in_language()) continue;
    const std::string name = op.is_function() ? std::string(op.symbol) : std::string(op.call);
    if (name.empty()) continue;
    if (op.arity == 1)
      unary += (unary.empty() ? "" : " ") + name;
    else if (binary.find(name + "(") == std::string::npos)
      binary += (binary.empty() ? "" : ", ") + name + "(a,\\ b)";
  }
  std::printf(".BR \"%s\" \" and \" %s .\n", unary.c_str(), binary.c_str());
  std::string names;
  for (const Activation& a : activations) names += (names.empty() ? "" : "|") + std::string(a.name);
  std::printf(".BI \\-\\-activation \" %s\"\n", names.c_str());
}

}  // namespace

int main(int argc, char** argv) {
  const std::string_view what = argc == 2 ? argv[1] : "";
  if (what == "functions")
    functions();
  else if (what == "activations")
    activations_table();
  else if (what == "man")
    man();
  else {
    std::fprintf(stderr, "usage: docs_tables functions|activations|man\n");
    return 2;
  }
  return 0;
}
