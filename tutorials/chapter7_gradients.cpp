// Chapter 7: backpropagation is the reverse sweep; finite differences and their limits.
#include <cmath>
#include <cstdio>

#include "network/backprop_by_hand.hpp"
#include "network/point_cost.hpp"
#include "ops/derivative.hpp"
#include "symbolic/formula.hpp"
#include "tutorials/chapters.hpp"
#include "tutorials/pictures.hpp"

namespace dlmath::tutorials {

namespace {

// The central-difference estimate of dC/dW2[1,1] at point 1 with step h, in type T.
template <class T>
T central_difference(const Network<double>& start, const T& h) {
  Network<T> net = network_as<T>(start);
  PointCost<T> C(net);
  const std::vector<T> x{T(1) / 10, T(1) / 10}, y{T(1), T(0)};
  auto cost_at = [&](const T& w) {
    net.theta[0] = w;
    C.set_theta(net.theta);
    C.evaluate_at(x, y);
    return C.cost.value();
  };
  const T w = T(start.theta[0]);
  return (cost_at(w + h) - cost_at(w - h)) / (2 * h);
}

// The reverse sweep recorded as nodes for one neuron's cost, printed as the sweep computes it
// (raw) and simplified: the simplified form is the paper's delta times the input.
void show_recorded_sweep(Lesson& L) {
  Graph<double> g;
  auto w = g.parameter("w", 0.5), b = g.parameter("b", 0.1);
  auto x = g.input("x", 1.0), y = g.input("y", 1.0);
  auto a = sigmoid(w * x + b);
  auto C = 0.5 * (a - y) * (a - y);
  const index_t dC_dw = derivative(C, w).index();
  // clang-format off
  L.say("The sweep can also be recorded as new nodes of the graph, which is how `dlmath diff` differentiates symbolically. For one neuron a = sigma(w x + b) and its cost C = 1/2 (a - y)^2, `dlmath diff --raw` prints dC/dw as the reverse sweep computes it, each node's local derivative times the gradient arriving from above:");
  // clang-format on
  for (const auto& row : split_lines(symbolic::formula(g, dC_dw, {false, 0, true})))
    L.line("    " + row);
  L.line();
  // clang-format off
  L.say("Simplified, as `dlmath diff` prints it by default, the same products are delta times the input, the paper's formula (sigma' = sigma (1 - sigma)):");
  // clang-format on
  for (const auto& row : split_lines(symbolic::formula(g, dC_dw))) L.line("    " + row);
  L.line();
}

}  // namespace

void chapter_gradients(Lesson& L) {
  L.heading(7, "Gradients: backpropagation is a reverse sweep");
  // clang-format off
  L.say("To lower the cost we need its partial derivative with respect to each of the 23 parameters. Take one point and its cost C = 1/2 ||y - a[4]||^2. Write z[l] = W[l] a[l-1] + b[l] for the input of layer l's sigmoids, and delta[l] = dC/dz[l]. The paper derives four formulas, where o multiplies vectors component by component:");
  // clang-format on
  L.formula("delta[4] = sigma'(z[4]) o (a[4] - y)",
            "\\delta^{[4]} = \\sigma'(z^{[4]}) \\circ (a^{[4]} - y)");
  L.formula("delta[l] = sigma'(z[l]) o W[l+1]^T delta[l+1]     for l = 3, 2",
            "\\delta^{[l]} = \\sigma'(z^{[l]}) \\circ (W^{[l+1]})^T \\delta^{[l+1]} \\quad "
            "\\text{for } l = 3, 2");
  L.formula("dC/db[l] = delta[l]            dC/dW[l] = delta[l] a[l-1]^T",
            "\\frac{\\partial C}{\\partial b^{[l]}} = \\delta^{[l]} \\qquad "
            "\\frac{\\partial C}{\\partial W^{[l]}} = \\delta^{[l]} (a^{[l-1]})^T");
  L.line();
  // clang-format off
  L.say("The delta of a layer is computed from the delta of the layer after it: the error flows backwards, hence backpropagation. dlmath never uses these formulas. It records the cost as a graph and sweeps it once in reverse, each node passing its gradient to its operands by its own local derivative. The gradient it leaves on the node z[l][j] is exactly delta[l][j]:");
  // clang-format on
  const Architecture arch({2, 2, 3, 2});
  const Network<double> net = initial_network<double>(arch, 1);
  PointCost<double> C(net);
  const std::vector<double> x{0.1, 0.1}, y{1, 0};
  C.evaluate_at(x, y);
  C.differentiate();
  BackpropByHand<double> by_hand(arch);
  std::vector<double> grad(23);
  by_hand.cost_and_gradient(net.theta, x, y, grad);
  double worst = 0;
  for (const auto& group : C.graph.groups()) {
    int l = 0, j = 0;
    if (std::sscanf(std::string(group.name).c_str(), "neuron %d.%d", &l, &j) != 2) continue;
    const double engine = C.graph.grad(group.begin);  // the neuron's z node: its first node
    const double paper = by_hand.delta(l)[j - 1];
    worst = std::max(worst, std::abs(engine - paper) / std::max(std::abs(paper), 1e-300));
    char row[128];
    std::snprintf(row, sizeof row, "    delta[%d][%d]  formula % .16e  graph % .16e", l, j, paper,
                  engine);
    L.line(row);
  }
  L.line();
  L.check(worst < 1e-13, "the reverse sweep's gradient at z[l] equals the paper's delta[l]");
  double worst_grad = 0;
  for (int k = 0; k < 23; ++k)
    worst_grad = std::max(worst_grad, std::abs(C.params.theta[k].grad() - grad[k]) /
                                          std::max(std::abs(grad[k]), 1e-300));
  L.show("largest relative difference, graph against formulas, over all 23 dC/dp",
         num(worst_grad, 3));
  L.line();
  L.check(worst_grad < 1e-13, "all 23 gradients agree with the paper's formulas");
  // clang-format off
  // clang-format off
  L.say("The book draws that graph at one point of the data, each neuron as one node that carries the value and the gradient of its output a[l][j]. Open a neuron (click it in the book; `dlmath graph --network --expand \"neuron 3.2\" -o graph.svg` draws it to a file) to see what it is made of: its weights and bias, the affine node z = W x + b that sums them, and the sigmoid. The gradient on that z node is the delta printed above, and the gradients on its weights are delta times the activations coming in, as the paper's formulas say.");
  // clang-format on
  // clang-format on
  L.figure("network-graph");
  // clang-format off
  L.say("`dlmath inspect` prints this comparison for every parameter, grouped by layer, over the whole data set.");
  // clang-format on
  show_recorded_sweep(L);
  L.pause();
  // clang-format off
  L.say("A third way to get a derivative needs no calculus at all: nudge a parameter by a small h and watch the cost, dC/dw ~ (C(w + h) - C(w - h)) / 2h. Its error has two parts. The formula is off by about h^2 (truncation), so h should be small; but C(w + h) and C(w - h) are nearly equal and each carries a rounding error of about epsilon, the precision of the numbers, and dividing their difference by 2h magnifies that to about epsilon / h, so h should not be small. The best one can do is h ~ epsilon^(1/3). Here is the error of the estimate of dC/dW2[1,1] against the exact value (autodiff at 100 digits) in float (epsilon ~ 1e-7), double (1e-16) and at 50 digits:");
  // clang-format on
  PointCost<float100> exact_graph(network_as<float100>(net));
  exact_graph.evaluate_at(std::vector<float100>{float100(1) / 10, float100(1) / 10},
                          std::vector<float100>{1, 0});
  exact_graph.differentiate();
  const float100 exact = exact_graph.params.theta[0].grad();
  L.line("         h        float error     double error    50-digit error");
  double best_double = 1, error_double_tiny = 0;
  for (int e = 1; e <= 13; e += 2) {
    const double h = std::pow(10.0, -e);
    const double ef = std::abs(static_cast<double>(
        central_difference<float>(net, static_cast<float>(h)) - float100(exact)));
    const double ed =
        std::abs(static_cast<double>(float100(central_difference<double>(net, h)) - exact));
    const double em = std::abs(
        static_cast<double>(float100(central_difference<float50>(net, float50(h))) - exact));
    best_double = std::min(best_double, ed);
    if (e == 13) error_double_tiny = ed;
    char row[128];
    std::snprintf(row, sizeof row, "    1e-%02d     %12.2e     %12.2e     %12.2e", e, ef, ed, em);
    L.line(row);
  }
  L.line();
  const double autodiff_error =
      std::abs(static_cast<double>(float100(C.params.theta[0].grad()) - exact));
  L.show("autodiff error in double", num(autodiff_error, 3));
  L.line();
  L.check(error_double_tiny > 10 * best_double,
          "a too small step makes the finite difference worse");
  L.check(autodiff_error < best_double, "autodiff beats the best finite difference in double");
  L.figure("finite-differences");
  // clang-format off
  L.say("Read down a column: the error first falls like h^2, then rises again as rounding takes over. In float no step gives more than a few correct digits. Autodiff has no step at all: its only error is rounding, so it is as exact as the number type allows, at any precision.");
  // clang-format on
  L.pause();
}

}  // namespace dlmath::tutorials
