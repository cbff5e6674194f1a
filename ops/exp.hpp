#pragma once
#include "ops/contract.hpp"

namespace dlmath {

// exp x:  d/dx = exp x
struct Exp {
  static constexpr OpCode code = code_of<Exp>;
  static constexpr std::string_view name = "exp", symbol = "exp", latex = "\\exp";
  static constexpr int precedence = 0;
  static constexpr ExactPoint exact[] = {{{0}, {1}}};
  using inverse = Log;
  static constexpr std::string_view about = "e to the power x";
  static constexpr double samples[] = {-3.1, 0.2, 2.5};
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
