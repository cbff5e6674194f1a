// Names given to inner nodes (a program's `h1 = tanh(...)`), forward replay from a changed leaf,
// and the anomaly check blaming the node that made the NaN or infinity.
#include <catch2/catch.hpp>
#include <cmath>

#include "engine/anomaly.hpp"
#include "ops/ops.hpp"

using namespace dlmath;

TEST_CASE("an inner node keeps the first name it is given; a leaf keeps its own") {
  Graph<double> g;
  auto x = g.input("x", 0.5);
  auto w = g.parameter("w", 2.0);
  auto h1 = tanh(w * x);
  auto out = h1 + x;
  CHECK(g.set_name(out.index(), "out"));
  CHECK(g.set_name(h1.index(), "h1"));  // an older node: inserted, not appended
  CHECK_FALSE(g.set_name(h1.index(), "again"));
  CHECK_FALSE(g.set_name(x.index(), "y"));
  CHECK(h1.name() == "h1");
  CHECK(out.name() == "out");
  CHECK(x.name() == "x");
  CHECK(w.name() == "w");
  CHECK(g.name(h1.index() - 1).empty());  // the unnamed mul
  CHECK_THROWS_AS(g.set_name(out.index() + 1, "z"), std::invalid_argument);
}

TEST_CASE("forward from a changed leaf recomputes what follows it") {
  Graph<double> g;
  auto a = g.input("a", 1.0);
  auto y = a * a;
  auto b = g.input("b", 2.0);
  auto z = y * b;
  b.set(3.0);
  g.forward(b.index());
  CHECK(z.value() == 3.0);
  a.set(2.0);
  g.forward(a.index());
  CHECK(y.value() == 4.0);
  CHECK(z.value() == 12.0);
}

TEST_CASE("the anomaly check blames the op, not the input whose gradient it spoilt") {
  Graph<double> g;
  auto x = g.input("x", 0.0);
  auto y = log(x);  // -inf, and d/dx = inf
  g.set_name(y.index(), "y");
  backward(y * 2);
  auto a = find_anomaly(g);
  REQUIRE(a.has_value());
  CHECK(a->node == y.index());
  CHECK_FALSE(a->in_gradient);
  CHECK(a->describe() == "node 1 (y = log): value -inf from operands [0]");

  // Every value finite, one partial infinite: sqrt at 0 is blamed, its input only suffers.
  Graph<double> h;
  auto u = h.input("u", 0.0);
  auto v = h.input("v", 3.0);
  auto r = sqrt(u);
  auto out = r * v + v;
  backward(out);
  a = find_anomaly(h);
  REQUIRE(a.has_value());
  CHECK(a->node == r.index());
  CHECK(a->in_gradient);
  CHECK(a->op == "sqrt");
}
