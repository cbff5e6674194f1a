// The anomaly check: the node where a NaN or an infinity first appears.
#pragma once

#include <cmath>
#include <optional>
#include <vector>

#include "engine/decimal.hpp"
#include "engine/tape.hpp"

namespace dlmath {

template <class T>
struct Anomaly {
  index_t node = 0;
  // false: the node's value is not finite; true: its values are finite but a gradient through
  // one of its local partial derivatives is not (log at 0, sqrt at 0).
  bool in_gradient = false;
  std::string op;    // the node's op name ("log")
  std::string name;  // the name the program gave it ("h1"), or empty
  T value{}, grad{};
  std::vector<T> operand_values;

  // One line, e.g. "node 7 (y = log): value -inf from operands [0]".
  std::string describe() const {
    std::string s = "node " + std::to_string(node) + " (" + (name.empty() ? "" : name + " = ") +
                    op + "): " +
                    (in_gradient ? "a partial derivative is not finite (the gradient below it is " +
                                       to_decimal(grad, 6) + ")"
                                 : "value " + to_decimal(value, 6)) +
                    " from operands [";
    for (std::size_t k = 0; k < operand_values.size(); ++k)
      s += (k ? ", " : "") + to_decimal(operand_values[k], 6);
    return s + "]";
  }
};

template <class T>
bool is_finite_value(const T& x) {
  using std::isfinite;
  return isfinite(x);
}

// Where the first NaN or infinity comes from. Values flow forward, so the first node in creation
// order with a non-finite value is where it starts. Gradients flow backward: if every value is
// finite, the last node with a non-finite gradient got it from a consumer whose own gradient is
// finite, so that consumer's local partial derivative is to blame, and it is reported.
template <class T>
std::optional<Anomaly<T>> find_anomaly(const Tape<T>& tape) {
  auto report = [&](index_t i, bool in_gradient, const T& grad) {
    Anomaly<T> a;
    a.node = i;
    a.in_gradient = in_gradient;
    a.op = tape.info(i).name;
    a.name = tape.name(i);
    a.value = tape.value(i);
    a.grad = grad;
    if (!tape.is_leaf(i))
      for (index_t k : tape.operands(i)) a.operand_values.push_back(tape.value(k));
    return a;
  };
  for (index_t i = 0; i < tape.size(); ++i)
    if (!is_finite_value(tape.value(i))) return report(i, false, tape.grad(i));
  for (index_t k = tape.size(); k-- > 0;) {
    if (is_finite_value(tape.grad(k))) continue;
    // The first consumer of k with a finite, non-zero gradient (its partial made k's infinite).
    for (index_t i = k + 1; i < tape.size(); ++i) {
      if (tape.is_leaf(i) || tape.grad(i) == 0) continue;
      for (index_t o : tape.operands(i))
        if (o == k) return report(i, true, tape.grad(k));
    }
    return report(k, true, tape.grad(k));  // the output's own gradient (never, as it is 1)
  }
  return std::nullopt;
}

}  // namespace dlmath
