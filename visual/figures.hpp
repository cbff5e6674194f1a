// The article's figures from dlmath's own objects: a data set, a trained network, a training run.
// Each returns the plot's description (what it shows) for tests and `dlmath plot --json`.
#pragma once

#include <array>
#include <filesystem>

#include "network/evaluate.hpp"
#include "network/train.hpp"
#include "visual/plot/plot.hpp"

namespace dlmath::visual {

// The data set's name for a title: a CSV file by its file name.
inline std::string data_title(const Dataset& d) {
  return std::filesystem::path(d.name).filename().string();
}

inline Scatter scatter_of(const Dataset& d) {
  if (d.dimension() != 2)
    throw std::invalid_argument(d.name + " has " + std::to_string(d.dimension()) +
                                " features; only two can be drawn on the plane");
  Scatter s;
  s.class_names = d.class_names;
  s.xlabel = d.feature_names[0];
  s.ylabel = d.feature_names[1];
  for (int i = 0; i < d.size(); ++i) {
    const auto x = d.x<double>(i);
    s.points.push_back({x[0], x[1], d.category[i]});
  }
  return s;
}

// The axes' ranges the pictures of d's points take (range_of); throws std::invalid_argument for
// data of other than two features or points that cannot be drawn.
inline Range data_range(const Dataset& d) {
  const Scatter s = scatter_of(d);
  return range_of(s.points, s.xlabel, s.ylabel);
}

inline PlotDescription plot_dataset(const std::string& path, const Dataset& d) {
  return plot_data(path, scatter_of(d),
                   data_title(d) + ": " + std::to_string(d.size()) + " points, " +
                       std::to_string(d.classes()) + " classes");
}

// Each region is where the network's largest output names that class (with a single output,
// class 1 where F > 1/2), as `dlmath train` classifies.
template <class T>
PlotDescription plot_decision_boundary(const std::string& path, const Network<T>& net,
                                       const Dataset& d, const std::string& title) {
  PointCost<double> C(network_as<double>(net));
  const std::vector<double> y(net.arch.outputs(), 0.0);
  std::array<double, 2> x{};  // reused: the scores are computed once per grid point
  auto scores = [&](double x1, double x2, std::vector<double>& s) {
    x = {x1, x2};
    C.evaluate_at(x, y);
    if (net.arch.outputs() == 1) {
      s[0] = C.F[0].value(), s[1] = 1 - C.F[0].value();
    } else {
      for (std::size_t k = 0; k < s.size(); ++k) s[k] = C.F[k].value();
    }
  };
  return plot_boundary(path, scores, d.classes(), scatter_of(d), title);
}

// With the article's cost, the paper's scaled cost sum_i ||y_i - F(x_i)||^2 (2N times the cost)
// against the step; with cross-entropy, the cost itself. `marks`: steps to mark (snapshots).
template <class T>
PlotDescription plot_cost_history(const std::string& path, const TrainResult<T>& r, int points,
                                  const std::string& title,
                                  CostKind kind = CostKind::half_squared_error,
                                  const std::vector<double>& marks = {}) {
  const bool scaled = kind == CostKind::half_squared_error;
  std::vector<double> steps, cost;
  for (std::size_t k = 0; k < r.steps.size(); ++k) {
    steps.push_back(static_cast<double>(r.steps[k]));
    cost.push_back(static_cast<double>(r.cost[k]) * (scaled ? 2 * points : 1));
  }
  return plot_history(
      path, steps, cost, title,
      scaled ? "scaled cost #gS#di#u ||y#di#u - F(x#di#u)||#u2#d" : "cross-entropy cost", marks);
}

}  // namespace dlmath::visual
