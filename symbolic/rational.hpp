// Exact rational numbers for the canonical form: the constants of a printed formula are folded
// exactly, never in the scalar type of the program (1e-300*x keeps its 1e-300, exp(1000)*2 its
// exp). Every result is checked against a size limit, so folding never grows without bound: a
// result past the limit is refused (nullopt) and the caller keeps the expression unfolded.
#pragma once

#include <boost/multiprecision/gmp.hpp>
#include <cstdint>
#include <optional>
#include <string>

namespace dlmath::symbolic {

using Integer =
    boost::multiprecision::number<boost::multiprecision::gmp_int, boost::multiprecision::et_off>;
using Rational = boost::multiprecision::number<boost::multiprecision::gmp_rational,
                                               boost::multiprecision::et_off>;

// Bits of numerator and denominator together that a folded constant may have.
inline constexpr std::size_t max_rational_bits = 4096;

std::size_t bits(const Rational& r);
inline bool fits(const Rational& r) {
  return bits(r) <= max_rational_bits;
}
bool is_integer(const Rational& r);
// Tests that touch no new memory (comparing with a plain int would build a temporary rational).
inline int sign(const Rational& r) {
  return r.sign();
}
bool is_unit(const Rational& r);  // |r| = 1
bool is_half(const Rational& r);  // |r| = 1/2
std::uint64_t hash_of(const Rational& r);

// a + b, a * b, a^e (e an integer): nullopt when the result would pass the size limit.
std::optional<Rational> checked_sum(const Rational& a, const Rational& b);
std::optional<Rational> checked_product(const Rational& a, const Rational& b);
std::optional<Rational> checked_power(const Rational& base, const Rational& e);
// The exact root base^e for a non-integer e when there is one (4^(1/2) = 2), else nullopt.
std::optional<Rational> exact_root(const Rational& base, const Rational& e);

// A decimal literal as written ("0.25", "1e-300"), exactly; nullopt past the size limit (the
// caller keeps the literal as text). The text must pass check_decimal (engine/decimal.hpp).
std::optional<Rational> rational_from_decimal(const std::string& text);

// Text that reads back exactly: an integer, a terminating decimal ("0.25", "1e-300"), or
// "p/q". `digits` > 0 rounds a long terminating decimal to that many significant digits.
struct NumberText {
  std::string text;
  int tokens = 1;  // 1, or 3 for p/q (names, numbers and operators: as tokens are counted)
};
// |r| written alone.
NumberText number_text(const Rational& r, int digits = 0);
// Whether r is best written as a decimal in a product: its denominator has the factor 5 and
// no other than 2 and 5 (0.1*x, 0.2*x, 0.05*x); x/2, 3*x/4 and x/3 read better as fractions.
bool reads_as_decimal(const Rational& r);
// A positive integer, with an exponent when that is shorter (1e300).
std::string integer_text(const Integer& n);

}  // namespace dlmath::symbolic
