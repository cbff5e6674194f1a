#pragma once
#include "ops/contract.hpp"

namespace dlmath {

// x^2:  d/dx = 2x
struct Square {
  static constexpr OpCode code = code_of<Square>;
  static constexpr std::string_view name = "square", symbol = "square", latex = "^2";
  static constexpr int precedence = 0;
  static constexpr Reading reading{Reading::square};
  static constexpr std::string_view about = "x times x";
  static constexpr double samples[] = {-1.7, 0.2, 3.5};
  template <class U>
  static U value(const U& x) {
    return x * x;
  }
  template <class U>
  static U partial(const U& x, const U& y) {
    (void)y;
    return 2 * x;
  }
};

template <class T>
Var<T> square(const Var<T>& x) {
  return record<Square>(x);
}

}  // namespace dlmath
