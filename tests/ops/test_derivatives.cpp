// Partials at saturation and in every scalar type. Each op's partials against central
// differences are in test_registry.cpp, at the edges of their domain in test_edges.cpp.
#include <catch2/catch.hpp>
#include <functional>

#include "../support.hpp"
#include "ops/ops.hpp"

using namespace dlmath;
using testing::close;

TEMPLATE_TEST_CASE("sigmoid, softplus and tanh stay finite with finite gradients at |z| = 1000", "",
                   double, float50) {
  for (int sign : {-1, 1}) {
    Graph<TestType> g;
    auto z = g.parameter("z", TestType(1000 * sign));
    for (auto y : {sigmoid(z), softplus(z), tanh(z)}) {
      backward(y);
      CHECK(is_finite_value(y.value()));
      CHECK(is_finite_value(z.grad()));
    }
    // sigma(1000) is 1 and sigma(-1000) is 0 to within e^-1000 (float50 resolves e^-1000 ~ 5e-435).
    const TestType tiny = TestType(1e-300);
    const TestType s = sigmoid(z).value();
    CHECK((sign > 0 ? 1 - s : s) <= tiny);
    CHECK(s >= 0);
    backward(softplus(z));
    CHECK((sign > 0 ? 1 - z.grad() : z.grad()) <= tiny);  // softplus' = sigma
  }
}

TEST_CASE("sigmoid and its slope keep their digits in double out to the tails") {
  // In double sigma is 1 / (1 + e^-z) with sigma(-z) = e^-z sigma(z) beside it, e^z where e^-z
  // overflows: against e^z / (1 + e^z) and e^-|z| written out, relative error a few ulp, down to
  // the subnormal numbers (z = -720: sigma ~ 1.8e-313).
  for (const double z : {-744.0, -720.0, -709.0, -40.0, -3.5, -0.25, 0.0, 0.25, 3.5, 40.0, 700.0}) {
    Graph<double> g;
    auto x = g.parameter("z", z);
    auto y = sigmoid(x);
    backward(y);
    const double small = std::exp(-std::abs(z)), s_abs = 1 / (1 + small);
    const double s = z >= 0 ? s_abs : small * s_abs, s_minus = z >= 0 ? small * s_abs : s_abs;
    CAPTURE(z);
    CHECK(std::abs(y.value() - s) <= 4e-16 * s + (z < -708 ? 1e-320 : 0));
    CHECK(std::abs(x.grad() - s * s_minus) <= 8e-16 * s * s_minus + (z < -708 ? 1e-320 : 0));
    CHECK(y.value() > 0);
  }
}

TEST_CASE("softplus keeps its digits for large negative z") {
  Graph<double> g;
  auto z = g.parameter("z", -40.0);
  CHECK(close(softplus(z).value(), std::exp(-40.0), 1e-14));  // log(1 + e^z) ~ e^z
}

TEST_CASE("affine equals the same sum built from binary ops") {
  Graph<double> g;
  std::vector<Var<double>> w{g.parameter("w1", 0.3), g.parameter("w2", -1.2),
                             g.parameter("w3", 2.0)};
  std::vector<Var<double>> x{g.input("x1", 0.5), g.input("x2", 0.25), g.input("x3", -0.125)};
  auto b = g.parameter("b", 0.1);
  auto fused = sigmoid(affine<double>(w, x, b));
  auto fine = sigmoid(w[0] * x[0] + w[1] * x[1] + w[2] * x[2] + b);
  CHECK(fused.value() == Approx(fine.value()).epsilon(1e-15));
  backward(fused);
  std::vector<double> gf;
  for (auto v : {w[0], w[1], w[2], x[0], x[1], x[2], b}) gf.push_back(v.grad());
  backward(fine);
  int k = 0;
  for (auto v : {w[0], w[1], w[2], x[0], x[1], x[2], b})
    CHECK(v.grad() == Approx(gf[k++]).epsilon(1e-15));
}

TEMPLATE_TEST_CASE("every scalar type runs the same engine", "", float, double, long double,
                   float50, float100, decimal50, mpfr_float) {
  mpfr_float::default_precision(60);
  Graph<TestType> g;
  auto x = g.parameter("x", TestType(1) / 4);
  auto y = sigmoid(3 * x) * x + log(x);
  backward(y);
  // The same function's central difference at 200 digits, h = 1e-60: far below 60 digits.
  mpfr_float::default_precision(200);
  auto f = [](const mpfr_float& v) { return v / (1 + exp(-3 * v)) + log(v); };
  const mpfr_float at = mpfr_float(1) / 4, h("1e-60");
  const TestType expected = static_cast<TestType>((f(at + h) - f(at - h)) / (2 * h));
  mpfr_float::default_precision(60);
  // mpfr_float's epsilon is a run-time quantity: 60 digits here.
  const TestType tolerance = std::is_same_v<TestType, mpfr_float>
                                 ? from_decimal<TestType>("1e-55")
                                 : TestType(100 * std::numeric_limits<TestType>::epsilon());
  CHECK(close(x.grad(), expected, tolerance));
}
