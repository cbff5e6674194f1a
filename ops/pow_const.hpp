#pragma once
#include "ops/contract.hpp"
#include "ops/pow.hpp"

namespace dlmath {

// a ^ c with c a constant:  d/da = c a^(c-1); c gets no gradient, so a <= 0 stays finite.
struct PowConst {
  static constexpr OpCode code = code_of<PowConst>;
  static constexpr std::string_view name = "pow", symbol = "^", call = "pow", latex = "^";
  static constexpr int precedence = 4;
  static constexpr Reading reading{Reading::power};
  static constexpr Associativity associativity = Associativity::right;
  static constexpr int constant_operand = 1;  // c
  static constexpr std::string_view about =
      "a to a power c written as a number: its derivative has no log a, so a may be 0 or "
      "negative";
  static constexpr double samples[][2] = {{0.7, 1.3}, {-2.5, 3.0}, {1.1, -2.0}};
  template <class U>
  static U value(const U& a, const U& c) {
    using std::pow;
    return pow(a, c);
  }
  // For c = 0 the rule would give 0 * 0^-1 = NaN at a = 0; x^0 is 1 everywhere, its slope 0.
  // c is a constant, so testing its value here holds wherever the graph is replayed; with it,
  // every derivative of x^c (c a whole number >= 0) is exact at 0. The partial is PowConst again,
  // whatever c - 1's node is: its derivative must not involve log(a).
  template <class U>
  static Partials<U> partials(const U& a, const U& c, const U&) {
    return {value_of(c) == 0 ? constant_like(a, 0) : c * apply<PowConst>(a, c - 1),
            constant_like(a, 0)};
  }
};

// pow(x, y) with both variable records Pow; with a constant exponent, PowConst.
template <class A, class B>
requires var_operands<A, B>
auto pow(const A& a, const B& b) {
  if constexpr (is_var<B>::value)
    return record<Pow>(a, b);
  else
    return record<PowConst>(a, b);
}

}  // namespace dlmath
