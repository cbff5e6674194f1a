// The network as neurons in the article's style: one column of circles per layer, one edge per
// weight labelled with its value, coloured by sign (blue positive, red negative) and as thick as
// it is large; each neuron shows its bias.
#pragma once

#include <cmath>

#include "engine/decimal.hpp"
#include "network/network.hpp"
#include "visual/graph/drawing.hpp"

namespace dlmath::visual {

struct NetworkOptions {
  int digits = 3;
  // With gradients (dCost/dparameter, in parameter order), edges are labelled and sized by them.
  const std::vector<double>* gradients = nullptr;
  std::string title;
  // The input neurons' names, a data set's columns (one per input); x1, x2, .. when not given.
  std::vector<std::string> inputs = {};
};

template <class T>
Drawing network_drawing(const Network<T>& net, const NetworkOptions& o = {}) {
  const Architecture& arch = net.arch;
  Drawing d;
  d.title = o.title;
  std::vector<std::vector<int>> neuron(arch.layers() + 1);
  for (int l = 1; l <= arch.layers(); ++l) {
    const int cluster = static_cast<int>(d.clusters.size());
    d.clusters.push_back(DrawCluster{
        l == 1 ? "layer 1 (input)"
               : "layer " + std::to_string(l) + " (" + std::string(arch.activation(l).name) + ")",
        -1, true});
    for (int j = 1; j <= arch.size(l); ++j) {
      std::string label = l > 1 ? "a" + std::to_string(l) + "," + std::to_string(j)
                          : static_cast<int>(o.inputs.size()) == arch.size(1)
                              ? graphviz_text(o.inputs[j - 1])
                              : "x" + std::to_string(j);
      if (l > 1) label += "\\nb " + to_decimal(net.b(l, j), o.digits);
      neuron[l].push_back(static_cast<int>(d.nodes.size()));
      d.nodes.push_back(DrawNode{l == 1 ? DrawNode::input : DrawNode::neuron, label, cluster});
    }
  }
  // Edge widths relative to the largest weight (or gradient) drawn.
  double largest = 0;
  auto shown = [&](int l, int j, int k) {
    const int p = arch.weight_offset(l) + (j - 1) * arch.size(l - 1) + (k - 1);
    return o.gradients ? (*o.gradients)[p] : static_cast<double>(net.W(l, j, k));
  };
  for (int l = 2; l <= arch.layers(); ++l)
    for (int j = 1; j <= arch.size(l); ++j)
      for (int k = 1; k <= arch.size(l - 1); ++k)
        largest = std::max(largest, std::abs(shown(l, j, k)));
  for (int l = 2; l <= arch.layers(); ++l)
    for (int j = 1; j <= arch.size(l); ++j)
      for (int k = 1; k <= arch.size(l - 1); ++k) {
        const double v = shown(l, j, k);
        std::string label = to_decimal(net.W(l, j, k), o.digits);
        if (o.gradients) label += "\\n(grad " + to_decimal(v, 2) + ")";
        d.edges.push_back(
            DrawEdge{neuron[l - 1][k - 1], neuron[l][j - 1], label, v >= 0 ? "#1f77b4" : "#d62728",
                     0.6 + 3.4 * (largest > 0 ? std::abs(v) / largest : 0), 1, false});
      }
  return d;
}

}  // namespace dlmath::visual
