// Chapter 2: the sigmoid and its derivative, by autodiff beside the formula.
#include <cmath>
#include <cstdio>

#include "ops/ops.hpp"
#include "tutorials/chapters.hpp"
#include "visual/plot/plot.hpp"

namespace dlmath::tutorials {

void chapter_sigmoid(Lesson& L) {
  L.heading(2, "The sigmoid, a smooth step");
  // clang-format off
  L.say("The building block is the sigmoid (or logistic) function sigma(x) = 1 / (1 + e^(-x)). For large positive x, e^(-x) is tiny and sigma(x) is close to 1; for large negative x, e^(-x) is huge and sigma(x) is close to 0; at x = 0 it is exactly one half. It behaves like a step that switches from 0 to 1 at x = 0, but without the jump: it is smooth, so it has a derivative everywhere, and that is what will let us tune it later.");
  // clang-format on
  Graph<double> g;
  auto x = g.input("x", 0.0);
  auto s = sigmoid(x);
  L.line("         x     sigma(x)");
  for (double v : {-10.0, -5.0, -2.0, -1.0, 0.0, 1.0, 2.0, 5.0, 10.0}) {
    x.set(v);
    g.forward();
    char row[64];
    std::snprintf(row, sizeof row, "    %6g     %.8f", v, s.value());
    L.line(row);
  }
  L.line();
  x.set(0);
  g.forward();
  L.check(s.value() == 0.5, "sigma(0) = 0.5");
  L.picture("sigmoid.png", "sigma on [-10, 10]", visual::plot_sigmoid);
  L.pause();
  // clang-format off
  L.say("Its derivative has a neat form. Differentiating 1 / (1 + e^(-x)) gives e^(-x) / (1 + e^(-x))^2, which can be rewritten as sigma'(x) = sigma(x) (1 - sigma(x)). dlmath did not need that formula: it recorded sigma(x) as a node of a computation graph, and its reverse sweep (backward) returns d sigma / dx. Here are both, side by side:");
  // clang-format on
  L.line("         x     autodiff d sigma/dx      sigma (1 - sigma)     difference");
  double worst = 0;
  for (double v : {-4.0, -1.0, 0.0, 0.5, 3.0}) {
    x.set(v);
    g.forward();
    backward(s);
    const double formula = s.value() * (1 - s.value());
    worst = std::max(worst, std::abs(x.grad() - formula) / formula);
    char row[128];
    std::snprintf(row, sizeof row, "    %6g     %.17f    %.17f    %.1e", v, x.grad(), formula,
                  std::abs(x.grad() - formula));
    L.line(row);
  }
  L.line();
  L.check(worst < 1e-14, "autodiff agrees with sigma(1 - sigma) to 14 digits");
  // clang-format off
  // clang-format off
  L.say("They agree to 14 digits or more, but not always to the last one. dlmath's sigmoid stores a third form of the same rule as its local derivative (ops/sigmoid.hpp): sigma'(x) = sigma(x) sigma(-x), because 1 - sigma(x) = sigma(-x). Far out on the flat part the two forms part company. At x = 20, sigma(x) is 0.999999997938..., and 1 - sigma(x) keeps only the few digits that a double holds beyond that run of nines; sigma(-x) is computed directly and keeps all of them:");
  // clang-format on
  // clang-format on
  x.set(20);
  g.forward();
  backward(s);
  const double e = std::exp(-20.0), exact = e / ((1 + e) * (1 + e));
  const double textbook = s.value() * (1 - s.value());
  char row[128];
  std::snprintf(row, sizeof row, "    x = 20   sigma(x) sigma(-x)  %.17g   relative error %.1e",
                x.grad(), std::abs(x.grad() - exact) / exact);
  L.line(row);
  std::snprintf(row, sizeof row, "             sigma (1 - sigma)   %.17g   relative error %.1e",
                textbook, std::abs(textbook - exact) / exact);
  L.line(row);
  L.line();
  L.check(std::abs(x.grad() - exact) < 1e-15 * exact && std::abs(textbook - exact) > 1e-10 * exact,
          "at x = 20 sigma(x) sigma(-x) keeps its digits and sigma (1 - sigma) loses them");
  // clang-format off
  L.say("Notice that sigma' is largest, 1/4, at x = 0 and dies away on both sides: far from the switch the sigmoid is flat and its derivative nearly zero. We will meet this again when training stalls on a plateau.");
  // clang-format on
  L.pause();
}

}  // namespace dlmath::tutorials
