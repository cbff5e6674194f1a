#pragma once
#include "ops/contract.hpp"

namespace dlmath {

// cos x:  d/dx = -sin x
struct Cos {
  static constexpr OpCode code = codes::cos;
  static constexpr std::string_view name = "cos", symbol = "cos", latex = "\\cos";
  static constexpr int precedence = 0;
  template <class U>
  static U value(const U& x) {
    using std::cos;
    return cos(x);
  }
  template <class U>
  static U partial(const U& x, const U& y) {
    (void)y;
    using std::sin;
    return -sin(x);
  }
};

template <class T>
Var<T> cos(const Var<T>& x) {
  return record<Cos>(x);
}

}  // namespace dlmath
