#pragma once
#include "ops/contract.hpp"

namespace dlmath {

// sigma(x) = 1 / (1 + e^-x):  d/dx = sigma(x) (1 - sigma(x))
struct Sigmoid {
  static constexpr OpCode code = codes::sigmoid;
  static constexpr std::string_view name = "sigmoid", symbol = "sigmoid", latex = "\\sigma";
  static constexpr int precedence = 0;
  // e^-|x| never overflows, so sigma stays finite (and its partial too) for any x.
  template <class U>
  static U value(const U& x) {
    using std::exp;
    if (x >= 0) return 1 / (1 + exp(-x));
    const U e = exp(x);
    return e / (1 + e);
  }
  template <class U>
  static U partial(const U&, const U& y) {
    return y * (1 - y);
  }
};

template <class T>
Var<T> sigmoid(const Var<T>& x) {
  return record<Sigmoid>(x);
}

}  // namespace dlmath
