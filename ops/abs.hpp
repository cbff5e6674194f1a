#pragma once
#include "ops/contract.hpp"
#include "ops/sign.hpp"

namespace dlmath {

// |x|:  d/dx = sign x
struct Abs {
  static constexpr OpCode code = code_of<Abs>;
  static constexpr std::string_view name = "abs", symbol = "abs", latex = "\\left|#\\right|";
  static constexpr int precedence = 0;
  static constexpr Parity parity = Parity::even;
  static constexpr bool exact_on_rationals = true;
  static constexpr std::string_view about = "the absolute value";
  static constexpr double samples[] = {-1.4, 0.3, 2.6};
  template <class U>
  static U value(const U& x) {
    using std::abs;
    return abs(x);
  }
  template <class U>
  static U partial(const U& x, const U&) {
    return apply<Sign>(x);
  }
};

template <class T>
Var<T> abs(const Var<T>& x) {
  return record<Abs>(x);
}

}  // namespace dlmath
