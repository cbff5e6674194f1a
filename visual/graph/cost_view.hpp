// The graph of a network's cost at one data point, with every node's value and gradient: what
// `dlmath graph --network` and the book's /api/network-graph.svg draw.
#pragma once

#include <string>

#include "network/dataset.hpp"
#include "network/point_cost.hpp"
#include "visual/graph/graph_view.hpp"

namespace dlmath::visual {

// Point `point` (from 1) of `data`, which the caller has checked is one of its points.
template <class T>
Drawing point_cost_drawing(const Network<T>& net, const Dataset& data, int point, Granularity how,
                           GraphOptions o) {
  PointCost<T> C(net, how);
  const int i = point - 1;
  C.evaluate_at(data.x<T>(i), data.y<T>(i, net.arch.outputs()));
  C.differentiate();
  std::string at;
  for (const auto& f : data.features[i]) at += (at.empty() ? "" : ", ") + f;
  o.title = "C = 1/2 ||y - F(x)||^2 at point " + std::to_string(point) + " (" + at + ")";
  return graph_drawing(C.graph, C.cost.index(), o);
}

}  // namespace dlmath::visual
