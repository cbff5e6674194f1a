// A parsed program recorded on a graph: inputs become input leaves, numbers constants (read at
// the graph's own precision), and every operation its op node. One forward loop over the flat
// syntax tree, no recursion.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "ops/ops.hpp"
#include "symbolic/syntax.hpp"

namespace dlmath::symbolic {

template <class T>
struct Recorded {
  Var<T> output;
  std::vector<Var<T>> inputs;  // in the order of Program::inputs
};

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
      case SyntaxNode::name:
        at[next] = lookup(n.text);
        break;
      case SyntaxNode::negate:
        at[next] = -at[n.a];
        break;
      case SyntaxNode::plus:
        at[next] = at[n.a];
        break;
      case SyntaxNode::binary: {
        const Var<T>& a = at[n.a];
        const Var<T>& b = at[n.b];
        switch (n.op) {
          case '+':
            at[next] = a + b;
            break;
          case '-':
            at[next] = a - b;
            break;
          case '*':
            at[next] = a * b;
            break;
          case '/':
            at[next] = a / b;
            break;
          default:
            // A literal exponent keeps log(a) out of the derivative: x^2 is fine for x < 0.
            at[next] = p.nodes[n.b].kind == SyntaxNode::number
                           ? g.record(codes::pow_const, a.index(), b.index())
                           : pow(a, b);
        }
        break;
      }
      case SyntaxNode::call: {
        const Var<T>& x = at[n.a];
        const std::string& f = n.text;
        if (f == "pow") {
          at[next] = p.nodes[n.b].kind == SyntaxNode::number
                         ? g.record(codes::pow_const, x.index(), at[n.b].index())
                         : pow(x, at[n.b]);
        } else if (f == "exp")
          at[next] = exp(x);
        else if (f == "log")
          at[next] = log(x);
        else if (f == "sqrt")
          at[next] = sqrt(x);
        else if (f == "sin")
          at[next] = sin(x);
        else if (f == "cos")
          at[next] = cos(x);
        else if (f == "tanh")
          at[next] = tanh(x);
        else if (f == "sigmoid")
          at[next] = sigmoid(x);
        else if (f == "relu")
          at[next] = relu(x);
        else if (f == "softplus")
          at[next] = softplus(x);
        else if (f == "abs")
          at[next] = abs(x);
        else if (f == "step")
          at[next] = step(x);
        else if (f == "sign")
          at[next] = sign(x);
        else
          throw std::logic_error("no op for function " + f);
        break;
      }
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
