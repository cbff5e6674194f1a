#pragma once
#include "ops/contract.hpp"

namespace dlmath {

// log x (natural):  d/dx = 1/x
struct Log {
  static constexpr OpCode code = code_of<Log>;
  static constexpr std::string_view name = "log", symbol = "log", latex = "\\log";
  static constexpr int precedence = 0;
  static constexpr ExactPoint exact[] = {{{1}, {0}}};
  using inverse = Exp;
  static constexpr std::string_view about = "the natural logarithm, for x > 0";
  static constexpr double samples[] = {0.03, 0.9, 7.5};
  template <class U>
  static U value(const U& x) {
    using std::log;
    return log(x);
  }
  template <class U>
  static U partial(const U& x, const U& y) {
    (void)y;
    return 1 / x;
  }
};

template <class T>
Var<T> log(const Var<T>& x) {
  return record<Log>(x);
}

}  // namespace dlmath
