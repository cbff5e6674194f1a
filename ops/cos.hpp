#pragma once
#include "ops/contract.hpp"
#include "ops/sin.hpp"

namespace dlmath {

// cos x:  d/dx = -sin x
struct Cos {
  static constexpr OpCode code = code_of<Cos>;
  static constexpr std::string_view name = "cos", symbol = "cos", latex = "\\cos";
  static constexpr int precedence = 0;
  static constexpr Parity parity = Parity::even;
  static constexpr Role role = Role::cosine;
  static constexpr ExactPoint exact[] = {{{0}, {1}}};
  static constexpr std::string_view about = "the cosine (x in radians)";
  static constexpr double samples[] = {-2.2, 0.3, 1.9};
  template <class U>
  static U value(const U& x) {
    using std::cos;
    return cos(x);
  }
  template <class U>
  static U partial(const U& x, const U&) {
    return -apply<Sin>(x);
  }
};

template <class T>
Var<T> cos(const Var<T>& x) {
  return record<Cos>(x);
}

}  // namespace dlmath
