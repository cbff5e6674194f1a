#pragma once
#include "ops/contract.hpp"
#include "ops/log.hpp"

namespace dlmath {

// a ^ b:  d/da = b a^(b-1), d/db = a^b log a   (defined for a > 0 when b varies, and a = 0)
struct Pow {
  static constexpr OpCode code = code_of<Pow>;
  static constexpr std::string_view name = "pow", symbol = "^", call = "pow", latex = "^";
  static constexpr int precedence = 4;
  static constexpr Reading reading{Reading::power};
  static constexpr Associativity associativity = Associativity::right;
  static constexpr std::string_view about = "a to the power b, for a > 0 (or a = 0)";
  static constexpr double samples[][2] = {{0.7, 1.3}, {2.5, -0.4}, {1.1, 3.0}};
  template <class U>
  static U value(const U& a, const U& b) {
    using std::pow;
    return pow(a, b);
  }
  // At a = 0 the textbook rules multiply 0 by infinity: b a^(b-1) for b = 0 (a^0 is 1, its slope
  // 0) and a^b log a for the constant base 0 (0^b is 0 for b > 0, its slope 0). Those are given
  // their true value 0; a Var base counts as 0 only when it is a constant leaf.
  template <class U>
  static Partials<U> partials(const U& a, const U& b, const U& y) {
    return {fixed_zero(b) ? constant_like(a, 0) : b * apply<Pow>(a, b - 1),
            fixed_zero(a) ? constant_like(a, 0) : y * apply<Log>(a)};
  }
};

}  // namespace dlmath
