// Chapter 3: sigma(ax + b), the weight and the bias.
#include <cmath>

#include "ops/ops.hpp"
#include "tutorials/chapters.hpp"
#include "visual/plot/plot.hpp"

namespace dlmath::tutorials {

void chapter_weight_and_bias(Lesson& L) {
  L.heading(3, "Weight and bias: sigma(ax + b)");
  // clang-format off
  L.say("A single step at x = 0 with a fixed steepness is not flexible enough. Scale and shift the input first: sigma(ax + b). The number a is called the weight and b the bias. The switch now happens where ax + b = 0, at x = -b/a, and the larger |a|, the steeper the step: near the switch the slope is a/4.");
  // clang-format on
  L.picture("scaled-sigmoids.png", "sigma(ax + b) for several a and b",
            visual::plot_scaled_sigmoids);
  L.figure("sigmoid-ab");
  Graph<double> g;
  auto a = g.parameter("a", 3.0), b = g.parameter("b", -1.5);
  auto x = g.input("x", 0.5);
  auto y = sigmoid(a * x + b);
  L.say("With a = 3 and b = -1.5 the switch is at x = 0.5, where the output is one half:");
  L.show("sigma(3 * 0.5 - 1.5)", num(y.value()));
  L.line();
  L.check(y.value() == 0.5, "sigma(ax + b) = 1/2 at x = -b/a");
  // clang-format off
  L.say("Training will adjust a and b, so we need the derivatives of the output with respect to them. By the chain rule, with z = ax + b: dy/da = sigma'(z) x and dy/db = sigma'(z). The graph knows a, b and x as leaves, and one backward sweep gives all three partial derivatives at once:");
  // clang-format on
  x.set(0.8);
  g.forward();
  backward(y);
  const double z = 3 * 0.8 - 1.5, s = 1 / (1 + std::exp(-z)), ds = s * (1 - s);
  L.show("x", "0.8");
  L.show("dy/da by autodiff", num(a.grad(), 15) + "   by sigma'(z) x: " + num(ds * 0.8, 15));
  L.show("dy/db by autodiff", num(b.grad(), 15) + "   by sigma'(z):   " + num(ds, 15));
  L.show("dy/dx by autodiff", num(x.grad(), 15) + "   by sigma'(z) a: " + num(ds * 3, 15));
  L.line();
  L.check_close(a.grad(), ds * 0.8, 1e-15, "dy/da = sigma'(z) x");
  L.check_close(b.grad(), ds, 1e-15, "dy/db = sigma'(z)");
  // clang-format off
  L.say("One input, one weight, one bias: this is a single artificial neuron. The next chapter feeds it a vector.");
  // clang-format on
  L.pause();
}

}  // namespace dlmath::tutorials
