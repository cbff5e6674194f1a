#pragma once
#include "ops/contract.hpp"

namespace dlmath {

// tanh x:  d/dx = 1 - tanh^2 x  (finite for any x)
struct Tanh {
  static constexpr OpCode code = codes::tanh;
  static constexpr std::string_view name = "tanh", symbol = "tanh", latex = "\\tanh";
  static constexpr int precedence = 0;
  template <class U>
  static U value(const U& x) {
    using std::tanh;
    return tanh(x);
  }
  template <class U>
  static U partial(const U& x, const U& y) {
    (void)x;
    return 1 - y * y;
  }
};

template <class T>
Var<T> tanh(const Var<T>& x) {
  return record<Tanh>(x);
}

}  // namespace dlmath
