#pragma once
#include "ops/contract.hpp"

namespace dlmath {

// exp x:  d/dx = exp x
struct Exp {
  static constexpr OpCode code = codes::exp;
  static constexpr std::string_view name = "exp", symbol = "exp", latex = "\\exp";
  static constexpr int precedence = 0;
  template <class U>
  static U value(const U& x) {
    using std::exp;
    return exp(x);
  }
  template <class U>
  static U partial(const U& x, const U& y) {
    (void)x;
    return y;
  }
};

template <class T>
Var<T> exp(const Var<T>& x) {
  return record<Exp>(x);
}

}  // namespace dlmath
