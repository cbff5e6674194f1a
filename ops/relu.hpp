#pragma once
#include "ops/contract.hpp"
#include "ops/step.hpp"

namespace dlmath {

// relu x = max(x, 0):  d/dx = step x
struct Relu {
  static constexpr OpCode code = code_of<Relu>;
  static constexpr std::string_view name = "relu", symbol = "relu", latex = "\\operatorname{relu}";
  static constexpr int precedence = 0;
  static constexpr bool exact_on_rationals = true;
  static constexpr bool activation = true;
  static constexpr std::string_view about = "max(x, 0)";
  static constexpr double samples[] = {-1.4, 0.3, 2.6};
  template <class U>
  static U value(const U& x) {
    return x > 0 ? x : U(0);
  }
  template <class U>
  static U partial(const U& x, const U&) {
    return apply<Step>(x);
  }
};

template <class T>
Var<T> relu(const Var<T>& x) {
  return record<Relu>(x);
}

}  // namespace dlmath
