#pragma once
#include "ops/contract.hpp"

namespace dlmath {

// atan x:  d/dx = 1/(1 + x^2)
struct Atan {
  static constexpr OpCode code = code_of<Atan>;
  static constexpr std::string_view name = "atan", symbol = "atan", latex = "\\arctan";
  static constexpr int precedence = 0;
  static constexpr Parity parity = Parity::odd;
  static constexpr ExactPoint exact[] = {{{0}, {0}}};
  static constexpr std::string_view about = "the inverse tangent, between -pi/2 and pi/2";
  static constexpr double samples[] = {-3.7, -0.6, 0.2, 1.4, 25.0};
  template <class U>
  static U value(const U& x) {
    using std::atan;
    return atan(x);
  }
  // Beyond |x| = 1 a number's slope is r/(x + r) with r = 1/x: x^2 would overflow first (in
  // double past |x| = 1.3e154, where the slope 1e-309 is still there to be had), and no step
  // cancels, so it stays within 2 ulps. A Var's partial is recorded as 1/(1 + x^2): it must hold
  // at every point the graph is replayed at, 0 included, and prints as a reader expects.
  template <class U>
  static U partial(const U& x, const U&) {
    if constexpr (!is_var<U>::value) {
      using std::abs;
      if (abs(x) > 1) {
        const U r = 1 / x;
        return r / (x + r);
      }
    }
    return 1 / (1 + x * x);
  }
};

template <class T>
Var<T> atan(const Var<T>& x) {
  return record<Atan>(x);
}

}  // namespace dlmath
