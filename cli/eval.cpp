// dlmath eval: a program's value and its partial derivative for every input (reverse mode).
#include <cstdio>

#include "cli/program.hpp"
#include "cli/shared_output.hpp"
#include "symbolic/record.hpp"

namespace dlmath::cli {

namespace {

struct EvalArgs : ProgramArgs {
  bool json = false;
};

template <class T>
void run(const symbolic::Program& p, const std::map<std::string, std::string>& values,
         const EvalArgs& a, const EvalPrecision& precision) {
  Graph<T> g;
  const symbolic::Recorded<T> r = record_checked(g, p, values);
  backward(r.output);
  if (const auto bad = find_anomaly(g))
    std::fprintf(stderr, "dlmath: warning: not finite at %s\n", bad->describe().c_str());
  // Text for people: the digits the precision carries, or --digits.
  const int digits = display_digits(a.digits, r.output.value());
  std::printf("value = %s   [%s]\n", to_decimal_display(r.output.value(), digits).c_str(),
              precision.name().c_str());
  for (std::size_t k = 0; k < r.inputs.size(); ++k)
    std::printf("d/d%s = %s\n", p.inputs[k].c_str(),
                to_decimal_display(r.inputs[k].grad(), digits).c_str());
}

}  // namespace

void add_eval_command(CLI::App& app) {
  auto a = std::make_shared<EvalArgs>();
  auto* cmd = app.add_subcommand(
      "eval", "Evaluate a program and differentiate it with respect to every input");
  add_program_options(*cmd, *a);
  cmd->add_flag("--json", a->json, "Print {\"value\": ..., \"gradient\": {...}}");
  cmd->callback([a] {
    if (a->json) {
      const auto j = eval_json(read_program(a->program, a->file), a->at, a->precision);
      // JSON readers get the numbers as they are; people see the warning on stderr too.
      if (j.contains("warning"))
        std::fprintf(stderr, "dlmath: warning: %s\n", j["warning"].get<std::string>().c_str());
      std::printf("%s\n", j.dump().c_str());
      return;
    }
    const EvalPrecision precision = parse_eval_precision(a->precision);
    auto values = parse_at(a->at);
    const symbolic::Program p = parse_program(read_program(a->program, a->file));
    check_values(p, values);
    with_eval_precision(precision, [&]<class T>() { run<T>(p, values, *a, precision); });
  });
}

}  // namespace dlmath::cli
