// Prints the docs' tables that the registries drive, for tests/docs/docs_follow_registry.sh to
// compare with the docs:
//   functions    the language's operators and functions (docs/language.md), from ops/registry.hpp
//   activations  the choices of --activation (docs/training.md), from network/activation.hpp
//   man          the lines of docs/dlmath.1 that list the operators, the functions and the
//                activations
// and `write SOURCE_DIR` writes them into the docs in place, where the docs mark them: what to
// run once an op or an activation has been added.
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

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

std::string functions() {
  std::string out = "| written | op | binds | what it computes |\n| --- | --- | --- | --- |\n";
  for (const OpEntry& op : op_entries) {
    if (!op.in_language()) continue;
    std::string binds;
    if (op.is_operator())
      binds =
          std::to_string(op.precedence) + (op.arity == 1                              ? ""
                                           : op.associativity == Associativity::right ? ", right"
                                                                                      : ", left");
    out += "| " + written(op) + " | " + std::string(op.name) + " | " + binds + " | " +
           std::string(op.about) + " |\n";
  }
  return out;
}

std::string activations_table() {
  std::string out = "| `--activation` | σ(x) |\n| --- | --- |\n";
  for (const Activation& a : activations) {
    const std::string about =
        a.op == 0 ? "x itself" : std::string(op_entries[a.op - first_op].about);
    out += "| `" + std::string(a.name) + "`" +
           (a == Architecture({1, 1}).activation(2) ? " (default)" : "") + " | " + about + " |\n";
  }
  return out;
}

// roff spells - and ^ as escapes.
std::string roff(std::string_view symbol) {
  return symbol == "-" ? "\\-" : symbol == "^" ? "\\(ha" : std::string(symbol);
}

// The lines, each under its mark in docs/dlmath.1: operators, functions, activation.
std::vector<std::pair<std::string, std::string>> man() {
  std::string operators;
  for (const OpEntry& op : op_entries)
    if (op.in_language() && op.is_operator() && op.arity == 2 &&
        operators.find(roff(op.symbol)) == std::string::npos)
      operators += (operators.empty() ? "" : " ") + roff(op.symbol);
  std::vector<std::pair<std::string, std::string>> out;
  out.emplace_back("operators", ".BR \"" + operators + "\" ,");
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
  out.emplace_back("functions", ".BR \"" + unary + "\" \" and \" " + binary + " .");
  std::string names;
  for (const Activation& a : activations) names += (names.empty() ? "" : "|") + std::string(a.name);
  out.emplace_back("activation", ".BI \\-\\-activation \" " + names + "\"");
  return out;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// Rewrites `file` with `edit` applied to its lines; says whether anything changed. False and a
// message on stderr if a mark is missing.
template <class Edit>
bool rewrite(const std::string& file, Edit edit) {
  std::ifstream in(file);
  if (!in) {
    std::fprintf(stderr, "docs_tables: cannot read %s\n", file.c_str());
    return false;
  }
  std::stringstream text;
  text << in.rdbuf();
  const std::vector<std::string> before = lines_of(text.str());
  std::vector<std::string> after;
  if (!edit(before, after)) {
    std::fprintf(stderr, "docs_tables: %s lacks the marks of its generated lines\n", file.c_str());
    return false;
  }
  if (after == before) {
    std::printf("%s: up to date\n", file.c_str());
    return true;
  }
  std::ofstream out(file);
  for (const std::string& line : after) out << line << '\n';
  std::printf("%s: written\n", file.c_str());
  return static_cast<bool>(out);
}

// The table between "<!-- generated by docs_tables WHAT ..." and "<!-- end of generated table -->".
bool write_table(const std::string& file, const std::string& what, const std::string& table) {
  return rewrite(file, [&](const std::vector<std::string>& in, std::vector<std::string>& out) {
    const std::string start = "<!-- generated by docs_tables " + what;
    bool found = false;
    for (std::size_t k = 0; k < in.size(); ++k) {
      out.push_back(in[k]);
      if (found || in[k].rfind(start, 0) != 0) continue;
      std::size_t end = k + 1;
      while (end < in.size() && in[end] != "<!-- end of generated table -->") ++end;
      if (end == in.size()) return false;
      for (const std::string& line : lines_of(table)) out.push_back(line);
      k = end - 1;
      found = true;
    }
    return found;
  });
}

// The line under each mark `.\" generated by docs_tables man NAME ...`.
bool write_man(const std::string& file) {
  const auto lines = man();
  return rewrite(file, [&](const std::vector<std::string>& in, std::vector<std::string>& out) {
    std::size_t marks = 0;
    for (std::size_t k = 0; k < in.size(); ++k) {
      out.push_back(in[k]);
      for (const auto& [name, line] : lines)
        if (in[k].rfind(".\\\" generated by docs_tables man " + name + " ", 0) == 0 &&
            k + 1 < in.size()) {
          out.push_back(line);
          ++k, ++marks;
          break;
        }
    }
    return marks == lines.size();
  });
}

}  // namespace

int main(int argc, char** argv) {
  const std::string_view what = argc == 2 ? argv[1] : "";
  if (what == "functions") {
    std::fputs(functions().c_str(), stdout);
  } else if (what == "activations") {
    std::fputs(activations_table().c_str(), stdout);
  } else if (what == "man") {
    for (const auto& [name, line] : man()) std::printf("%s\n", line.c_str());
  } else if (argc == 3 && std::string_view(argv[1]) == "write") {
    const std::string docs = std::string(argv[2]) + "/docs/";
    const bool ok = write_table(docs + "language.md", "functions", functions()) &&
                    write_table(docs + "training.md", "activations", activations_table()) &&
                    write_man(docs + "dlmath.1");
    return ok ? 0 : 2;
  } else {
    std::fprintf(stderr, "usage: docs_tables functions|activations|man, or write SOURCE_DIR\n");
    return 2;
  }
  return 0;
}
