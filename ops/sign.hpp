#pragma once
#include "ops/contract.hpp"

namespace dlmath {

// sign x:  d/dx = 0 (almost everywhere)
struct Sign {
  static constexpr OpCode code = code_of<Sign>;
  static constexpr std::string_view name = "sign", symbol = "sign", latex = "\\operatorname{sign}";
  static constexpr int precedence = 0;
  static constexpr Parity parity = Parity::odd;
  static constexpr bool exact_on_rationals = true;
  static constexpr std::string_view about =
      "1, 0 or -1 as x is positive, 0 or negative: the slope of abs";
  static constexpr double samples[] = {-1.4, 0.3, 2.6};
  template <class U>
  static U value(const U& x) {
    return U(x > 0 ? 1 : (x < 0 ? -1 : 0));
  }
  static constexpr int fixed_partial = 0;
  template <class U>
  static U partial(const U& x, const U& y) {
    (void)y;
    return constant_like(x, fixed_partial);
  }
};

template <class T>
Var<T> sign(const Var<T>& x) {
  return record<Sign>(x);
}

}  // namespace dlmath
