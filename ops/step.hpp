#pragma once
#include "ops/contract.hpp"

namespace dlmath {

// step x (1 for x > 0, else 0):  d/dx = 0 (almost everywhere)
struct Step {
  static constexpr OpCode code = code_of<Step>;
  static constexpr std::string_view name = "step", symbol = "step", latex = "\\theta";
  static constexpr int precedence = 0;
  static constexpr bool exact_on_rationals = true;
  static constexpr std::string_view about = "1 for x > 0, else 0: the slope of relu";
  static constexpr double samples[] = {-1.4, 0.3, 2.6};
  template <class U>
  static U value(const U& x) {
    return U(x > 0 ? 1 : 0);
  }
  static constexpr int fixed_partial = 0;
  template <class U>
  static U partial(const U& x, const U& y) {
    (void)y;
    return constant_like(x, fixed_partial);
  }
};

template <class T>
Var<T> step(const Var<T>& x) {
  return record<Step>(x);
}

}  // namespace dlmath
