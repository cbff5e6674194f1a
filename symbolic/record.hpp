// A parsed program recorded on a graph: inputs become input leaves, numbers constants (read at
// the graph's own precision), and every operation its op node. One forward loop over the flat
// syntax tree, no recursion.
#pragma once

#include <initializer_list>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "ops/ops.hpp"
#include "symbolic/syntax.hpp"

namespace dlmath::symbolic {

template <class T>
struct Recorded {
  Var<T> output;
  std::vector<Var<T>> inputs;  // in the order of Program::inputs
};

// The op the language writes as `symbol` (an operator or a function) applied to `operands`,
// looked up in the op registry. `literal` says the last operand is written as a number: x^2 and
// pow(x, 2) record PowConst, whose derivative keeps log(x) out, so x^2 is fine for x < 0.
template <class T>
Var<T> record_op(Graph<T>& g, std::string_view symbol, std::initializer_list<Var<T>> operands,
                 bool literal = false) {
  const int arity = static_cast<int>(operands.size());
  const OpEntry* op = op_written(symbol, arity, literal);
  if (!op) throw std::logic_error("no op is written " + std::string(symbol));
  const Var<T>* x = operands.begin();
  return arity == 1 ? g.record(op->code, x[0].index())
                    : g.record(op->code, x[0].index(), x[1].index());
}

// Records one statement's expression: the syntax nodes from `next` to `root` (a statement's
// nodes are those after the previous statement's root), each as its op node, in one loop.
// `lookup(name)` gives the Var a name stands for; `at` (sized to p.nodes) receives every node.
template <class T, class Lookup>
Var<T> record_expression(Graph<T>& g, const Program& p, std::size_t next, int root,
                         std::vector<Var<T>>& at, Lookup&& lookup) {
  for (; next <= static_cast<std::size_t>(root); ++next) {
    const SyntaxNode& n = p.nodes[next];
    switch (n.kind) {
      case SyntaxNode::number:
        try {
          at[next] = g.constant(from_decimal<T>(n.text));
        } catch (const std::invalid_argument& e) {  // in range for one precision, not another
          throw std::invalid_argument(std::to_string(n.line) + ":" + std::to_string(n.column) +
                                      ": " + e.what());
        }
        break;
      case SyntaxNode::name:  // (the parser lets no program assign to a named constant)
        at[next] = is_named_constant(n.text) ? named_constant(g, n.text) : lookup(n.text);
        break;
      case SyntaxNode::negate:
        at[next] = record_op(g, "-", {at[n.a]});
        break;
      case SyntaxNode::plus:
        at[next] = at[n.a];
        break;
      case SyntaxNode::binary:
        at[next] = record_op(g, std::string_view(&n.op, 1), {at[n.a], at[n.b]},
                             p.nodes[n.b].kind == SyntaxNode::number);
        break;
      case SyntaxNode::call:
        if (n.b < 0)
          at[next] = record_op(g, n.text, {at[n.a]});
        else
          at[next] =
              record_op(g, n.text, {at[n.a], at[n.b]}, p.nodes[n.b].kind == SyntaxNode::number);
        break;
    }
  }
  return at[root];
}

// A statement `name = expr` names its node on the graph (`h1 = tanh`), for drawings and reports;
// a leaf keeps its own name.
template <class T>
void name_result(Graph<T>& g, const Var<T>& v, const std::string& name) {
  if (!name.empty() && !g.is_leaf(v.index())) g.set_name(v.index(), name);
}

// `values` gives each input's value as decimal text; every input must have one.
template <class T>
Recorded<T> record_program(Graph<T>& g, const Program& p,
                           const std::map<std::string, std::string>& values) {
  Recorded<T> r;
  std::map<std::string, Var<T>> env;
  for (const auto& name : p.inputs) {
    const auto it = values.find(name);
    if (it == values.end()) throw std::invalid_argument("no value for the input '" + name + "'");
    T v;
    try {
      v = from_decimal<T>(it->second);
    } catch (const std::invalid_argument& e) {
      throw std::invalid_argument("the value of '" + name + "': " + e.what());  // e.g. out of range
    }
    r.inputs.push_back(g.input(name, v));
    env[name] = r.inputs.back();
  }
  std::vector<Var<T>> at(p.nodes.size());
  std::size_t next = 0;
  for (const auto& s : p.statements) {
    const Var<T> v = record_expression(g, p, next, s.root, at,
                                       [&](const std::string& name) { return env.at(name); });
    next = static_cast<std::size_t>(s.root) + 1;
    if (!s.target.empty()) {
      env[s.target] = v;
      name_result(g, v, s.target);
    }
  }
  r.output = at[p.statements.back().root];
  return r;
}

}  // namespace dlmath::symbolic
