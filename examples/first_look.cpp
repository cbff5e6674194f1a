// A first look at the library: a neuron y = sigma(a x + b), its gradient by one reverse sweep, a
// replay at a new input, and the derivative itself as nodes of the graph.
#include <cstdio>
#include <dlmath/dlmath.hpp>

using namespace dlmath;

int main() {
  Graph<double> g;
  auto a = g.parameter("a", 2.0), b = g.parameter("b", -1.0);
  auto x = g.input("x", 0.5);
  auto y = sigmoid(a * x + b);  // records nodes as it computes
  backward(y);                  // dy/d(every node)
  std::printf("y = %.17g, dy/da = %.17g\n", y.value(), a.grad());

  auto [dy_da, dy_db] = derivatives(y, wrt(a, b));  // the same sweep, read as the maths is written
  std::printf("dy/da = %.17g, dy/db = %.17g\n", dy_da, dy_db);

  auto d = derivative(y, a);  // dy/da as new nodes: print it, replay it, differentiate it again
  std::printf("dy/da as a formula:\n%s\n", symbolic::formula(g, d.index()).c_str());

  x.set(0.8);
  g.forward();  // replay at a new input: no new nodes
  backward(y);
  std::printf("at x = 0.8: y = %.17g, dy/da = %.17g, the formula gives %.17g\n", y.value(),
              a.grad(), d.value());
}
