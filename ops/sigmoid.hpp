#pragma once
#include "ops/contract.hpp"

namespace dlmath {

// sigma(x) = 1 / (1 + e^-x):  d/dx = sigma(x) sigma(-x)
struct Sigmoid {
  static constexpr OpCode code = code_of<Sigmoid>;
  static constexpr std::string_view name = "sigmoid", symbol = "sigmoid", latex = "\\sigma";
  static constexpr int precedence = 0;
  static constexpr std::string_view about = "the logistic function 1/(1 + e^-x)";
  static constexpr double samples[] = {-4.3, -0.6, 0.7, 3.2};
  // e^-|x| never overflows, so sigma stays finite (and its partial too) for any x.
  template <class U>
  static U value(const U& x) {
    using std::exp;
    if (x >= 0) return 1 / (1 + exp(-x));
    const U e = exp(x);
    return e / (1 + e);
  }
  // Not y (1 - y): where sigma(x) is near 1, 1 - y keeps none of the digits of sigma(-x)
  // (at x = 1000 it is 0, the true slope 5.08e-435). Both factors here keep full relative
  // accuracy.
  template <class U>
  static U partial(const U& x, const U& y) {
    return y * apply<Sigmoid>(-x);
  }
};

template <class T>
Var<T> sigmoid(const Var<T>& x) {
  return record<Sigmoid>(x);
}

}  // namespace dlmath
