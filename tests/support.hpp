// Helpers shared by the tests: relative comparison in the scalar type itself (Catch2's Approx
// converts to double and so checks only about 15 digits).
#pragma once

#include <cmath>

namespace dlmath::testing {

template <class T>
bool close(const T& a, const T& b, const T& relative) {
  using std::abs;
  const T scale = abs(a) > abs(b) ? abs(a) : abs(b);
  return abs(a - b) <= relative * (scale > 0 ? scale : T(1));
}

}  // namespace dlmath::testing
