// The cost of one data point, C = 1/2 ||y - F(x)||^2, recorded once and replayed for any point
// and any parameter values: the graph a stochastic gradient step differentiates.
#pragma once

#include <span>
#include <vector>

#include "network/record.hpp"

namespace dlmath {

template <class T>
class PointCost {
 public:
  explicit PointCost(const Network<T>& net, Granularity how = Granularity::fused,
                     CostKind kind = CostKind::half_squared_error) {
    params = record_parameters(graph, net);  // nodes 0 .. n-1: see theta_values()
    const std::vector<T> zeros_in(net.arch.inputs(), T(0)), zeros_out(net.arch.outputs(), T(0));
    graph.begin_group("input");
    x = record_inputs<T>(graph, "x", zeros_in);
    graph.end_group();
    F = record_network<T>(params, x, how);
    graph.begin_group("cost");
    y = record_inputs<T>(graph, "y", zeros_out);
    cost = record_point_cost<T>(kind, y, F);
    graph.end_group();
  }
  PointCost(const PointCost&) = delete;
  PointCost& operator=(const PointCost&) = delete;

  // Moves the graph to the point (x, y) and recomputes every node.
  void evaluate_at(std::span<const T> xv, std::span<const T> yv) {
    for (std::size_t i = 0; i < x.size(); ++i) graph.set_value(x[i].index(), xv[i]);
    for (std::size_t i = 0; i < y.size(); ++i) graph.set_value(y[i].index(), yv[i]);
    graph.forward();
  }
  // dC/dtheta for every parameter, after evaluate_at.
  void differentiate() { graph.backward(cost.index()); }

  // The parameters' current values, in parameter order.
  std::vector<T> theta() const {
    std::vector<T> out;
    for (const auto& p : params.theta) out.push_back(p.value());
    return out;
  }
  void set_theta(std::span<const T> theta) {
    for (std::size_t k = 0; k < theta.size(); ++k)
      graph.set_value(params.theta[k].index(), theta[k]);
  }
  // The parameters' values and, after differentiate, dC/dtheta, where the graph keeps them (the
  // parameters are its first nodes): an optimiser steps them in place, with no copies. Valid
  // until the graph records another node.
  std::span<T> theta_values() { return {graph.values(), params.theta.size()}; }
  std::span<const T> theta_gradient() { return {graph.grads(), params.theta.size()}; }
  Network<T> network() const { return Network<T>{params.arch, theta()}; }

  Graph<T> graph;
  ParameterVars<T> params;
  std::vector<Var<T>> x, y, F;
  Var<T> cost;
};

}  // namespace dlmath
