#pragma once
#include "ops/contract.hpp"
#include "ops/sigmoid.hpp"

namespace dlmath {

// softplus(x) = log(1 + e^x):  d/dx = sigma(x)
struct Softplus {
  static constexpr OpCode code = code_of<Softplus>;
  static constexpr std::string_view name = "softplus", symbol = "softplus",
                                    latex = "\\operatorname{softplus}";
  static constexpr int precedence = 0;
  static constexpr bool activation = true;
  static constexpr std::string_view about = "log(1 + e^x), a smooth relu";
  static constexpr double samples[] = {-4.3, -0.6, 0.7, 3.2};
  // max(x, 0) + log(1 + e^-|x|): no overflow, and no lost digits for large negative x.
  template <class U>
  static U value(const U& x) {
    using std::abs, std::exp, std::log1p;
    return (x > 0 ? x : U(0)) + log1p(exp(-abs(x)));
  }
  // sigma(x) itself, accurate for every x (see sigmoid.hpp).
  template <class U>
  static U partial(const U& x, const U&) {
    return apply<Sigmoid>(x);
  }
  // The forward step keeps sigma(x), from the same e^-|x| (as sigmoid.hpp computes it).
  template <class U>
  static U value(const U& x, U& slope) {
    using std::log1p;
    const U e = Sigmoid::exp_minus_abs(x);
    U minus;
    slope = Sigmoid::from_exp(x, e, minus);
    return (x > 0 ? x : U(0)) + log1p(e);
  }
  template <class U>
  static U partial(const U&, const U&, const U& slope) {
    return slope;
  }
};

template <class T>
Var<T> softplus(const Var<T>& x) {
  return record<Softplus>(x);
}

}  // namespace dlmath
