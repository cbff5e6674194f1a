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
