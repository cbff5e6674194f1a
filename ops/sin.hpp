#pragma once
#include "ops/contract.hpp"

namespace dlmath {

// sin x:  d/dx = cos x
struct Sin {
  static constexpr OpCode code = codes::sin;
  static constexpr std::string_view name = "sin", symbol = "sin", latex = "\\sin";
  static constexpr int precedence = 0;
  template <class U>
  static U value(const U& x) {
    using std::sin;
    return sin(x);
  }
  template <class U>
  static U partial(const U& x, const U& y) {
    (void)y;
    using std::cos;
    return cos(x);
  }
};

template <class T>
Var<T> sin(const Var<T>& x) {
  return record<Sin>(x);
}

}  // namespace dlmath
