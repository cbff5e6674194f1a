// The anomaly check: the first node whose value or gradient is NaN or infinite.
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
  bool in_gradient = false;  // false: the value is not finite; true: the gradient is not
  std::string op;            // the node's op name ("log")
  T value{}, grad{};
  std::vector<T> operand_values;

  // One line, e.g. "node 7 (log): value -inf from operands [0]".
  std::string describe() const {
    std::string s =
        "node " + std::to_string(node) + " (" + op + "): " +
        (in_gradient ? "gradient " + to_decimal(grad, 6) : "value " + to_decimal(value, 6)) +
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

// The first node in creation order whose value or gradient is not finite (its value is
// reported when both are).
template <class T>
std::optional<Anomaly<T>> find_anomaly(const Tape<T>& tape) {
  for (index_t i = 0; i < tape.size(); ++i) {
    const bool bad_value = !is_finite_value(tape.value(i));
    if (!bad_value && is_finite_value(tape.grad(i))) continue;
    Anomaly<T> a{i, !bad_value, std::string(tape.info(i).name), tape.value(i), tape.grad(i), {}};
    if (!tape.is_leaf(i))
      for (index_t k : tape.operands(i)) a.operand_values.push_back(tape.value(k));
    return a;
  }
  return std::nullopt;
}

}  // namespace dlmath
