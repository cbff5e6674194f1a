// Backpropagation written out by hand, as the paper states it (Section 5), with no graph:
//   z[l] = W[l] a[l-1] + b[l],  a[l] = sigma(z[l]),  a[1] = x
//   delta[L] = sigma'(z[L]) o (a[L] - y)
//   delta[l] = sigma'(z[l]) o W[l+1]^T delta[l+1]
//   dC/db[l] = delta[l],  dC/dW[l] = delta[l] a[l-1]^T
// The reference the engine's gradients are checked against, and the speed baseline.
#pragma once

#include <span>
#include <vector>

#include "network/network.hpp"

namespace dlmath {

template <class T>
class BackpropByHand {
 public:
  explicit BackpropByHand(const Architecture& arch)
      : arch_(arch), z_(arch.layers() + 1), a_(arch.layers() + 1), delta_(arch.layers() + 1) {
    for (int l = 1; l <= arch.layers(); ++l) {
      z_[l].resize(arch.size(l));
      a_[l].resize(arch.size(l));
      delta_[l].resize(arch.size(l));
    }
  }

  // F(x) into a[L]; returns it.
  const std::vector<T>& forward(std::span<const T> theta, std::span<const T> x) {
    for (int k = 0; k < arch_.size(1); ++k) a_[1][k] = x[k];
    for (int l = 2; l <= arch_.layers(); ++l) {
      const T* W = &theta[arch_.weight_offset(l)];
      const T* b = &theta[arch_.bias_offset(l)];
      const int n = arch_.size(l), m = arch_.size(l - 1);
      for (int j = 0; j < n; ++j) {
        T zj = b[j];
        for (int k = 0; k < m; ++k) zj += W[j * m + k] * a_[l - 1][k];
        a_[l][j] = activate_value(arch_.activation(l), zj);
        z_[l][j] = std::move(zj);
      }
    }
    return a_[arch_.layers()];
  }

  // C = 1/2 ||y - F(x)||^2, with dC/dtheta written into grad (parameter order).
  T cost_and_gradient(std::span<const T> theta, std::span<const T> x, std::span<const T> y,
                      std::span<T> grad) {
    const int L = arch_.layers();
    forward(theta, x);
    T cost = T(0);
    for (int j = 0; j < arch_.size(L); ++j) {
      const T r = a_[L][j] - y[j];
      cost += r * r;
      delta_[L][j] = activate_slope(arch_.activation(L), z_[L][j], a_[L][j]) * r;
    }
    for (int l = L; l >= 2; --l) {
      const int n = arch_.size(l), m = arch_.size(l - 1);
      T* gW = &grad[arch_.weight_offset(l)];
      T* gb = &grad[arch_.bias_offset(l)];
      for (int j = 0; j < n; ++j) {
        gb[j] = delta_[l][j];
        for (int k = 0; k < m; ++k) gW[j * m + k] = delta_[l][j] * a_[l - 1][k];
      }
      if (l == 2) break;
      const T* W = &theta[arch_.weight_offset(l)];
      for (int k = 0; k < m; ++k) {
        T s = T(0);
        for (int j = 0; j < n; ++j) s += W[j * m + k] * delta_[l][j];
        delta_[l - 1][k] = activate_slope(arch_.activation(l - 1), z_[l - 1][k], a_[l - 1][k]) * s;
      }
    }
    return cost / 2;
  }

  // The paper's delta[l] from the last call, for showing beside the engine's numbers.
  const std::vector<T>& delta(int l) const { return delta_[l]; }
  const std::vector<T>& z(int l) const { return z_[l]; }
  const std::vector<T>& a(int l) const { return a_[l]; }

 private:
  Architecture arch_;
  std::vector<std::vector<T>> z_, a_, delta_;
};

}  // namespace dlmath
