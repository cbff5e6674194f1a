// dlmath diff: the derivative of a program as a formula; dlmath hessian: the matrix of second
// derivatives at a point.
#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/options.hpp"
#include "cli/program.hpp"
#include "ops/derivative.hpp"
#include "symbolic/print.hpp"
#include "symbolic/record.hpp"

namespace dlmath::cli {

namespace {

struct DiffArgs {
  std::string program, file, wrt, precision = "double";
  std::vector<std::string> at;
  std::uint64_t order = 1;
  int digits = 0;
  bool latex = false, json = false;
};

template <class T>
void run_diff(const symbolic::Program& p, std::map<std::string, std::string> values,
              const DiffArgs& a) {
  Graph<T> g;
  const auto r = record_checked<T>(g, p, values);
  std::size_t k = 0;
  while (k < p.inputs.size() && p.inputs[k] != a.wrt) ++k;
  Var<T> d = r.output;
  // Each order multiplies the graph; the next order's size is estimated from the growth of the
  // last one and refused before it is built.
  double before = 0, added = static_cast<double>(g.size());
  for (std::uint64_t n = 0; n < a.order; ++n) {
    const double growth = before > 0 ? std::max(2.0, added / before) : 4.0;
    const double next = added * growth;
    if (g.size() + next > limits::max_derivative_nodes)
      throw UsageError("--order " + std::to_string(a.order) + ": derivatives up to order " +
                       std::to_string(n + 1) + " would take about " +
                       std::to_string(static_cast<long long>(g.size() + next)) +
                       " nodes, more than the limit of " +
                       std::to_string(static_cast<long long>(limits::max_derivative_nodes)));
    check_graph_memory<T>(g.size() + next, "--order");
    const double size = static_cast<double>(g.size());
    d = k < p.inputs.size() ? derivative(d, r.inputs[k]) : g.constant(0);
    before = added, added = static_cast<double>(g.size()) - size;
  }
  // Constants with the digits the precision carries (or --digits), as everywhere in text.
  const int digits = display_digits(a.digits, d.value());
  try {
    std::printf("%s\n",
                symbolic::print(g, d.index(), symbolic::PrintOptions{a.latex, digits}).c_str());
  } catch (const std::domain_error& e) {
    throw UsageError(e.what());
  }
}

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
  diff->add_option("program", a->program, "The program; '-' reads standard input");
  diff->add_option("-f,--file", a->file, "Read the program from a file");
  diff->add_option("--wrt", a->wrt, "The input to differentiate with respect to")->required();
  add_whole_option(*diff, "--order", a->order, "How many times to differentiate", 1,
                   limits::max_order);
  add_digits_option(*diff, a->digits);
  diff->add_flag("--latex", a->latex, "Print LaTeX instead of the expression language");
  diff->add_option("--precision", a->precision,
                   "float, double, 50, 100 or mpfr:BITS: of the constants")
      ->capture_default_str();
  diff->callback([a] {
    const EvalPrecision precision = parse_eval_precision(a->precision);
    const symbolic::Program p = parse_program(read_program(a->program, a->file));
    bool known = false;
    for (const auto& name : p.inputs) known = known || name == a->wrt;
    if (!known) {
      std::string list;
      for (const auto& name : p.inputs) list += (list.empty() ? "" : ", ") + name;
      throw UsageError("--wrt: the program has no input '" + a->wrt +
                       "' (its inputs: " + (list.empty() ? "none" : list) + ")");
    }
    std::map<std::string, std::string> values;
    check_values(p, values, "1");  // the formula does not depend on the point
    with_eval_precision(precision, [&]<class T>() { run_diff<T>(p, values, *a); });
  });

  auto h = std::make_shared<DiffArgs>();
  auto* hessian =
      app.add_subcommand("hessian", "Print the matrix of second derivatives at a point");
  hessian->add_option("program", h->program, "The program; '-' reads standard input");
  hessian->add_option("-f,--file", h->file, "Read the program from a file");
  hessian->add_option("--at", h->at, "Input values NAME=VALUE[,NAME=VALUE...]");
  hessian->add_option("--precision", h->precision, "float, double, 50, 100 or mpfr:BITS")
      ->capture_default_str();
  add_digits_option(*hessian, h->digits);
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
