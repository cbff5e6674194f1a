#include "cli/shared_output.hpp"

#include <algorithm>

#include "cli/limits.hpp"
#include "cli/program.hpp"
#include "ops/derivative.hpp"
#include "symbolic/formula.hpp"
#include "symbolic/record.hpp"
#include "visual/graph/graph.hpp"

namespace dlmath::cli {

nlohmann::ordered_json eval_json(const std::string& source, const std::vector<std::string>& at,
                                 const std::string& precision_text) {
  const EvalPrecision precision = parse_eval_precision(precision_text);
  auto values = parse_at(at);
  const symbolic::Program p = parse_program(source);
  check_values(p, values);
  return with_eval_precision(precision, [&]<class T>() {
    Graph<T> g;
    const symbolic::Recorded<T> r = record_checked(g, p, values);
    backward(r.output);
    nlohmann::ordered_json j;
    // Said in every output mode: the command also prints it on stderr, the API keeps it here.
    if (const auto bad = find_anomaly(g)) j["warning"] = "not finite at " + bad->describe();
    j["value"] = to_decimal(r.output.value());
    j["gradient"] = nlohmann::ordered_json::object();
    for (std::size_t k = 0; k < r.inputs.size(); ++k)
      j["gradient"][p.inputs[k]] = to_decimal(r.inputs[k].grad());
    return j;
  });
}

std::string derivative_text(const std::string& source, const std::string& wrt, std::uint64_t order,
                            bool latex, const std::string& precision_text, int digits, bool raw) {
  if (order < 1 || order > limits::max_order)
    throw UsageError("--order: must be from 1 to " + std::to_string(limits::max_order));
  const EvalPrecision precision = parse_eval_precision(precision_text);
  const symbolic::Program p = parse_program(source);
  bool known = false;
  for (const auto& name : p.inputs) known = known || name == wrt;
  if (!known) {
    std::string list;
    for (const auto& name : p.inputs) list += (list.empty() ? "" : ", ") + name;
    throw UsageError("--wrt: the program has no input '" + wrt +
                     "' (its inputs: " + (list.empty() ? "none" : list) + ")");
  }
  std::map<std::string, std::string> values;
  check_values(p, values, "1");  // the formula does not depend on the point
  return with_eval_precision(precision, [&]<class T>() {
    Graph<T> g;
    const auto r = record_checked<T>(g, p, values);
    std::size_t k = 0;
    while (k < p.inputs.size() && p.inputs[k] != wrt) ++k;
    Var<T> d = r.output;
    // Each order multiplies the graph; the next order's size is estimated from the growth of
    // the last one and refused before it is built.
    double before = 0, added = static_cast<double>(g.size());
    for (std::uint64_t n = 0; n < order; ++n) {
      const double growth = before > 0 ? std::max(2.0, added / before) : 4.0;
      const double next = added * growth;
      if (g.size() + next > limits::max_derivative_nodes)
        throw UsageError((order == 1 ? std::string("the derivative")
                                     : "--order " + std::to_string(order) +
                                           ": derivatives up to order " + std::to_string(n + 1)) +
                         " would take about " +
                         std::to_string(static_cast<long long>(g.size() + next)) +
                         " nodes, more than the limit of " +
                         std::to_string(static_cast<long long>(limits::max_derivative_nodes)));
      check_graph_memory<T>(g.size() + next, "--order");
      const double size = static_cast<double>(g.size());
      d = derivative(d, r.inputs[k]);
      before = added, added = static_cast<double>(g.size()) - size;
    }
    // Constants with the digits the precision carries (or `digits`), as everywhere in text.
    const int shown = display_digits(digits, d.value());
    try {
      return symbolic::formula(g, d.index(), symbolic::FormulaOptions{latex, shown, raw});
    } catch (const std::domain_error& e) {
      throw UsageError(e.what());
    }
  });
}

visual::Drawing program_drawing(const std::string& source, const std::vector<std::string>& at,
                                int digits, std::size_t limit, bool full) {
  auto values = parse_at(at);
  const symbolic::Program p = parse_program(source);
  check_values(p, values);
  Graph<double> g;
  const symbolic::Recorded<double> r = record_checked(g, p, values);
  backward(r.output);
  return visual::graph_drawing(g, r.output.index(),
                               visual::GraphOptions{digits, true, limit, full, ""});
}

}  // namespace dlmath::cli
