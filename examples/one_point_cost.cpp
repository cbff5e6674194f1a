// The article's 2-2-3-2 network, its cost at one data point, and the 23 partial derivatives of
// that cost found by reverse-mode autodiff.
#include <cstdio>

#include "network/dataset.hpp"
#include "network/point_cost.hpp"

using namespace dlmath;

int main() {
  const Dataset data = higham10();
  const Network<double> net = initial_network<double>(Architecture({2, 2, 3, 2}), 1);
  PointCost<double> C(net);
  const int i = 0;
  C.evaluate_at(data.x<double>(i), data.y<double>(i, 2));
  C.differentiate();
  std::printf("Network 2-2-3-2 (sigmoid), weights and biases 0.5 N(0,1) with seed 1.\n");
  std::printf("Point x = (%s, %s), category %s, target y = (%g, %g)\n", data.features[i][0].c_str(),
              data.features[i][1].c_str(), data.class_names[data.category[i]].c_str(),
              C.y[0].value(), C.y[1].value());
  std::printf("F(x) = (%.6f, %.6f)\n", C.F[0].value(), C.F[1].value());
  std::printf("C = 1/2 ||y - F(x)||^2 = %.17g\n\n", C.cost.value());
  std::printf("%-9s %12s %24s\n", "parameter", "value", "dC/dparameter");
  for (const auto& p : C.params.theta)
    std::printf("%-9s %12.6f %24.17g\n", std::string(p.name()).c_str(), p.value(), p.grad());
  std::printf("\n%zu parameters, %u graph nodes\n", C.params.theta.size(), C.graph.size());
}
