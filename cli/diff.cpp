// dlmath diff: the derivative of a program as a formula; dlmath hessian: the matrix of second
// derivatives at a point.
#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/options.hpp"
#include "cli/program.hpp"
#include "cli/shared_output.hpp"
#include "ops/derivative.hpp"
#include "symbolic/record.hpp"

namespace dlmath::cli {

namespace {

struct DiffArgs : ProgramArgs {
  std::string wrt;
  std::uint64_t order = 1;
  bool latex = false, json = false, raw = false;
};

template <class T>
void run_hessian(const symbolic::Program& p, const std::map<std::string, std::string>& values,
                 const DiffArgs& a) {
  Graph<T> g;
  const auto r = record_checked<T>(g, p, values);
  const std::size_t n = r.inputs.size();
  std::vector<std::vector<T>> H(n, std::vector<T>(n));
  // Row i: the derivative d/dx_i as nodes, then one reverse sweep of it gives the whole row
  // (n graphs, not n^2).
  const double program_nodes = static_cast<double>(g.size());
  if (n * 3 * program_nodes > limits::max_hessian_work)
    throw UsageError("hessian: " + std::to_string(n) + " inputs of a " +
                     std::to_string(static_cast<long long>(program_nodes)) +
                     "-node program would build about " +
                     std::to_string(static_cast<long long>(n * 3 * program_nodes)) +
                     " nodes, more than the limit of " +
                     std::to_string(static_cast<long long>(limits::max_hessian_work)));
  check_graph_memory<T>(n * 3 * program_nodes, "hessian");
  for (std::size_t i = 0; i < n; ++i) {
    const Var<T> di = derivative(r.output, r.inputs[i]);
    backward(di);
    for (std::size_t j = 0; j < n; ++j) H[i][j] = r.inputs[j].grad();
  }
  if (a.json) {
    nlohmann::ordered_json j;
    j["inputs"] = p.inputs;
    for (const auto& row : H) {
      nlohmann::ordered_json jr = nlohmann::ordered_json::array();
      for (const auto& h : row) jr.push_back(to_decimal(h));
      j["hessian"].push_back(jr);
    }
    std::printf("%s\n", j.dump().c_str());
    return;
  }
  const int digits = display_digits(a.digits, r.output.value());
  const int w = digits + 8;  // sign, point, exponent
  std::printf("second derivatives d2/(d row d column) of the program at the point:\n%8s", "");
  for (const auto& name : p.inputs) std::printf(" %*s", w, name.c_str());
  std::printf("\n");
  for (std::size_t i = 0; i < n; ++i) {
    std::printf("%8s", p.inputs[i].c_str());
    for (std::size_t j = 0; j < n; ++j)
      std::printf(" %*s", w, to_decimal_display(H[i][j], digits).c_str());
    std::printf("\n");
  }
}

}  // namespace

void add_diff_commands(CLI::App& app) {
  auto a = std::make_shared<DiffArgs>();
  auto* diff = app.add_subcommand("diff", "Print the derivative of a program as a formula");
  add_program_options(*diff, *a, false, "float, double, 50, 100 or mpfr:BITS: of the constants");
  diff->add_option("--wrt", a->wrt, "The input to differentiate with respect to")->required();
  add_whole_option(*diff, "--order", a->order, "How many times to differentiate", 1,
                   limits::max_order);
  diff->add_flag("--latex", a->latex, "Print LaTeX instead of the expression language");
  diff->add_flag("--raw", a->raw,
                 "Print the reverse sweep's own products, unsimplified (what backpropagation "
                 "computes)");
  diff->callback([a] {
    std::printf("%s\n", derivative_text(read_program(a->program, a->file), a->wrt, a->order,
                                        a->latex, a->precision, a->digits, a->raw)
                            .c_str());
  });

  auto h = std::make_shared<DiffArgs>();
  auto* hessian =
      app.add_subcommand("hessian", "Print the matrix of second derivatives at a point");
  add_program_options(*hessian, *h);
  hessian->add_flag("--json", h->json, "Print {\"inputs\": [...], \"hessian\": [[...]]}");
  hessian->callback([h] {
    const EvalPrecision precision = parse_eval_precision(h->precision);
    auto values = parse_at(h->at);
    const symbolic::Program p = parse_program(read_program(h->program, h->file));
    check_values(p, values);
    with_eval_precision(precision, [&]<class T>() { run_hessian<T>(p, values, *h); });
  });
}

}  // namespace dlmath::cli
