#pragma once
#include <limits>
#include <type_traits>

#include "ops/contract.hpp"

namespace dlmath {

// sigma(x) = 1 / (1 + e^-x):  d/dx = sigma(x) sigma(-x)
struct Sigmoid {
  static constexpr OpCode code = code_of<Sigmoid>;
  static constexpr std::string_view name = "sigmoid", symbol = "sigmoid", latex = "\\sigma";
  static constexpr int precedence = 0;
  static constexpr Parity parity = Parity::complement;
  static constexpr Role role = Role::logistic;
  static constexpr ExactPoint exact[] = {{{0}, {1, 2}}};
  static constexpr bool activation = true;
  static constexpr std::string_view about = "the logistic function 1/(1 + e^-x)";
  static constexpr double samples[] = {-4.3, -0.6, 0.7, 3.2};
  // sigma(x), and sigma(-x) kept for the partial, from one exponential and one division.
  // In double, e = e^-x, sigma(x) = 1 / (1 + e) as the paper writes it and sigma(-x) = e sigma(x)
  // beside it, off the way to the next layer: a neuron's value waits for nothing but the
  // exponential and the division (choosing both by the sign after them, as below, made a
  // hand-written training step 12% slower, measured). Where e^-x
  // overflows (x < -709.78), sigma(x) = e^x and sigma(-x) = 1. A multiprecision number takes
  // e = e^-|x|, which never overflows, and r = 1 / (1 + e): sigma(|x|) = r, sigma(-|x|) = e r.
  // Inlined: recording a neuron, GCC would otherwise call it.
  template <class U>
  [[gnu::always_inline]] static U value(const U& x, U& minus) {
    if constexpr (std::is_floating_point_v<U>) {
      using std::exp;
      const U e = exp(-x), y = 1 / (1 + e);
      if (e > std::numeric_limits<U>::max()) [[unlikely]] {
        minus = 1;
        return exp(x);
      }
      minus = e * y;
      return y;
    } else {
      return from_exp(x, exp_minus_abs(x), minus);
    }
  }
  // e^-|x|, which never overflows (softplus takes it too).
  template <class U>
  static U exp_minus_abs(const U& x) {
    using std::abs, std::exp;
    if constexpr (std::is_floating_point_v<U>)
      return exp(-abs(x));  // no branch on the sign
    else                    // a multiprecision number: abs(x) would be one more copy
      return x >= 0 ? U(exp(U(-x))) : U(exp(x));
  }
  // The same from e = e^-|x| already computed (softplus needs e itself too).
  template <class U>
  static U from_exp(const U& x, const U& e, U& minus) {
    const U r = 1 / (1 + e), er = e * r;  // (lvalues: choosing copies none)
    minus = x >= 0 ? er : r;
    return x >= 0 ? r : er;
  }
  template <class U>
  static U value(const U& x) {
    U minus;
    return value(x, minus);
  }
  // Not y (1 - y): where sigma(x) is near 1, 1 - y keeps none of the digits of sigma(-x)
  // (at x = 1000 it is 0, the true slope 5.08e-435). Both factors here keep full relative
  // accuracy. Where no forward step kept sigma(-x) it is computed again (recorded for a Var).
  template <class U>
  static U partial(const U& x, const U& y, const U& minus) {
    (void)x;
    return y * minus;
  }
  template <class U>
  static U partial(const U& x, const U& y) {
    return partial(x, y, apply<Sigmoid>(-x));
  }
};

template <class T>
Var<T> sigmoid(const Var<T>& x) {
  return record<Sigmoid>(x);
}

}  // namespace dlmath
