// Exact decimal text for any scalar type: max_digits10 digits out, full-precision parsing in;
// and text for people with only the digits the type carries.
#pragma once

#include <cctype>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <string>
#include <type_traits>

namespace dlmath {

// Significant decimal digits that identify a value of type T exactly (max_digits10).
template <class T>
int decimal_digits(const T& x) {
  if constexpr (std::numeric_limits<T>::max_digits10 == INT_MAX) {
    return static_cast<int>(x.precision()) + 2;  // precision chosen at run time (mpfr_float)
  } else {
    (void)x;
    return std::numeric_limits<T>::max_digits10;
  }
}

// x as decimal text with `digits` significant digits (0: all that T carries).
template <class T>
std::string to_decimal(const T& x, int digits = 0) {
  // A NaN's sign bit means nothing (log(-1) came out as "-nan"): one spelling.
  if (x != x) return "nan";
  if (digits <= 0) digits = decimal_digits(x);
  std::ostringstream out;
  out.precision(digits);
  out << x;
  return out.str();
}

// Significant decimal digits that T carries (digits10): any decimal number with this many digits
// comes back from T unchanged, so text for people shows these and no more.
template <class T>
int carried_digits(const T& x) {
  if constexpr (std::numeric_limits<T>::max_digits10 == INT_MAX) {
    // precision() is floor(bits * log10 2); one less keeps the last digit shown a true one.
    return static_cast<int>(x.precision()) - 1;
  } else {
    (void)x;
    return std::numeric_limits<T>::digits10;
  }
}

// x as text for people: the digits T carries, or `digits` if that is fewer (0: all carried).
// Machine-readable output keeps to_decimal, which round-trips exactly.
template <class T>
std::string to_decimal_display(const T& x, int digits = 0) {
  const int carried = carried_digits(x);
  return to_decimal(x, digits > 0 && digits < carried ? digits : carried);
}

// --- Reading numbers ----------------------------------------------------------------------
// Every number dlmath reads (an --at value, a literal in a program, a CSV cell, a JSON value, an
// option) passes through the one grammar below, with the same rules at every precision:
//   [+-] (digits [. digits] | . digits) [(e|E) [+-] digits]
// Decimal only: no hexadecimal, no "nan" or "inf", no spaces. Limits are checked on the text,
// before any library sees it, so no reader can overflow its exponent or recurse without end.
inline constexpr std::size_t max_decimal_digits = 10000;  // significant digits in one number
inline constexpr long max_decimal_exponent = 100000;      // |decimal exponent| of its value

// What the syntax check learns: whether the value is zero and, if not, its decimal magnitude m
// (10^m <= |value| < 10^(m+1)).
struct DecimalShape {
  bool zero = true;
  long magnitude = 0;
};

// Checks `text` against the grammar and the limits; throws std::invalid_argument saying why.
inline DecimalShape check_decimal(const std::string& text) {
  auto fail = [&](const std::string& why) {
    std::string shown = text.size() > 40 ? text.substr(0, 37) + "..." : text;
    return std::invalid_argument(why + ": '" + shown + "'");
  };
  std::size_t i = 0;
  const std::size_t n = text.size();
  if (i < n && (text[i] == '+' || text[i] == '-')) ++i;
  auto digit = [&](std::size_t k) { return k < n && text[k] >= '0' && text[k] <= '9'; };
  std::size_t digits = 0, leading_zeros = 0, before_point = 0;
  bool nonzero = false, point = false;
  for (; i < n && (digit(i) || (text[i] == '.' && !point)); ++i) {
    if (text[i] == '.') {
      point = true;
      continue;
    }
    ++digits;
    if (!point) ++before_point;
    if (text[i] != '0') nonzero = true;
    if (!nonzero) ++leading_zeros;
  }
  if (digits == 0) throw fail("not a number");
  long exponent = 0;
  if (i < n && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool negative = false;
    if (i < n && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
    if (!digit(i)) throw fail("not a number (no digits in the exponent)");
    std::size_t exponent_digits = 0;
    for (; digit(i); ++i) {
      if (exponent > 0 || text[i] != '0') ++exponent_digits;
      if (exponent_digits > 7) throw fail("exponent out of range (|exponent| at most 100000)");
      exponent = exponent * 10 + (text[i] - '0');
    }
    if (negative) exponent = -exponent;
  }
  if (i != n) throw fail("not a number");
  if (digits > max_decimal_digits)
    throw fail("too many digits (" + std::to_string(digits) + "; at most " +
               std::to_string(max_decimal_digits) + ")");
  DecimalShape shape;
  if (!nonzero) return shape;
  shape.zero = false;
  // The first nonzero digit stands at position leading_zeros among the digits.
  shape.magnitude =
      exponent + static_cast<long>(before_point) - 1 - static_cast<long>(leading_zeros);
  if (shape.magnitude > max_decimal_exponent || shape.magnitude < -max_decimal_exponent)
    throw fail("exponent out of range (|exponent| at most 100000)");
  return shape;
}

// A name for T in messages.
template <class T>
std::string scalar_name() {
  if constexpr (std::is_same_v<T, float>) return "float";
  if constexpr (std::is_same_v<T, double>) return "double";
  if constexpr (std::is_same_v<T, long double>) return "long double";
  return std::to_string(std::numeric_limits<T>::digits10) + "-digit numbers";
}

// Decimal text to T, rounded once at T's own precision (never through double). Subnormal values
// are accepted; a value that T cannot hold (it would become infinite, or 0 when it is not) is an
// error, never a silent change. Throws std::invalid_argument.
template <class T>
T from_decimal(const std::string& text) {
  const DecimalShape shape = check_decimal(text);
  auto range = [&](const char* what) {
    return std::invalid_argument(std::string("number ") + what + " for " + scalar_name<T>() +
                                 ": '" + (text.size() > 40 ? text.substr(0, 37) + "..." : text) +
                                 "'");
  };
  T v{};
  if constexpr (std::is_floating_point_v<T>) {
    // Past these magnitudes strtod's answer is inf or 0; the checks below say so clearly.
    if (shape.magnitude > std::numeric_limits<T>::max_exponent10 + 1) throw range("too large");
    if (!shape.zero && shape.magnitude < std::numeric_limits<T>::min_exponent10 - 30)
      throw range("too small (it would be 0)");
    if constexpr (std::is_same_v<T, float>) v = std::strtof(text.c_str(), nullptr);
    if constexpr (std::is_same_v<T, double>) v = std::strtod(text.c_str(), nullptr);
    if constexpr (std::is_same_v<T, long double>) v = std::strtold(text.c_str(), nullptr);
  } else {
    try {
      v = T(text);
    } catch (const std::exception&) {
      throw std::invalid_argument("not a number: '" + text + "'");
    }
  }
  using std::isinf;
  if (isinf(v)) throw range("too large");
  if (!shape.zero && v == 0) throw range("too small (it would be 0)");
  return v;
}

// A whole number from text: decimal digits only (no sign, no base prefix; a leading zero is
// still base ten), at most `max`. `what` names the value in the message.
inline std::uint64_t whole_from_text(const std::string& text, const std::string& what,
                                     std::uint64_t max) {
  auto fail = [&](const std::string& why) {
    return std::invalid_argument(what + ": '" + text + "' " + why);
  };
  if (text.empty()) throw fail("is not a whole number");
  std::uint64_t n = 0;
  for (char c : text) {
    if (c < '0' || c > '9') throw fail("is not a whole number (digits 0-9 only)");
    const std::uint64_t d = static_cast<std::uint64_t>(c - '0');
    if (d > max || n > (max - d) / 10)
      throw fail("is too large (at most " + std::to_string(max) + ")");
    n = n * 10 + d;
  }
  return n;
}

}  // namespace dlmath
