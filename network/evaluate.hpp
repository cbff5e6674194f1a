// The cost over a whole data set, its gradient, and the points' outputs, by replaying the
// one-point cost graph once per point.
#pragma once

#include <vector>

#include "network/classify.hpp"
#include "network/dataset.hpp"
#include "network/point_cost.hpp"

namespace dlmath {

// The data set read once at T's precision: x_i and y(x_i) for every point.
template <class T>
struct Points {
  std::vector<std::vector<T>> x, y;
  std::vector<int> category;
  Points() = default;
  Points(const Dataset& d, int outputs) : category(d.category) {
    for (int i = 0; i < d.size(); ++i) x.push_back(d.x<T>(i)), y.push_back(d.y<T>(i, outputs));
  }
  int size() const { return static_cast<int>(x.size()); }
};

// (1/N) sum_i C_i at the graph's current parameters; with `gradient`, also its partial
// derivatives in parameter order.
template <class T>
T dataset_cost(PointCost<T>& C, const Points<T>& data, std::vector<T>* gradient = nullptr) {
  T sum = T(0);
  if (gradient) gradient->assign(C.params.theta.size(), T(0));
  for (int i = 0; i < data.size(); ++i) {
    C.evaluate_at(data.x[i], data.y[i]);
    sum += C.cost.value();
    if (gradient) {
      C.differentiate();
      for (std::size_t k = 0; k < gradient->size(); ++k) (*gradient)[k] += C.params.theta[k].grad();
    }
  }
  const T N = T(data.size());
  if (gradient)
    for (auto& g : *gradient) g /= N;
  return sum / N;
}

// F(x_i) for every point, and how many are classified as their category.
template <class T>
struct Outputs {
  std::vector<std::vector<T>> F;
  std::vector<int> predicted;
  int correct = 0;
};

template <class T>
Outputs<T> classify(PointCost<T>& C, const Points<T>& data) {
  Outputs<T> out;
  for (int i = 0; i < data.size(); ++i) {
    C.evaluate_at(data.x[i], data.y[i]);
    std::vector<T> F;
    for (const auto& f : C.F) F.push_back(f.value());
    out.predicted.push_back(category_of<T>(F));
    out.correct += out.predicted.back() == data.category[i];
    out.F.push_back(std::move(F));
  }
  return out;
}

}  // namespace dlmath
