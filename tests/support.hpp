// Helpers shared by the tests.
#pragma once

#include <stdlib.h>

#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>

namespace dlmath::testing {

// Relative comparison in the scalar type itself (Catch2's Approx converts to double and so
// checks only about 15 digits).
template <class T>
bool close(const T& a, const T& b, const T& relative) {
  using std::abs;
  const T scale = abs(a) > abs(b) ? abs(a) : abs(b);
  return abs(a - b) <= relative * (scale > 0 ? scale : T(1));
}

// x with every digit its type carries (max_digits10), for messages.
template <class T>
std::string text(const T& x) {
  std::ostringstream s;
  s.precision(std::numeric_limits<T>::max_digits10);
  s << x;
  return s.str();
}

// A fresh temporary directory, made once per test program.
inline const std::string& temp_dir() {
  static const std::string dir = [] {
    char tmpl[] = "/tmp/dlmath-test-XXXXXX";
    return std::string(mkdtemp(tmpl));
  }();
  return dir;
}

// The first n bytes of a file (its magic number).
inline std::string file_head(const std::string& path, std::size_t n) {
  std::ifstream in(path, std::ios::binary);
  std::string s(n, '\0');
  in.read(s.data(), static_cast<std::streamsize>(n));
  s.resize(static_cast<std::size_t>(in.gcount()));
  return s;
}

}  // namespace dlmath::testing
