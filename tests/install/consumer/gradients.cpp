// The article's cost (1/N) sum 1/2 ||y(x_i) - F(x_i)||^2 over its ten points, for the 2-2-3-2
// network with the initial weights of seed 1, and the cost's partial derivative with respect to
// each of the 23 weights and biases: one "name gradient" line each.
#include <cstdio>
#include <dlmath/dlmath.hpp>
#include <string>
#include <vector>

using namespace dlmath;

int main() {
  const Dataset data = higham10();
  const Network<double> net = initial_network<double>(Architecture({2, 2, 3, 2}), 1);
  PointCost<double> C(net);
  const Points<double> points(data, net.arch.outputs());
  std::vector<double> gradient;
  const double cost = dataset_cost(C, points, &gradient);
  std::printf("dlmath %s\ncost %.17g\n", DLMATH_VERSION, cost);
  const auto names = net.arch.parameter_names();
  for (std::size_t k = 0; k < gradient.size(); ++k)
    std::printf("%s %.17g\n", std::string(names[k]).c_str(), gradient[k]);
}
