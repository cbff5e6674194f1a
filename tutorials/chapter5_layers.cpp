// Chapter 5: layers stacked into the 2-2-3-2 network F(X).
#include "network/backprop_by_hand.hpp"
#include "network/point_cost.hpp"
#include "symbolic/formula.hpp"
#include "tutorials/chapters.hpp"
#include "tutorials/pictures.hpp"

namespace dlmath::tutorials {

void chapter_layers(Lesson& L) {
  L.heading(5, "Layers: the 2-2-3-2 network F(X)");
  // clang-format off
  L.say("The output of one layer can be the input of the next. Number the layers from 1: layer 1 is the input x itself, a[1] = x. Layer l, for l = 2, 3, ..., computes a[l] = sigma(W[l] a[l-1] + b[l]), where W[l] has one row per neuron of layer l and one column per neuron of layer l-1. The article's network has four layers of sizes 2, 2, 3 and 2: two inputs, hidden layers of two and three neurons, and two outputs F(x) = a[4].");
  // clang-format on
  const Architecture arch({2, 2, 3, 2});
  // clang-format off
  L.say("Counting its weights and biases: W2 is 2x2 and b2 has 2 entries (6), W3 is 3x2 and b3 has 3 (9), W4 is 2x3 and b4 has 2 (8).");
  // clang-format on
  L.show("parameters", std::to_string(arch.parameter_count()) + " = 6 + 9 + 8");
  L.line();
  L.check(arch.parameter_count() == 23, "the 2-2-3-2 network has 23 weights and biases");
  std::string names;
  for (const auto& n : arch.parameter_names()) names += n + " ";
  L.say("Their names, as the paper writes them (W3[2,1] is row 2, column 1 of W3): " + names);
  L.pause();
  const Network<double> net = initial_network<double>(arch, 1);
  // clang-format off
  L.say("To start, every weight and bias is drawn at random: half a standard normal number (seed 1). Feeding the point x = (0.1, 0.1) through, layer by layer:");
  // clang-format on
  PointCost<double> C(net, Granularity::fused);
  C.evaluate_at(std::vector<double>{0.1, 0.1}, std::vector<double>{1, 0});
  BackpropByHand<double> layers(arch);
  layers.forward(net.theta, std::vector<double>{0.1, 0.1});
  for (int l = 1; l <= 4; ++l) {
    std::string v;
    for (double a : layers.a(l)) v += (v.empty() ? "" : ", ") + num(a);
    L.show("a[" + std::to_string(l) + "]", "(" + v + ")");
  }
  L.line();
  L.check(C.F[0].value() == layers.a(4)[0] && C.F[1].value() == layers.a(4)[1],
          "the graph's F(x) equals the layer-by-layer computation");
  draw_network(L, net, "network.png",
               "the network, each edge a weight (blue positive, red negative)");
  // clang-format off
  L.say("Written out, F is nothing but nested sigmoids: F(x) = sigma(W4 sigma(W3 sigma(W2 x + b2) + b3) + b4). dlmath can print the first output F1 from its graph. Subexpressions used more than once (the outputs of the hidden neurons) are named t1, t2, ... and printed once:");
  // clang-format on
  for (const auto& row : split_lines(symbolic::formula(C.graph, C.F[0].index())))
    L.line("    " + row);
  L.line();
  L.pause();
}

}  // namespace dlmath::tutorials
