// y = sigma(w x + b) at w = 1.5, x = 0.5, b = -0.25: its value and gradient, one line each.
#include <cstdio>
#include <dlmath/ops/ops.hpp>

int main() {
  dlmath::Graph<double> g;
  auto w = g.parameter("w", 1.5), b = g.parameter("b", -0.25);
  auto x = g.input("x", 0.5);
  auto y = sigmoid(w * x + b);
  backward(y);
  std::printf("y %.17g\n", y.value());
  std::printf("dy/dw %.17g\ndy/dx %.17g\ndy/db %.17g\n", w.grad(), x.grad(), b.grad());
}
