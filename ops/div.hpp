#pragma once
#include "ops/contract.hpp"

namespace dlmath {

// a / b:  d/da = 1/b, d/db = -(a/b)/b
struct Div {
  static constexpr OpCode code = code_of<Div>;
  static constexpr std::string_view name = "div", symbol = "/", latex = "/";
  static constexpr int precedence = 2;
  static constexpr Reading reading{Reading::product, -1};
  static constexpr std::string_view about = "a divided by b";
  static constexpr double samples[][2] = {{0.7, 1.3}, {-2.5, 0.4}, {1e3, -0.3}};
  template <class U>
  static U value(const U& a, const U& b) {
    return a / b;
  }
  template <class U>
  static Partials<U> partials(const U&, const U& b, const U& y) {
    return {1 / b, -y / b};
  }
};

template <class A, class B>
requires var_operands<A, B>
auto operator/(const A& a, const B& b) {
  return record<Div>(a, b);
}
template <class T, class B>
Var<T>& operator/=(Var<T>& a, const B& b) {
  return a = a / b;
}

}  // namespace dlmath
