// One layer of the article, sigma(WX + B), component by component:
//   a_j = sigma(W_j1 x_1 + ... + W_jm x_m + b_j),  j = 1..n
#pragma once

#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "network/activation.hpp"
#include "network/names.hpp"

namespace dlmath {

// How finely a layer is recorded: one affine node per neuron (fast), or every multiply and add
// as its own node (what the tutorials draw). Both give the same numbers and gradients.
enum class Granularity { fused, fine };

// An n x m matrix of nodes, stored row by row.
template <class T>
struct VarMatrix {
  std::span<const Var<T>> entries;
  int rows = 0, cols = 0;
  std::span<const Var<T>> row(int j) const {
    return entries.subspan(static_cast<std::size_t>(j) * cols, cols);
  }
};

// sigma(WX + B), appended to `a`; with a name, each neuron is recorded in a group "neuron
// NAME.j". (Appending lets a whole network's activations share one vector.)
template <class T>
void append_layer(const VarMatrix<T>& W, std::span<const Var<T>> B, std::span<const Var<T>> X,
                  Activation sigma, Granularity how, int name, std::vector<Var<T>>& a) {
  if (W.cols != static_cast<int>(X.size()) || W.rows != static_cast<int>(B.size()) ||
      W.entries.size() != static_cast<std::size_t>(W.rows) * W.cols || X.empty())
    throw std::invalid_argument("layer: W is " + std::to_string(W.rows) + "x" +
                                std::to_string(W.cols) + ", X has " + std::to_string(X.size()) +
                                " entries and B " + std::to_string(B.size()));
  Tape<T>& g = X.front().tape();
  for (int j = 0; j < W.rows; ++j) {
    if (name) g.begin_group("neuron ", name, j + 1);
    const auto w = W.row(j);
    Var<T> z;
    if (how == Granularity::fused) {
      z = affine<T>(w, X, B[j]);
    } else {
      z = w[0] * X[0];
      for (std::size_t k = 1; k < X.size(); ++k) z = z + w[k] * X[k];
      z = z + B[j];
    }
    a.push_back(activate(sigma, z));
    if (name) g.end_group();
  }
}

// sigma(WX + B); with a name, each neuron is recorded in a group "neuron NAME.j".
template <class T>
std::vector<Var<T>> layer(const VarMatrix<T>& W, std::span<const Var<T>> B,
                          std::span<const Var<T>> X, Activation sigma,
                          Granularity how = Granularity::fused, int name = 0) {
  std::vector<Var<T>> a;
  a.reserve(W.rows);
  append_layer(W, B, X, sigma, how, name, a);
  return a;
}

}  // namespace dlmath
