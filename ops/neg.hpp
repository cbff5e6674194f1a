#pragma once
#include "ops/contract.hpp"

namespace dlmath {

// -x:  d/dx = -1
struct Neg {
  static constexpr OpCode code = code_of<Neg>;
  static constexpr std::string_view name = "neg", symbol = "-", latex = "-";
  static constexpr int precedence = 3;
  static constexpr Reading reading{Reading::negate, -1};
  static constexpr std::string_view about = "minus x";
  static constexpr double samples[] = {-1.7, 0.2, 3.5};
  template <class U>
  static U value(const U& x) {
    return -x;
  }
  static constexpr int fixed_partial = -1;
  template <class U>
  static U partial(const U& x, const U&) {
    return constant_like(x, fixed_partial);
  }
};

template <class T>
Var<T> operator-(const Var<T>& x) {
  return record<Neg>(x);
}

}  // namespace dlmath
