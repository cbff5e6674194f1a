#pragma once
#include "ops/contract.hpp"
#include "ops/sigmoid.hpp"

namespace dlmath {

// tanh x:  d/dx = 1 - tanh^2 x = (1 - tanh x)(1 + tanh x) = 4 sigma(2x) sigma(-2x)
struct Tanh {
  static constexpr OpCode code = code_of<Tanh>;
  static constexpr std::string_view name = "tanh", symbol = "tanh", latex = "\\tanh";
  static constexpr int precedence = 0;
  static constexpr Parity parity = Parity::odd;
  static constexpr Role role = Role::tanh;
  static constexpr ExactPoint exact[] = {{{0}, {0}}};
  static constexpr bool activation = true;
  static constexpr std::string_view about = "the hyperbolic tangent";
  static constexpr double samples[] = {-2.2, 0.3, 1.9};
  template <class U>
  static U value(const U& x) {
    using std::tanh;
    return tanh(x);
  }
  // Not 1 - y*y, which cancels as tanh x nears +-1 (at x = 50 it gives 0, the true slope
  // 1.49e-43): 1 -+ tanh x = 2 sigma(-+2x), each factor with full relative accuracy, and smooth,
  // so derivatives of this partial are right too.
  template <class U>
  static U partial(const U& x, const U&) {
    return 4 * apply<Sigmoid>(2 * x) * apply<Sigmoid>(-2 * x);
  }
  // The forward step keeps that slope, sigma(2x) and sigma(-2x) coming from one exponential:
  // the same numbers, and none computed in the backward step.
  template <class U>
  static U value(const U& x, U& slope) {
    U minus;
    slope = 4 * Sigmoid::value(U(2 * x), minus) * minus;
    return value(x);
  }
  template <class U>
  static U partial(const U&, const U&, const U& slope) {
    return slope;
  }
};

template <class T>
Var<T> tanh(const Var<T>& x) {
  return record<Tanh>(x);
}

}  // namespace dlmath
