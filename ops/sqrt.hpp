#pragma once
#include "ops/contract.hpp"

namespace dlmath {

// sqrt x:  d/dx = 1/(2 sqrt x)
struct Sqrt {
  static constexpr OpCode code = code_of<Sqrt>;
  static constexpr std::string_view name = "sqrt", symbol = "sqrt", latex = "\\sqrt{#}";
  static constexpr int precedence = 0;
  static constexpr Reading reading{Reading::root};
  static constexpr std::string_view about = "the square root, for x >= 0";
  static constexpr double samples[] = {0.03, 0.9, 7.5};
  template <class U>
  static U value(const U& x) {
    using std::sqrt;
    return sqrt(x);
  }
  template <class U>
  static U partial(const U& x, const U& y) {
    (void)x;
    return 1 / (2 * y);
  }
};

template <class T>
Var<T> sqrt(const Var<T>& x) {
  return record<Sqrt>(x);
}

}  // namespace dlmath
