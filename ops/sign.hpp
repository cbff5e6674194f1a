#pragma once
#include "ops/contract.hpp"

namespace dlmath {

// sign x:  d/dx = 0 (almost everywhere)
struct Sign {
  static constexpr OpCode code = codes::sign;
  static constexpr std::string_view name = "sign", symbol = "sign", latex = "\\operatorname{sign}";
  static constexpr int precedence = 0;
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

namespace dlmath {
// The numeric sign, so that partials written with it also run on plain numbers.
template <class T>
requires(!is_var<T>::value) T sign(const T& x) {
  return Sign::value(x);
}
}  // namespace dlmath
