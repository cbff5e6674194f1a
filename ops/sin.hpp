#pragma once
#include "ops/contract.hpp"
#include "ops/cos.hpp"

namespace dlmath {

// sin x:  d/dx = cos x
struct Sin {
  static constexpr OpCode code = code_of<Sin>;
  static constexpr std::string_view name = "sin", symbol = "sin", latex = "\\sin";
  static constexpr int precedence = 0;
  static constexpr Parity parity = Parity::odd;
  static constexpr Role role = Role::sine;
  static constexpr ExactPoint exact[] = {{{0}, {0}}};
  static constexpr std::string_view about = "the sine (x in radians)";
  static constexpr double samples[] = {-2.2, 0.3, 1.9};
  template <class U>
  static U value(const U& x) {
    using std::sin;
    return sin(x);
  }
  template <class U>
  static U partial(const U& x, const U&) {
    return apply<Cos>(x);
  }
};

template <class T>
Var<T> sin(const Var<T>& x) {
  return record<Sin>(x);
}

}  // namespace dlmath
