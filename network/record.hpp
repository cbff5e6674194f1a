// Recording F(X) on a graph: parameter leaves, the layers sigma(W a + b), and the cost.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "network/layer.hpp"
#include "network/names.hpp"
#include "network/network.hpp"

namespace dlmath {

// The parameter leaves of a network on a graph, in parameter order.
template <class T>
struct ParameterVars {
  Architecture arch;
  std::vector<Var<T>> theta;

  const Var<T>& W(int l, int j, int k) const {
    return theta[arch.weight_offset(l) + (j - 1) * arch.size(l - 1) + (k - 1)];
  }
  const Var<T>& b(int l, int j) const { return theta[arch.bias_offset(l) + (j - 1)]; }
};

template <class T>
ParameterVars<T> record_parameters(Graph<T>& g, const Network<T>& net) {
  ParameterVars<T> p{net.arch, {}};
  p.theta.reserve(net.theta.size());
  auto it = net.theta.begin();
  for (int l = 2; l <= net.arch.layers(); ++l) {
    for (int j = 1; j <= net.arch.size(l); ++j)
      for (int k = 1; k <= net.arch.size(l - 1); ++k) {
        p.theta.push_back(g.parameter(weight_name(l, j, k), *it++));
      }
    for (int j = 1; j <= net.arch.size(l); ++j) {
      p.theta.push_back(g.parameter(bias_name(l, j), *it++));
    }
  }
  return p;
}

// Leaves named prefix1, prefix2, ... holding `values`, into `out`, whose room is reused: a graph
// rebuilt every step allocates nothing here.
template <class T>
void record_inputs(Graph<T>& g, std::string_view prefix, std::span<const T> values,
                   std::vector<Var<T>>& out) {
  out.clear();
  for (std::size_t i = 0; i < values.size(); ++i)
    out.push_back(g.input(Name() << prefix << static_cast<int>(i + 1), values[i]));
}
template <class T>
std::vector<Var<T>> record_inputs(Graph<T>& g, std::string_view prefix, std::span<const T> values) {
  std::vector<Var<T>> out;
  out.reserve(values.size());
  record_inputs(g, prefix, values, out);
  return out;
}

// Layer l of the network, a[l] = sigma(W[l] a[l-1] + b[l]), grouped per neuron, appended to a.
template <class T>
void append_recorded_layer(const ParameterVars<T>& p, int l, std::span<const Var<T>> a_prev,
                           Granularity how, std::vector<Var<T>>& a) {
  const int n = p.arch.size(l), m = p.arch.size(l - 1);
  const VarMatrix<T> W{std::span<const Var<T>>(&p.W(l, 1, 1), static_cast<std::size_t>(n) * m), n,
                       m};
  append_layer<T>(W, std::span<const Var<T>>(&p.b(l, 1), n), a_prev, p.arch.activation(l), how, l,
                  a);
}

// F(x): every layer from 2 to L, each in a group "layer l". Every layer's activations go into
// `a` (its room reused, so a graph rebuilt every step allocates nothing here); F is its tail,
// returned.
template <class T>
std::span<const Var<T>> record_network(const ParameterVars<T>& p, std::span<const Var<T>> x,
                                       Granularity how, std::vector<Var<T>>& a) {
  if (static_cast<int>(x.size()) != p.arch.inputs())
    throw std::invalid_argument("the network takes " + std::to_string(p.arch.inputs()) +
                                " inputs, not " + std::to_string(x.size()));
  Tape<T>& g = x.front().tape();
  std::size_t total = 0;
  for (int l = 1; l <= p.arch.layers(); ++l) total += p.arch.size(l);
  a.clear();
  a.reserve(total);  // the spans of earlier layers below stay valid
  a.assign(x.begin(), x.end());
  std::size_t prev = 0;
  for (int l = 2; l <= p.arch.layers(); ++l) {
    g.begin_group("layer ", l);
    const std::size_t begin = a.size();
    append_recorded_layer<T>(p, l, std::span<const Var<T>>(a).subspan(prev, begin - prev), how, a);
    prev = begin;
    g.end_group();
  }
  return std::span<const Var<T>>(a).subspan(prev);
}
template <class T>
std::vector<Var<T>> record_network(const ParameterVars<T>& p, std::span<const Var<T>> x,
                                   Granularity how = Granularity::fused) {
  std::vector<Var<T>> a;
  const std::size_t outputs = record_network(p, x, how, a).size();
  a.erase(a.begin(), a.end() - static_cast<std::ptrdiff_t>(outputs));
  return a;
}

// What a point's cost measures: the article's 1/2 ||y - a||^2, or the cross-entropy
// -sum_j [y_j log a_j + (1 - y_j) log(1 - a_j)] (for outputs in (0, 1), as sigmoid gives).
enum class CostKind { half_squared_error, cross_entropy };

inline std::string_view to_string(CostKind c) {
  return c == CostKind::half_squared_error ? "half-squared-error" : "cross-entropy";
}

// -sum_j [y_j log a_j + (1 - y_j) log(1 - a_j)]
template <class T>
Var<T> record_cross_entropy(std::span<const Var<T>> y, std::span<const Var<T>> a) {
  Var<T> sum = y[0] * log(a[0]) + (1 - y[0]) * log(1 - a[0]);
  for (std::size_t i = 1; i < y.size(); ++i)
    sum = sum + y[i] * log(a[i]) + (1 - y[i]) * log(1 - a[i]);
  return -sum;
}

template <class T>
Var<T> record_point_cost(CostKind c, std::span<const Var<T>> y, std::span<const Var<T>> a) {
  if (c == CostKind::cross_entropy) return record_cross_entropy<T>(y, a);
  return record_half_squared_error<T>(y, a);
}

// 1/2 ||y - a||^2.
template <class T>
Var<T> record_half_squared_error(std::span<const Var<T>> y, std::span<const Var<T>> a) {
  Var<T> sum = square(y[0] - a[0]);
  for (std::size_t i = 1; i < y.size(); ++i) sum = sum + square(y[i] - a[i]);
  return 0.5 * sum;
}

}  // namespace dlmath
