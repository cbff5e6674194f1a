#pragma once
#include <boost/math/constants/constants.hpp>
#include <limits>

#include "ops/contract.hpp"
#include "ops/exp.hpp"
#include "ops/sqrt.hpp"

namespace dlmath {

// erf x = 2/sqrt(pi) (integral of e^(-t^2) from 0 to x):  d/dx = 2/sqrt(pi) e^(-x^2)
struct Erf {
  static constexpr OpCode code = code_of<Erf>;
  static constexpr std::string_view name = "erf", symbol = "erf", latex = "\\operatorname{erf}";
  static constexpr int precedence = 0;
  static constexpr Parity parity = Parity::odd;
  static constexpr ExactPoint exact[] = {{{0}, {0}}};
  static constexpr std::string_view about = "the error function, between -1 and 1";
  static constexpr double samples[] = {-2.3, -0.45, 0.1, 0.8, 1.9};
  template <class U>
  static U value(const U& x) {
    using std::erf;
    return erf(x);
  }
  // A Var's is recorded as 2 e^(-x^2) / sqrt(pi), as it is written (with the constant pi).
  template <class U>
  static U partial(const U& x, const U&) {
    if constexpr (is_var<U>::value)
      return constant_like(x, 2) * gauss(x) / apply<Sqrt>(pi_like(x));
    else
      return boost::math::constants::two_div_root_pi<U>() * gauss(x);
  }

 private:
  // e^(-x^2). For a number, to the last digit: x^2 rounded would move the exponent by up to
  // eps x^2 (25 ulps of the result at x = 5). With x = h + l, h holding half of the type's bits,
  // h^2 is exact and x^2 = h^2 + l (x + h), whose second term is small. A Var's is recorded as
  // exp(-(x*x)), the formula a reader expects.
  template <class U>
  static U gauss(const U& x) {
    if constexpr (is_var<U>::value) {
      return apply<Exp>(-(x * x));
    } else {
      using std::exp, std::frexp, std::isfinite, std::ldexp, std::trunc;
      if (!isfinite(x)) return exp(-(x * x));
      int e = 0, top = 0;
      frexp(std::numeric_limits<U>::epsilon(), &e);  // epsilon is 2^(e - 1): U has 2 - e bits
      const int half = (2 - e) / 2;
      frexp(x, &top);  // |x| < 2^top
      const U h = ldexp(trunc(ldexp(x, half - top)), top - half);
      const U l = x - h;
      return exp(-(h * h)) * exp(-(l * (x + h)));
    }
  }
};

template <class T>
Var<T> erf(const Var<T>& x) {
  return record<Erf>(x);
}

}  // namespace dlmath
