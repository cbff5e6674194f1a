// Chapter 6: the cost, and why its factors 1/N and 1/2 do not move the minimiser.
#include <cmath>

#include "network/train.hpp"
#include "tutorials/chapters.hpp"

namespace dlmath::tutorials {

void chapter_cost(Lesson& L) {
  L.heading(6, "The cost");
  // clang-format off
  L.say("How good is a choice of the 23 parameters? Write y(x_i) for the target of point i: (1, 0) for a circle and (0, 1) for a cross. We want F(x_i) close to y(x_i) for all N = 10 points, and measure the miss by the cost");
  // clang-format on
  L.formula("Cost = (1/N) sum_i 1/2 ||y(x_i) - F(x_i)||^2",
            "\\mathrm{Cost} = \\frac{1}{N} \\sum_{i=1}^{N} \\tfrac12 \\lVert y(x_i) - F(x_i) "
            "\\rVert_2^2");
  L.line();
  // clang-format off
  L.say("where ||v||^2 is the sum of the squares of v's components. The cost is never negative, and it is zero only if the network hits every target exactly. Training means choosing the parameters that make it as small as we can.");
  // clang-format on
  const Dataset d = higham10();
  const Network<double> net = initial_network<double>(Architecture({2, 2, 3, 2}), 1);
  PointCost<double> C(net);
  const Points<double> points(d, 2);
  std::vector<double> gradient;
  const double cost = dataset_cost(C, points, &gradient);
  L.show("Cost at the random start", num(cost, 10));
  L.show("scaled cost sum_i ||y - F||^2 = 2N Cost", num(2 * d.size() * cost, 10));
  L.line();
  L.pause();
  // clang-format off
  L.say("Why 1/N and 1/2? The 1/N makes the cost an average, so it does not grow with the number of points; the 1/2 cancels the 2 that appears when a square is differentiated. Neither changes which parameters are best: multiplying a function by a positive constant k multiplies its gradient by k and leaves its minimisers where they are. Let us see it with numbers. Take gradient descent on the Cost with step eta = 0.5, and on the scaled cost 2N Cost with step eta / 2N: every step is then exactly the same move.");
  // clang-format on
  TrainOptions a;
  a.method = Method::gd;
  a.steps = 200;
  a.eta = "0.5";
  const auto plain = train(d, net, a);
  // Gradient descent on k * Cost with step eta / k: the same iterates, whatever k is.
  PointCost<double> S(net);
  const double k = 2.0 * d.size(), eta = 0.5 / k;
  std::vector<double> theta = net.theta, g;
  for (int s = 0; s < 200; ++s) {
    S.set_theta(theta);
    dataset_cost(S, points, &g);
    for (std::size_t j = 0; j < theta.size(); ++j) theta[j] -= eta * (k * g[j]);
  }
  double worst = 0;
  for (std::size_t j = 0; j < theta.size(); ++j)
    worst = std::max(worst, std::abs(theta[j] - plain.net.theta[j]));
  L.show("Cost after 200 steps on Cost", num(plain.final_cost, 10));
  L.show("largest difference between the two parameter vectors", num(worst, 3));
  L.show("gradient of 2N Cost / gradient of Cost, for W2[1,1]", num(k * gradient[0] / gradient[0]));
  L.line();
  L.check(worst < 1e-12, "scaling the cost and the step together gives the same minimiser path");
  L.check(plain.final_cost < cost, "gradient descent lowers the cost");
  // clang-format off
  L.say("So the constants only rescale the gradient, which a rescaled learning rate absorbs. The paper's own code reports the scaled cost sum_i ||y - F||^2, and so does dlmath beside the Cost.");
  // clang-format on
  L.pause();
}

}  // namespace dlmath::tutorials
