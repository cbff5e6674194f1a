#include "cli/shared_output.hpp"

#include "cli/program.hpp"
#include "ops/derivative.hpp"
#include "symbolic/print.hpp"
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
    j["value"] = to_decimal(r.output.value());
    j["gradient"] = nlohmann::ordered_json::object();
    for (std::size_t k = 0; k < r.inputs.size(); ++k)
      j["gradient"][p.inputs[k]] = to_decimal(r.inputs[k].grad());
    return j;
  });
}

std::string derivative_text(const std::string& source, const std::string& wrt, int order,
                            bool latex, const std::string& precision_text) {
  if (order < 1 || order > 20) throw UsageError("--order: must be from 1 to 20");
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
    for (int n = 0; n < order; ++n) d = derivative(d, r.inputs[k]);
    return symbolic::print(g, d.index(), symbolic::PrintOptions{latex, 0});
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
