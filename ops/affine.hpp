#pragma once
#include <span>

#include "ops/contract.hpp"

namespace dlmath {

// w1 x1 + ... + wn xn + b as one node (a neuron's weighted input z):
// d/dwk = xk, d/dxk = wk, d/db = 1. Operands are stored as w1, x1, ..., wn, xn, b.
struct Affine {
  static constexpr OpCode code = code_of<Affine>;
  static constexpr std::string_view name = "affine", symbol = "affine", latex = "\\sum";
  static constexpr int precedence = 1;
  static constexpr Reading reading{Reading::affine};
  static constexpr std::string_view about = "w1 x1 + ... + wn xn + b, one neuron's weighted input";
  static constexpr double samples[][5] = {
      {0.5, 2.0, -0.25, 4.0, 3.0}, {-1.5, 0.3, 2.0, -0.7, 0.1}, {7.0, -3.0, 0.2, 0.9, -1.0}};

  // z, and the step of its gradient gz to the operands: the sweeps step a neuron (this node and
  // its activation) with z and gz held in registers. Inlined (GCC would otherwise call them).
  // N > 0: the fan-in known at compile time (the loops unrolled, nothing left to count);
  // N = 0: read from the node.
  template <index_t N = 0, class T>
  [[gnu::always_inline]] static T sum(const Nodes<T>& s, index_t i) {
    const index_t* w = s.args + s.l[i].a;
    const index_t n = N > 0 ? N : s.l[i].b / 2;
    T z = s.v[w[2 * n]];
    for (index_t k = 0; k < n; ++k) z += s.v[w[2 * k]] * s.v[w[2 * k + 1]];
    return z;
  }
  template <index_t N = 0, class T>
  [[gnu::always_inline]] static void spread(const Nodes<T>& s, index_t i, const T& gz) {
    const index_t* w = s.args + s.l[i].a;
    const index_t n = N > 0 ? N : s.l[i].b / 2;
    for (index_t k = 0; k < n; ++k) {
      s.g[w[2 * k]] += gz * s.v[w[2 * k + 1]];
      s.g[w[2 * k + 1]] += gz * s.v[w[2 * k]];
    }
    s.g[w[2 * n]] += gz;
  }
  template <class T>
  static void forward(const Nodes<T>& s, index_t i) {
    s.v[i] = sum(s, i);
  }
  template <class T>
  static void backward(const Nodes<T>& s, index_t i) {
    const T gz = s.g[i];
    spread(s, i, gz);
  }
  template <class T>
  static void record_partials(Tape<T>& t, index_t i, std::vector<index_t>& out) {
    const index_t first = t.links(i).a, n = t.links(i).b / 2;
    for (index_t k = 0; k < n; ++k) {
      out.push_back(t.args()[first + 2 * k + 1]);  // d/dwk = xk: the node itself
      out.push_back(t.args()[first + 2 * k]);      // d/dxk = wk
    }
    out.push_back(t.constant(1).index());
  }
};

// sum_k w[k] x[k] + b as one node.
template <class T>
Var<T> affine(std::span<const Var<T>> w, std::span<const Var<T>> x, const Var<T>& b) {
  if (w.size() != x.size())
    throw std::invalid_argument("affine: weights and inputs differ in length");
  return b.tape().record_nary(
      Affine::code, 2 * w.size() + 1,
      [&](index_t* args) {
        for (std::size_t k = 0; k < w.size(); ++k) {
          *args++ = w[k].index();
          *args++ = x[k].index();
        }
        *args = b.index();
      },
      [](Tape<T>& t, index_t i) { forward_step<Affine>(Nodes<T>(t), i); });
}

}  // namespace dlmath
