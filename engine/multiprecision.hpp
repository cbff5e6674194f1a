// The multiprecision scalar types dlmath computes in, besides float, double and long double.
#pragma once

#include <boost/multiprecision/cpp_bin_float.hpp>
#include <boost/multiprecision/cpp_dec_float.hpp>
#include <boost/multiprecision/mpfr.hpp>

namespace dlmath {

namespace mp = boost::multiprecision;

// Expression templates are off: a stored value must be a number, never a lazy expression.
using float50 = mp::number<mp::cpp_bin_float<50>, mp::et_off>;
using float100 = mp::number<mp::cpp_bin_float<100>, mp::et_off>;
using decimal50 = mp::number<mp::cpp_dec_float<50>, mp::et_off>;
// Precision chosen at run time, in decimal digits: mpfr_float::default_precision(digits).
using mpfr_float = mp::number<mp::mpfr_float_backend<0>, mp::et_off>;

}  // namespace dlmath
