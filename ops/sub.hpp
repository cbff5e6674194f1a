#pragma once
#include "ops/contract.hpp"

namespace dlmath {

// a - b:  d/da = 1, d/db = -1
struct Sub {
  static constexpr OpCode code = code_of<Sub>;
  static constexpr std::string_view name = "sub", symbol = "-", latex = "-";
  static constexpr int precedence = 1;
  static constexpr Reading reading{Reading::linear, -1};
  static constexpr std::string_view about = "a minus b";
  static constexpr double samples[][2] = {{0.7, 1.3}, {-2.5, 0.4}, {1e3, -3e-3}};
  template <class U>
  static U value(const U& a, const U& b) {
    return a - b;
  }
  static constexpr Partials<int> fixed_partials{1, -1};
  template <class U>
  static Partials<U> partials(const U& a, const U&, const U&) {
    return {constant_like(a, fixed_partials.da), constant_like(a, fixed_partials.db)};
  }
};

template <class A, class B>
requires var_operands<A, B>
auto operator-(const A& a, const B& b) {
  return record<Sub>(a, b);
}
template <class T, class B>
Var<T>& operator-=(Var<T>& a, const B& b) {
  return a = a - b;
}

}  // namespace dlmath
