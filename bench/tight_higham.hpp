// The paper's 2-2-3-2 sigmoid network trained by SGD, written as tightly as we can by hand:
// fixed-size arrays, every loop bound a constant, sigma'(z) = sigma(z)(1 - sigma(z)) as the paper
// writes it, no vectors and nothing generic but the scalar type. The speed baseline of the
// benchmarks (network/backprop_by_hand.hpp stays the tests' oracle: it is generic and slower).
#pragma once

#include <cmath>
#include <cstddef>

namespace dlmath::bench {

template <class T>
struct TightHigham {
  // Parameter order as everywhere in dlmath: W2 (row by row), b2, W3, b3, W4, b4.
  T W2[2][2], b2[2], W3[3][2], b3[3], W4[2][3], b4[2];
  static constexpr int parameter_count = 23;

  template <class Theta>
  void load(const Theta& theta) {
    std::size_t p = 0;
    for (auto& row : W2)
      for (T& w : row) w = theta[p++];
    for (T& b : b2) b = theta[p++];
    for (auto& row : W3)
      for (T& w : row) w = theta[p++];
    for (T& b : b3) b = theta[p++];
    for (auto& row : W4)
      for (T& w : row) w = theta[p++];
    for (T& b : b4) b = theta[p++];
  }
  template <class Theta>
  void store(Theta& theta) const {
    std::size_t p = 0;
    for (const auto& row : W2)
      for (const T& w : row) theta[p++] = w;
    for (const T& b : b2) theta[p++] = b;
    for (const auto& row : W3)
      for (const T& w : row) theta[p++] = w;
    for (const T& b : b3) theta[p++] = b;
    for (const auto& row : W4)
      for (const T& w : row) theta[p++] = w;
    for (const T& b : b4) theta[p++] = b;
  }

  static T sigma(const T& z) {
    using std::exp;
    return 1 / (1 + exp(-z));
  }

  // F(x) into a4, keeping a2 and a3 for the backward pass.
  void forward(const T* x, T* a2, T* a3, T* a4) const {
    for (int j = 0; j < 2; ++j) a2[j] = sigma(W2[j][0] * x[0] + W2[j][1] * x[1] + b2[j]);
    for (int j = 0; j < 3; ++j) a3[j] = sigma(W3[j][0] * a2[0] + W3[j][1] * a2[1] + b3[j]);
    for (int j = 0; j < 2; ++j)
      a4[j] = sigma(W4[j][0] * a3[0] + W4[j][1] * a3[1] + W4[j][2] * a3[2] + b4[j]);
  }

  // 1/2 ||y - F(x)||^2 at the current parameters.
  T cost(const T* x, const T* y) const {
    T a2[2], a3[3], a4[2];
    forward(x, a2, a3, a4);
    const T r0 = a4[0] - y[0], r1 = a4[1] - y[1];
    return (r0 * r0 + r1 * r1) / 2;
  }

  // One step theta -= eta grad C(x, y), by the paper's delta recursion.
  void step(const T* x, const T* y, const T& eta) {
    T a2[2], a3[3], a4[2], d2[2], d3[3], d4[2];
    forward(x, a2, a3, a4);
    for (int j = 0; j < 2; ++j) d4[j] = a4[j] * (1 - a4[j]) * (a4[j] - y[j]);
    for (int k = 0; k < 3; ++k) d3[k] = a3[k] * (1 - a3[k]) * (W4[0][k] * d4[0] + W4[1][k] * d4[1]);
    for (int k = 0; k < 2; ++k)
      d2[k] = a2[k] * (1 - a2[k]) * (W3[0][k] * d3[0] + W3[1][k] * d3[1] + W3[2][k] * d3[2]);
    for (int j = 0; j < 2; ++j) {
      for (int k = 0; k < 3; ++k) W4[j][k] -= eta * d4[j] * a3[k];
      b4[j] -= eta * d4[j];
    }
    for (int j = 0; j < 3; ++j) {
      for (int k = 0; k < 2; ++k) W3[j][k] -= eta * d3[j] * a2[k];
      b3[j] -= eta * d3[j];
    }
    for (int j = 0; j < 2; ++j) {
      for (int k = 0; k < 2; ++k) W2[j][k] -= eta * d2[j] * x[k];
      b2[j] -= eta * d2[j];
    }
  }
};

}  // namespace dlmath::bench
