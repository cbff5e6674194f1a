// Chapter 4: sigma(WX + B) for a vector input, component by component.
#include <cmath>
#include <cstdio>

#include "ops/ops.hpp"
#include "tutorials/chapters.hpp"
#include "tutorials/pictures.hpp"

namespace dlmath::tutorials {

void chapter_many_inputs(Lesson& L) {
  L.heading(4, "Many inputs: sigma(WX + B)");
  // clang-format off
  L.say("Our points have two coordinates, so the input is a vector X = (x1, x2). Applied to a vector, sigma acts on each component separately. The weight a becomes a matrix W and the bias b a vector B, and the neuron becomes a layer: sigma(WX + B). With a 2x2 matrix W its two outputs are");
  // clang-format on
  L.formula("y1 = sigma(w11 x1 + w12 x2 + b1)", "y_1 = \\sigma(w_{11} x_1 + w_{12} x_2 + b_1)");
  L.formula("y2 = sigma(w21 x1 + w22 x2 + b2)", "y_2 = \\sigma(w_{21} x_1 + w_{22} x_2 + b_2)");
  L.line();
  // clang-format off
  L.say("Every output looks at every input: that is what the crossing arrows in the article's picture mean. Here it is with numbers, recorded as a graph with one node per multiply and add:");
  // clang-format on
  Graph<double> g;
  auto x1 = g.input("x1", 0.3), x2 = g.input("x2", 0.7);
  auto w11 = g.parameter("w11", 1.5), w12 = g.parameter("w12", -2.0), w21 = g.parameter("w21", 0.5),
       w22 = g.parameter("w22", 1.0);
  auto b1 = g.parameter("b1", 0.25), b2 = g.parameter("b2", -0.5);
  g.begin_group("y1");
  auto y1 = sigmoid(w11 * x1 + w12 * x2 + b1);
  g.end_group();
  g.begin_group("y2");
  auto y2 = sigmoid(w21 * x1 + w22 * x2 + b2);
  g.end_group();
  auto sum = y1 + y2;  // one output to differentiate, so the picture shows gradients too
  backward(sum);
  const double z1 = 1.5 * 0.3 - 2.0 * 0.7 + 0.25, z2 = 0.5 * 0.3 + 1.0 * 0.7 - 0.5;
  L.show("X", "(0.3, 0.7)");
  L.show("W", "[[1.5, -2], [0.5, 1]]");
  L.show("B", "(0.25, -0.5)");
  L.show("WX + B", "(" + num(z1) + ", " + num(z2) + ")");
  L.show("sigma(WX + B)", "(" + num(y1.value()) + ", " + num(y2.value()) + ")");
  L.line();
  L.check_close(y1.value(), 1 / (1 + std::exp(-z1)), 1e-15, "y1 = sigma(w11 x1 + w12 x2 + b1)");
  L.check_close(y2.value(), 1 / (1 + std::exp(-z2)), 1e-15, "y2 = sigma(w21 x1 + w22 x2 + b2)");
  // clang-format off
  L.say("The picture shows that graph: leaves (the inputs x1, x2 and the parameters w and b) on the left, each operation a node, and for every node its value and its gradient d(y1 + y2)/d(node) from one backward sweep. Follow x1: it feeds both neurons, so its gradient is the sum of two paths, w11 sigma'(z1) + w21 sigma'(z2).");
  // clang-format on
  const double s1 = y1.value() * (1 - y1.value()), s2 = y2.value() * (1 - y2.value());
  L.show("d(y1 + y2)/dx1 by autodiff", num(x1.grad(), 15));
  L.show("w11 sigma'(z1) + w21 sigma'(z2)", num(1.5 * s1 + 0.5 * s2, 15));
  L.line();
  L.check_close(x1.grad(), 1.5 * s1 + 0.5 * s2, 1e-14, "gradients add over the two paths");
  draw_graph(L, g, sum.index(), "layer-graph.png",
             "the graph of sigma(WX + B), with values and gradients");
  L.figure("layer-graph");
  L.pause();
}

}  // namespace dlmath::tutorials
