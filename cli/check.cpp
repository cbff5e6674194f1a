// dlmath check: a program's every partial derivative by autodiff beside a central difference,
// the digits on which they agree, and a verdict whose exit code can guard a learner's script.
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/program.hpp"
#include "ops/gradient_check.hpp"
#include "symbolic/record.hpp"

namespace dlmath::cli {

namespace {

struct CheckArgs : ProgramArgs {
  bool json = false;
};

// Exit code 1 with one line on stderr: a disagreement is a finding about the program, not bad
// input (2).
struct Disagreement : std::runtime_error {
  using std::runtime_error::runtime_error;
};

template <class T>
void run(const symbolic::Program& p, const std::map<std::string, std::string>& values,
         const CheckArgs& a, const EvalPrecision& precision) {
  Graph<T> g;
  const symbolic::Recorded<T> r = record_checked(g, p, values);
  backward(r.output);
  const T value = r.output.value();
  std::vector<T> point, gradient;
  for (const Var<T>& x : r.inputs) point.push_back(x.value()), gradient.push_back(x.grad());
  // The program replayed with one input moved: no new nodes, only the nodes after it recomputed.
  const GradientCheck<T> check =
      check_gradient(point, gradient, value, [&](std::size_t k, const T& v) {
        g.set_value(r.inputs[k].index(), v);
        g.forward(r.inputs[k].index());
        return r.output.value();
      });

  if (a.json) {
    nlohmann::ordered_json j;
    j["precision"] = precision.name();
    j["value"] = to_decimal(value);
    j["expected_digits"] = check.expected_digits;
    j["partials"] = nlohmann::ordered_json::array();
    for (std::size_t k = 0; k < p.inputs.size(); ++k) {
      const auto& c = check.partials[k];
      j["partials"].push_back({{"input", p.inputs[k]},
                               {"autodiff", to_decimal(c.autodiff)},
                               {"finite_difference", to_decimal(c.finite_difference)},
                               {"step", to_decimal(c.step, 3)},
                               {"agree_digits", std::floor(c.digits * 10) / 10},
                               {"agrees", c.agrees}});
    }
    j["agree"] = check.all_agree;
    std::printf("%s\n", j.dump().c_str());
  } else {
    const int digits = display_digits(a.digits, value);
    const int w = digits + 8;
    std::printf("value = %s   [%s]\n", to_decimal_display(value, digits).c_str(),
                precision.name().c_str());
    std::printf("autodiff (reverse sweep) beside the central difference (f(x+h) - f(x-h)) / 2h\n");
    std::printf("  %-8s  %*s  %*s  %8s  %6s\n", "input", w, "autodiff", w, "central difference",
                "h", "agree");
    for (std::size_t k = 0; k < p.inputs.size(); ++k) {
      const auto& c = check.partials[k];
      std::printf("  %-8s  %*s  %*s  %8.1e  %6.1f%s\n", p.inputs[k].c_str(), w,
                  to_decimal_display(c.autodiff, digits).c_str(), w,
                  to_decimal_display(c.finite_difference, digits).c_str(),
                  static_cast<double>(c.step), c.digits,
                  c.agrees ? (c.within_rounding && c.digits < check.expected_digits
                                  ? "  ok (within rounding)"
                                  : "  ok")
                           : "  DIFFERENT");
    }
    std::printf("at %s a correct derivative agrees to at least %d of its %d digits: %s\n",
                precision.name().c_str(), check.expected_digits, check.carried_digits,
                check.all_agree ? "every partial derivative does" : "at least one does not");
  }
  if (!check.all_agree) {
    std::string which;
    for (std::size_t k = 0; k < p.inputs.size(); ++k)
      if (!check.partials[k].agrees) which += (which.empty() ? "d/d" : ", d/d") + p.inputs[k];
    throw Disagreement(
        "autodiff and the central difference disagree on " + which +
        " (a point where the program is not differentiable, or a wrong partial derivative)");
  }
}

}  // namespace

void add_check_command(CLI::App& app) {
  auto a = std::make_shared<CheckArgs>();
  auto* cmd = app.add_subcommand(
      "check", "Check a program's gradient by autodiff against central differences");
  add_program_options(*cmd, *a);
  cmd->add_flag("--json", a->json, "Print one JSON object");
  cmd->callback([a] {
    const EvalPrecision precision = parse_eval_precision(a->precision);
    auto values = parse_at(a->at);
    const symbolic::Program p = parse_program(read_program(a->program, a->file));
    check_values(p, values);
    if (p.inputs.empty()) throw UsageError("the program has no input to differentiate by");
    with_eval_precision(precision, [&]<class T>() { run<T>(p, values, *a, precision); });
  });
}

}  // namespace dlmath::cli
