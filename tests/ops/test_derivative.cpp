// Symbolic differentiation: derivative(y, x) recorded as nodes, evaluated, replayed and
// differentiated again.
#include <catch2/catch.hpp>
#include <cmath>

#include "../support.hpp"
#include "ops/derivative.hpp"
#include "ops/ops.hpp"

using namespace dlmath;
using testing::close;

TEST_CASE("derivative() equals the reverse sweep's gradient") {
  Graph<double> g;
  auto x = g.parameter("x", 0.7), y = g.parameter("y", 1.3);
  auto f = sigmoid(x * y) + pow(x, 3) - x * x * x * x / y + log(y) * sin(x) + relu(x) + abs(x) +
           softplus(x) + tanh(x) + sqrt(x + y) - exp(-x) * cos(y);
  auto dfdx = derivative(f, x), dfdy = derivative(f, y);
  backward(f);
  CHECK(close(dfdx.value(), x.grad(), 1e-14));
  CHECK(close(dfdy.value(), y.grad(), 1e-14));
  // Replay at another point: the derivative nodes follow.
  x.set(0.2);
  y.set(2.1);
  g.forward();
  backward(f);
  CHECK(close(dfdx.value(), x.grad(), 1e-14));
}

TEST_CASE("second and third derivatives agree with analytic forms and finite differences") {
  Graph<double> g;
  auto x = g.parameter("x", 0.4);
  auto s = sigmoid(x);
  auto d1 = derivative(s, x), d2 = derivative(d1, x), d3 = derivative(d2, x);
  const double v = 1 / (1 + std::exp(-0.4));
  CHECK(close(d1.value(), v * (1 - v), 1e-15));
  CHECK(close(d2.value(), v * (1 - v) * (1 - 2 * v), 1e-14));
  CHECK(close(d3.value(), v * (1 - v) * (1 - 6 * v + 6 * v * v), 1e-13));
  auto second_at = [&](double at) {
    x.set(at);
    g.forward();
    return d2.value();
  };
  const double h = 1e-5, fd = (second_at(0.4 + h) - second_at(0.4 - h)) / (2 * h);
  x.set(0.4);
  g.forward();
  CHECK(close(d3.value(), fd, 1e-8));
}

TEST_CASE("derivative of something independent of x is zero; a mixed partial is symmetric") {
  Graph<double> g;
  auto x = g.parameter("x", 0.5), y = g.parameter("y", -0.3);
  CHECK(derivative(y * y, x).value() == 0);
  auto f = exp(x * y) * sin(x + 2 * y);
  auto fxy = derivative(derivative(f, x), y), fyx = derivative(derivative(f, y), x);
  CHECK(close(fxy.value(), fyx.value(), 1e-14));
}

TEST_CASE("x^3 for negative x: the exponent's log never enters the derivative") {
  Graph<double> g;
  auto x = g.parameter("x", -2.0);
  auto d2 = derivative(derivative(pow(x, 3), x), x);
  CHECK(d2.value() == -12);
}
