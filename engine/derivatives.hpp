// derivatives(y, wrt(a, b, ...)): the partial derivatives of y with respect to the named nodes,
// in one reverse sweep, read as the maths is written.
#pragma once

#include <array>

#include "engine/var.hpp"

namespace dlmath {

template <class T, class... Rest>
std::array<Var<T>, 1 + sizeof...(Rest)> wrt(const Var<T>& first, const Rest&... rest) {
  return {first, rest...};
}

template <class T, std::size_t N>
std::array<T, N> derivatives(const Var<T>& y, const std::array<Var<T>, N>& xs) {
  backward(y);
  std::array<T, N> d;
  for (std::size_t k = 0; k < N; ++k) d[k] = xs[k].grad();
  return d;
}

}  // namespace dlmath
