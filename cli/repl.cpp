// dlmath repl: statements typed line by line, evaluated as they come, with derivatives on demand.
//   x = 2          a name set to a number is an input with that value
//   y = x^2 + 1    other statements are recorded; each shows its value
//   :grad          d(last statement)/d(every input)     :diff x   the derivative as a formula
//   :graph FILE    draw the graph                       :precision 50 (float, double, 50, 100)
//   :show          the program so far                   :reset, :quit
#include <editline/readline.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <map>
#include <sstream>

#include "cli/program.hpp"
#include "ops/derivative.hpp"
#include "symbolic/print.hpp"
#include "symbolic/record.hpp"
#include "visual/graph/graph.hpp"

namespace dlmath::cli {

namespace {

class Session {
 public:
  // Handles one line; false means quit.
  bool line(const std::string& text) {
    std::string s = text;
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.pop_back();
    if (s.empty() || s[0] == '#') return true;
    if (s[0] == ':') return command(s);
    // name = number: an input and its value.
    const auto eq = s.find('=');
    if (eq != std::string::npos) {
      std::string name = trim(s.substr(0, eq)), value = trim(s.substr(eq + 1));
      try {
        from_decimal<double>(value);
        if (symbolic::function_arity(name) == 0 && is_name(name)) {
          values_[name] = value;
          std::printf("%s = %s (an input)\n", name.c_str(), value.c_str());
          return true;
        }
      } catch (const std::invalid_argument&) {
      }
    }
    const std::string candidate = program_ + s + "\n";
    try {
      const auto p = symbolic::parse(candidate);
      program_ = candidate;
      evaluate(p, false);
    } catch (const symbolic::SyntaxError& e) {
      // Report the error against the line just typed.
      std::printf("%s\n", symbolic::SyntaxError(1, e.column(), e.message()).formatted(s).c_str());
    } catch (const std::exception& e) {
      std::printf("error: %s\n", e.what());
    }
    return true;
  }

 private:
  static std::string trim(std::string s) {
    while (!s.empty() && s.front() == ' ') s.erase(s.begin());
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
  }
  static bool is_name(const std::string& s) {
    if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
    for (char c : s)
      if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
    return true;
  }

  void evaluate(const symbolic::Program& p, bool gradients, const std::string& diff = "",
                const std::string& graph = "") {
    std::string missing;
    for (const auto& name : p.inputs)
      if (!values_.count(name)) missing += (missing.empty() ? "" : ", ") + name;
    if (!missing.empty()) {
      std::printf("(no value yet for %s: set one with NAME = VALUE)\n", missing.c_str());
      return;
    }
    with_eval_precision(precision_, [&]<class T>() {
      Graph<T> g;
      const auto r = symbolic::record_program(g, p, values_);
      backward(r.output);
      if (!diff.empty()) {
        for (std::size_t k = 0; k < p.inputs.size(); ++k)
          if (p.inputs[k] == diff) {
            std::printf("%s\n",
                        symbolic::print(g, derivative(r.output, r.inputs[k]).index()).c_str());
            return;
          }
        std::printf("error: no input '%s'\n", diff.c_str());
      } else if (!graph.empty()) {
        if constexpr (std::is_same_v<T, double>) {
          visual::render(visual::graph_drawing(g, r.output.index()), graph);
          std::printf("wrote %s\n", graph.c_str());
        } else {
          std::printf("error: :graph draws in double: use :precision double first\n");
        }
      } else if (gradients) {
        for (std::size_t k = 0; k < p.inputs.size(); ++k)
          std::printf("d/d%s = %s\n", p.inputs[k].c_str(), to_decimal(r.inputs[k].grad()).c_str());
      } else {
        std::printf("= %s\n", to_decimal(r.output.value()).c_str());
      }
    });
  }

  bool command(const std::string& s) {
    std::istringstream in(s);
    std::string cmd, arg;
    in >> cmd >> arg;
    try {
      if (cmd == ":quit" || cmd == ":q") return false;
      if (cmd == ":reset") {
        program_.clear();
        values_.clear();
        std::printf("(empty)\n");
      } else if (cmd == ":precision") {
        precision_ = parse_eval_precision(arg);
        std::printf("precision %s\n", precision_.name().c_str());
      } else if (cmd == ":show") {
        for (const auto& [name, value] : values_)
          std::printf("%s = %s\n", name.c_str(), value.c_str());
        std::printf("%s", program_.c_str());
      } else if (program_.empty()) {
        std::printf("(nothing to work on yet: type a statement)\n");
      } else if (cmd == ":grad") {
        evaluate(symbolic::parse(program_), true);
      } else if (cmd == ":diff" && !arg.empty()) {
        evaluate(symbolic::parse(program_), false, arg);
      } else if (cmd == ":graph" && !arg.empty()) {
        evaluate(symbolic::parse(program_), false, "", arg);
      } else {
        std::printf(
            "commands: :grad, :diff NAME, :graph FILE, :precision P, :show, :reset, :quit\n");
      }
    } catch (const std::exception& e) {
      std::printf("error: %s\n", e.what());
    }
    return true;
  }

  std::string program_;
  std::map<std::string, std::string> values_;
  EvalPrecision precision_;
};

}  // namespace

void add_repl_command(CLI::App& app) {
  auto* cmd =
      app.add_subcommand("repl", "Type statements and see values and derivatives as you go");
  cmd->callback([] {
    Session session;
    const bool terminal = isatty(fileno(stdin));
    if (terminal)
      std::printf("dlmath repl: statements, NAME = VALUE for inputs, :grad, :diff x, :quit\n");
    if (terminal) {
      while (char* raw = readline("dlmath> ")) {
        const std::string text(raw);
        std::free(raw);
        if (!text.empty()) add_history(text.c_str());
        if (!session.line(text)) break;
      }
    } else {
      for (std::string text; std::getline(std::cin, text);)
        if (!session.line(text)) break;
    }
  });
}

}  // namespace dlmath::cli
