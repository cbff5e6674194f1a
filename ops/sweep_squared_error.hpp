// The half squared error, 1/2 sum_k (a_k - b_k)^2, as network/record.hpp records a point's cost:
//   Sub, Square; then Sub, Square, Add (the sum so far plus the new square) for each further k;
//   a constant; Mul(constant, sum).
// Its nodes stay as they are (drawings and formulas show every difference, square and sum), but
// the sweeps step them as one in double, the sums and gradients held in registers: node by node,
// each of the paper's seven cost nodes stored what the next one loaded again, and the replayed
// training step took 1.70 times the tight loop instead of 1.56 (bench_higham_sgd). The
// arithmetic and its order are those of the node-by-node steps (tests/ops/test_sweep.cpp
// compares every value and gradient exactly).
#pragma once

#include "ops/registry.hpp"

namespace dlmath::sweep {

// Whether node j is a difference and node j + 1 its square.
template <class T>
inline bool squared_difference_at(const Nodes<T>& s, index_t j) {
  return s.op[j] == Sub::code && s.op[j + 1] == Square::code && s.l[j + 1].a == j;
}

// The Mul node that ends a squared error whose first node is i (the nodes up to it below n), or 0
// if nodes i.. are not one. Its differences must take nodes before i only: then nothing inside it
// adds to a gradient that the kernel holds in a register. A failed look ends at the first node
// out of place; since a tail's nodes are contiguous, a sweep looks at each node a bounded number
// of times.
template <class T>
inline index_t squared_error_end(const Nodes<T>& s, index_t i, index_t n) {
  auto term = [&](index_t j) {
    return j + 1 < n && squared_difference_at(s, j) && s.l[j].a < i && s.l[j].b < i;
  };
  if (!term(i)) return 0;
  index_t sum = i + 1, j = i + 2;
  while (term(j) && j + 2 < n && s.op[j + 2] == Add::code && s.l[j + 2].a == sum &&
         s.l[j + 2].b == j + 1) {
    sum = j + 2;
    j += 3;
  }
  const bool ends = j + 1 < n && s.op[j] == Leaf::constant && s.op[j + 1] == Mul::code &&
                    s.l[j + 1].a == j && s.l[j + 1].b == sum;
  return ends ? j + 1 : 0;
}

// Whether the Mul node e ends a squared error that starts at or after `first`; its first node in
// `start`.
template <class T>
inline bool squared_error_before(const Nodes<T>& s, index_t e, index_t first, index_t& start) {
  if (s.op[e] != Mul::code || e < first + 3 || s.l[e].a != e - 1 || s.l[e].b != e - 2) return false;
  // Back through the terms (Sub, Square, Add) to the first square, each seen whole, so that a
  // look never crosses another product: a chain of sums with a product after each would
  // otherwise be walked again from every product, in time quadratic in its length.
  index_t sum = e - 2;
  while (sum >= first + 4 && s.op[sum] == Add::code && s.l[sum].a + 3 == sum &&
         s.l[sum].b == sum - 1 && squared_difference_at(s, sum - 2))
    sum -= 3;
  if (sum < first + 1) return false;
  start = sum - 1;
  return squared_error_end(s, start, e + 1) == e;
}

template <class T>
[[gnu::always_inline]] inline void forward_squared_error(const Nodes<T>& s, index_t i, index_t e) {
  T sum = 0;
  for (index_t j = i; j + 1 < e;) {
    const T d = Sub::value(s.v[s.l[j].a], s.v[s.l[j].b]);
    s.v[j] = d;
    const T square = unary_value<Square>(s, j + 1, d);
    s.v[j + 1] = square;
    if (j == i) {
      sum = square;
      j += 2;
    } else {
      sum = Add::value(sum, square);
      s.v[j + 2] = sum;
      j += 3;
    }
  }
  s.v[e] = Mul::value(s.v[e - 1], sum);
}

// From the Mul node e down to the first difference i, as the backward steps of those nodes.
template <class T>
[[gnu::always_inline]] inline void backward_squared_error(const Nodes<T>& s, index_t i, index_t e) {
  // The square at node `square`, whose gradient is g, then the difference it squares.
  auto term = [&](index_t square, const T g) {
    const index_t d = square - 1;
    const T gd = s.g[d] += g * unary_partial<Square>(s, square, s.v[d]);
    add_times(s.g[s.l[d].a], gd, Sub::fixed_partials.da);
    add_times(s.g[s.l[d].b], gd, Sub::fixed_partials.db);
  };
  index_t sum = e - 2;
  const Partials<T> p = Mul::partials(s.v[e - 1], s.v[sum], s.v[e]);
  const T ge = s.g[e];
  s.g[e - 1] += ge * p.da;
  T g = s.g[sum] += ge * p.db;      // the gradient of the node at `sum`
  for (; sum != i + 1; sum -= 3) {  // an Add: the sum before it, then the square it adds
    add_times(s.g[sum - 3], g, Add::fixed_partials.da);
    const T g_before = s.g[sum - 3];
    add_times(s.g[sum - 1], g, Add::fixed_partials.db);
    term(sum - 1, s.g[sum - 1]);
    g = g_before;
  }
  term(sum, g);
}

}  // namespace dlmath::sweep
