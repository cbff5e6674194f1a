#pragma once
#include "ops/contract.hpp"

namespace dlmath {

// a ^ b:  d/da = b a^(b-1), d/db = a^b log a   (defined for a > 0 when b varies)
struct Pow {
  static constexpr OpCode code = codes::pow;
  static constexpr std::string_view name = "pow", symbol = "^", latex = "^";
  static constexpr int precedence = 4;
  template <class U>
  static U value(const U& a, const U& b) {
    using std::pow;
    return pow(a, b);
  }
  template <class U>
  static Partials<U> partials(const U& a, const U& b, const U& y) {
    using std::log, std::pow;
    return {b * pow(a, b - 1), y * log(a)};
  }
};

}  // namespace dlmath
