// What an op's file tells the symbolic layer, which reads a tape as algebra (symbolic/): how it
// reads the op, and for a function f(u), the facts its simplifications may use. An op states
// only what holds for it; one that states nothing is a plain function f(u) with no rules.
#pragma once

#include <cstdint>

namespace dlmath {

// How the algebra reads an op: as part of a sum, a product, a power, or as a function f(...).
struct Reading {
  enum Shape : std::uint8_t { call, linear, product, negate, power, square, root, affine };
  Shape shape = call;
  int sign = 1;  // linear, product: +1 for a + b and a * b, -1 for a - b and a / b
};

// f(-u) in terms of f(u): the same (even), its negative (odd), or 1 - f(u) (complement).
enum class Parity : std::uint8_t { none, even, odd, complement };

// A rational number p/q, for the points where a function's value is rational.
struct Ratio {
  std::int64_t p = 0, q = 1;
};
// f(at) = value, exactly.
struct ExactPoint {
  Ratio at, value;
};

// The part a function plays in the identities the algebra knows between two functions:
// sin^2 u + cos^2 u = 1, 2 sin u cos u = sin 2u, cos^2 u - sin^2 u = cos 2u (sine, cosine), and
// sigmoid(2u) = (1 + tanh u)/2 (logistic, tanh). At most one op plays each part; an identity
// whose parts are not all played is not used.
enum class Role : std::uint8_t { none, sine, cosine, logistic, tanh };

}  // namespace dlmath
