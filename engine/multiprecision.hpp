// The multiprecision scalar types dlmath computes in, besides float, double and long double.
#pragma once

#include <boost/multiprecision/cpp_dec_float.hpp>
#include <boost/multiprecision/mpfr.hpp>

namespace dlmath {

namespace mp = boost::multiprecision;

// Expression templates are off: a stored value must be a number, never a lazy expression.
// float50 and float100 are MPFR numbers: correctly rounded exp, log, sin, ..., with sin and cos
// of large arguments reduced exactly (cpp_bin_float gave sin(1e50) as sin(-1) at 50 digits), and
// faster. Their digits live inside the object (allocate_stack): no allocation per number.
using float50 = mp::number<mp::mpfr_float_backend<50, mp::allocate_stack>, mp::et_off>;
using float100 = mp::number<mp::mpfr_float_backend<100, mp::allocate_stack>, mp::et_off>;
// Decimal arithmetic (cpp_dec_float): its sin and cos lose digits for arguments beyond about
// 1e20 (sin(1e50) is 0); kept for decimal round-trip checks, not offered by the command.
using decimal50 = mp::number<mp::cpp_dec_float<50>, mp::et_off>;
// Precision chosen at run time, in decimal digits: mpfr_float::default_precision(digits).
using mpfr_float = mp::number<mp::mpfr_float_backend<0>, mp::et_off>;

}  // namespace dlmath

// Boost 1.74 gives MPFR numbers three-operand add, subtract, multiply and divide (a = x op y in
// one MPFR call) only when y has the default, dynamic allocation; for ours (allocate_stack) every
// `x * y` fell back to copying x into the result and multiplying there: one copy per operation,
// measured as about 3% of a float50 training step. These are the same calls for our numbers (the
// result is the same correctly rounded number; MPFR allows the result to be an operand).
namespace boost::multiprecision::backends {

template <unsigned D1, unsigned D2, unsigned D3>
inline void eval_add(mpfr_float_backend<D1, allocate_stack>& a,
                     const mpfr_float_backend<D2, allocate_stack>& x,
                     const mpfr_float_backend<D3, allocate_stack>& y) {
  mpfr_add(a.data(), x.data(), y.data(), GMP_RNDN);
}
template <unsigned D1, unsigned D2, unsigned D3>
inline void eval_subtract(mpfr_float_backend<D1, allocate_stack>& a,
                          const mpfr_float_backend<D2, allocate_stack>& x,
                          const mpfr_float_backend<D3, allocate_stack>& y) {
  mpfr_sub(a.data(), x.data(), y.data(), GMP_RNDN);
}
template <unsigned D1, unsigned D2, unsigned D3>
inline void eval_multiply(mpfr_float_backend<D1, allocate_stack>& a,
                          const mpfr_float_backend<D2, allocate_stack>& x,
                          const mpfr_float_backend<D3, allocate_stack>& y) {
  if (static_cast<const void*>(&x) == static_cast<const void*>(&y))
    mpfr_sqr(a.data(), x.data(), GMP_RNDN);
  else
    mpfr_mul(a.data(), x.data(), y.data(), GMP_RNDN);
}
template <unsigned D1, unsigned D2, unsigned D3>
inline void eval_divide(mpfr_float_backend<D1, allocate_stack>& a,
                        const mpfr_float_backend<D2, allocate_stack>& x,
                        const mpfr_float_backend<D3, allocate_stack>& y) {
  mpfr_div(a.data(), x.data(), y.data(), GMP_RNDN);
}

}  // namespace boost::multiprecision::backends
