// A network's parameter values: W2, b2, W3, b3, ... in one vector, in the order of their names.
#pragma once

#include <cstdint>
#include <vector>

#include "network/architecture.hpp"
#include "network/random.hpp"

namespace dlmath {

template <class T>
struct Network {
  Architecture arch;
  std::vector<T> theta;  // arch.parameter_count() values

  const T& W(int l, int j, int k) const {
    return theta[arch.weight_offset(l) + (j - 1) * arch.size(l - 1) + (k - 1)];
  }
  const T& b(int l, int j) const { return theta[arch.bias_offset(l) + (j - 1)]; }
};

// The same network with its parameters converted to another scalar type.
template <class U, class T>
Network<U> network_as(const Network<T>& net) {
  Network<U> out{net.arch, {}};
  for (const T& t : net.theta) out.theta.push_back(static_cast<U>(t));
  return out;
}

// Every weight and bias drawn as 0.5 times a standard normal, as in the paper.
template <class T>
Network<T> initial_network(const Architecture& arch, std::uint64_t seed) {
  Random random(seed);
  Network<T> net{arch, {}};
  for (int p = 0; p < arch.parameter_count(); ++p) net.theta.push_back(T(0.5 * random.normal()));
  return net;
}

}  // namespace dlmath
