// A network's shape: layer sizes (layer 1 is the input) and each layer's activation.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "network/activation.hpp"
#include "network/names.hpp"

namespace dlmath {

struct Architecture {
  std::vector<int> sizes;               // n1, n2, ..., nL: {2, 2, 3, 2} in the article
  std::vector<Activation> activations;  // for layers 2..L: activations[l - 2]

  Architecture() = default;
  Architecture(std::vector<int> layer_sizes, Activation a = default_activation)
      : sizes(std::move(layer_sizes)) {
    if (sizes.size() < 2) throw std::invalid_argument("a network needs at least two layers");
    for (std::size_t k = 0; k < sizes.size(); ++k)
      if (sizes[k] < 1)
        throw std::invalid_argument("layer " + std::to_string(k + 1) + " has " +
                                    std::to_string(sizes[k]) +
                                    " neurons; every layer needs at least one");
    // Counted in 64 bits before anything is allocated: 2,65536,65536,2 must be refused, not
    // wrap around.
    std::uint64_t parameters = 0;
    for (std::size_t k = 1; k < sizes.size(); ++k)
      parameters +=
          static_cast<std::uint64_t>(sizes[k]) * (static_cast<std::uint64_t>(sizes[k - 1]) + 1);
    if (sizes.size() > max_layers)
      throw std::invalid_argument(std::to_string(sizes.size()) +
                                  " layers is more than the limit of " +
                                  std::to_string(max_layers));
    if (parameters > max_parameters)
      throw std::invalid_argument("the network would have " + std::to_string(parameters) +
                                  " weights and biases, more than the limit of " +
                                  std::to_string(max_parameters));
    activations.assign(sizes.size() - 1, a);
  }

  // Limits on what one network may be: enough for any lesson, small enough to build in seconds
  // and a few hundred MiB at 100 digits.
  static constexpr std::uint64_t max_parameters = 1'000'000;
  static constexpr std::size_t max_layers = 100;

  int layers() const { return static_cast<int>(sizes.size()); }  // L
  int inputs() const { return sizes.front(); }
  int outputs() const { return sizes.back(); }
  int size(int l) const { return sizes[l - 1]; }  // n_l, l from 1
  Activation activation(int l) const { return activations[l - 2]; }

  // W_l is n_l x n_(l-1) and b_l has n_l entries: 23 in all for 2-2-3-2.
  int parameter_count() const {
    int n = 0;
    for (int l = 2; l <= layers(); ++l) n += size(l) * size(l - 1) + size(l);
    return n;
  }
  // Offset of W_l's first entry in the parameter vector (W2, b2, W3, b3, ...; W row by row).
  int weight_offset(int l) const {
    int n = 0;
    for (int k = 2; k < l; ++k) n += size(k) * size(k - 1) + size(k);
    return n;
  }
  int bias_offset(int l) const { return weight_offset(l) + size(l) * size(l - 1); }

  // "W3[2,1]" (row 2, column 1) and "b3[2]", 1-based as the paper writes them.
  std::vector<std::string> parameter_names() const {
    std::vector<std::string> names;
    for (int l = 2; l <= layers(); ++l) {
      for (int j = 1; j <= size(l); ++j)
        for (int k = 1; k <= size(l - 1); ++k) names.emplace_back(weight_name(l, j, k).view());
      for (int j = 1; j <= size(l); ++j) names.emplace_back(bias_name(l, j).view());
    }
    return names;
  }
};

}  // namespace dlmath
