// Exact decimal text for any scalar type: max_digits10 digits out, full-precision parsing in;
// and text for people with only the digits the type carries.
#pragma once

#include <cctype>
#include <climits>
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

// Decimal text to T, rounded once at T's own precision (never through double).
// Throws std::invalid_argument on text that is not wholly a number.
template <class T>
T from_decimal(const std::string& text) {
  auto fail = [&] { return std::invalid_argument("not a number: '" + text + "'"); };
  if (text.empty() || std::isspace(static_cast<unsigned char>(text.front()))) throw fail();
  if constexpr (std::is_floating_point_v<T>) {
    std::size_t used = 0;
    T v{};
    try {
      if constexpr (std::is_same_v<T, float>) v = std::stof(text, &used);
      if constexpr (std::is_same_v<T, double>) v = std::stod(text, &used);
      if constexpr (std::is_same_v<T, long double>) v = std::stold(text, &used);
    } catch (const std::out_of_range&) {
      throw std::invalid_argument("number out of range: '" + text + "'");
    } catch (const std::invalid_argument&) {
      throw fail();
    }
    if (used != text.size()) throw fail();
    return v;
  } else {
    try {
      return T(text);
    } catch (const std::exception&) {
      throw fail();
    }
  }
}

}  // namespace dlmath
