// The article's figures from dlmath's own objects: a data set, a trained network, a training run.
#pragma once

#include <array>

#include "network/evaluate.hpp"
#include "network/train.hpp"
#include "visual/plot/plot.hpp"

namespace dlmath::visual {

inline std::vector<LabelledPoint> labelled_points(const Dataset& d) {
  if (d.dimension() != 2)
    throw std::invalid_argument("only data with two features can be drawn on the plane");
  std::vector<LabelledPoint> out;
  for (int i = 0; i < d.size(); ++i)
    out.push_back({d.x<double>(i)[0], d.x<double>(i)[1], d.category[i]});
  return out;
}

inline void plot_dataset(const std::string& path, const Dataset& d) {
  plot_data(
      path, labelled_points(d),
      d.name + ": category " + d.class_names[0] + " (circles), " + d.class_names[1] + " (crosses)");
}

// Shaded where the network says category A (F1 > F2) or B, with the boundary F1 = F2.
template <class T>
void plot_decision_boundary(const std::string& path, const Network<T>& net, const Dataset& d,
                            const std::string& title) {
  PointCost<double> C(network_as<double>(net));
  const std::vector<double> y(net.arch.outputs(), 0.0);
  std::array<double, 2> x{};  // reused: the score is called once per grid point
  auto score = [&](double x1, double x2) {
    x = {x1, x2};
    C.evaluate_at(x, y);
    return net.arch.outputs() == 1 ? C.F[0].value() - 0.5 : C.F[0].value() - C.F[1].value();
  };
  plot_boundary(path, score, labelled_points(d), title);
}

// The paper's scaled cost sum_i ||y_i - F(x_i)||^2 (2N times the article's cost) against the step.
template <class T>
void plot_cost_history(const std::string& path, const TrainResult<T>& r, int points,
                       const std::string& title) {
  std::vector<double> steps, cost;
  for (std::size_t k = 0; k < r.steps.size(); ++k) {
    steps.push_back(static_cast<double>(r.steps[k]));
    cost.push_back(static_cast<double>(r.cost[k]) * 2 * points);
  }
  plot_history(path, steps, cost, title, "scaled cost #gS#di#u ||y#di#u - F(x#di#u)||#u2#d");
}

}  // namespace dlmath::visual
