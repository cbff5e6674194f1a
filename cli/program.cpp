#include "cli/program.hpp"

#include <cstdio>
#include <iostream>
#include <iterator>
#include <set>
#include <sstream>

#include "cli/options.hpp"
#include "engine/decimal.hpp"

namespace dlmath::cli {

void add_program_options(CLI::App& cmd, ProgramArgs& a, bool with_at,
                         const std::string& precision_help) {
  cmd.add_option("program", a.program,
                 "The program, e.g. 'sigmoid(w*x + b)'; '-' reads standard input");
  cmd.add_option("-f,--file", a.file, "Read the program from a file");
  if (with_at) cmd.add_option("--at", a.at, "Input values NAME=VALUE[,NAME=VALUE...]");
  cmd.add_option("--precision", a.precision, precision_help)->capture_default_str();
  add_digits_option(cmd, a.digits);
}

std::string read_program(const std::string& program, const std::string& file) {
  if (!program.empty() && !file.empty()) throw UsageError("give the program or -f FILE, not both");
  if (file.empty() && program != "-") {
    if (program.empty())
      throw UsageError(
          "no program: give one as an argument, with -f FILE, or '-' for standard input");
    return program;
  }
  if (file == "-" || program == "-") {
    return read_stdin();
  }
  return read_file(file);
}

symbolic::Program parse_program(const std::string& source) {
  try {
    return symbolic::parse(source);
  } catch (const symbolic::SyntaxError& e) {
    // "line:column: message", then the source line and a caret under the column.
    std::string text = e.formatted(source);
    const auto tag = text.find("error: ");
    if (tag != std::string::npos) text.erase(tag, 7);
    throw UsageError(text);
  }
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

std::map<std::string, std::string> parse_at(const std::vector<std::string>& at) {
  // Spaces around a name or a value are layout, as in a program: "x=1, y = 2" is x and y.
  std::map<std::string, std::string> values;
  for (const auto& arg : at) {
    std::stringstream in(arg);
    std::string pair;
    while (std::getline(in, pair, ',')) {
      const auto eq = pair.find('=');
      const std::string name = trim(pair.substr(0, eq)),
                        value = eq == std::string::npos ? "" : trim(pair.substr(eq + 1));
      if (eq == std::string::npos || name.empty() || value.empty())
        throw UsageError("--at: '" + pair + "' is not NAME=VALUE");
      // The syntax and limits only: the value is read later at the chosen precision (1e999 is
      // fine at 50 digits).
      try {
        check_decimal(value);
      } catch (const std::invalid_argument& e) {
        throw UsageError("--at: the value of '" + name + "': " + e.what());
      }
      if (values.count(name)) throw UsageError("--at: '" + name + "' is given twice");
      values[name] = value;
    }
  }
  return values;
}

void check_values(const symbolic::Program& p, std::map<std::string, std::string>& values,
                  const char* fill) {
  const std::set<std::string> inputs(p.inputs.begin(), p.inputs.end());
  for (const auto& [name, value] : values)
    if (!inputs.count(name))
      std::fprintf(stderr, "dlmath: warning: --at %s: the program has no input '%s'\n",
                   name.c_str(), name.c_str());
  std::string missing;
  for (const auto& name : p.inputs)
    if (!values.count(name)) {
      if (fill)
        values[name] = fill;
      else
        missing += (missing.empty() ? "" : ", ") + name;
    }
  if (!missing.empty())
    throw UsageError("no value for the input" +
                     std::string(missing.find(',') == std::string::npos ? " " : "s ") + missing +
                     " (give --at NAME=VALUE)");
}

std::string EvalPrecision::name() const {
  switch (kind) {
    case float32:
      return "float";
    case digits50:
      return "50 digits";
    case digits100:
      return "100 digits";
    case mpfr:
      return "mpfr " + std::to_string(bits) + " bits";
    default:
      return "double";
  }
}

EvalPrecision parse_eval_precision(const std::string& text) {
  if (text == "float") return {EvalPrecision::float32, 0};
  if (text == "double") return {EvalPrecision::float64, 0};
  if (text == "50") return {EvalPrecision::digits50, 0};
  if (text == "100") return {EvalPrecision::digits100, 0};
  if (text.rfind("mpfr:", 0) == 0) {
    std::uint64_t bits = 0;
    try {
      bits = whole_from_text(text.substr(5), "--precision mpfr:BITS", limits::max_mpfr_bits);
    } catch (const std::invalid_argument& e) {
      throw UsageError(std::string(e.what()) + " (a whole number of bits from 8 to " +
                       std::to_string(limits::max_mpfr_bits) + ")");
    }
    if (bits < 8) throw UsageError("--precision: '" + text + "': at least 8 bits");
    return {EvalPrecision::mpfr, static_cast<int>(bits)};
  }
  throw UsageError("--precision: '" + text + "' is not one of float, double, 50, 100, mpfr:BITS");
}

}  // namespace dlmath::cli
