// Constants mix into expressions on either side of every binary operator.
#include <catch2/catch.hpp>

#include "ops/ops.hpp"

using namespace dlmath;

TEMPLATE_TEST_CASE("constants on either side: int, double and T", "", double, float50) {
  using T = TestType;
  Graph<T> g;
  auto x = g.parameter("x", T(2));
  auto grad = [&](Var<T> y) {
    backward(y);
    return x.grad();
  };
  SECTION("int") {
    CHECK((2 * x).value() == 4);
    CHECK(grad(2 * x) == 2);
    CHECK(grad(x * 2) == 2);
    CHECK((x + 1).value() == 3);
    CHECK(grad(x + 1) == 1);
    CHECK(grad(1 + x) == 1);
    CHECK((1 - x).value() == -1);
    CHECK(grad(1 - x) == -1);
    CHECK(grad(x - 1) == 1);
    CHECK((1 / x).value() == T(1) / 2);
    CHECK(grad(1 / x) == T(-1) / 4);
    CHECK(grad(x / 2) == T(1) / 2);
    CHECK(grad(pow(x, 3)) == 12);
    CHECK((pow(2, x)).value() == 4);
  }
  SECTION("double") {
    CHECK(grad(0.5 * x) == T(0.5));
    CHECK(grad(x * 0.5) == T(0.5));
    CHECK(grad(0.5 - x) == -1);
    CHECK(grad(x / 0.5) == 2);
    CHECK((x + 0.25).value() == T(2.25));
  }
  SECTION("T") {
    const T c = T(3);
    CHECK(grad(c * x) == 3);
    CHECK(grad(x * c) == 3);
    CHECK(grad(c - x) == -1);
    CHECK(grad(c / x) == T(-3) / 4);
    CHECK(grad(x + c) == 1);
  }
  SECTION("compound assignment") {
    Var<T> y = x;
    y += 1;
    y *= x;
    y -= 2;
    y /= 2;  // ((x + 1) x - 2) / 2: derivative (2x + 1) / 2
    CHECK(grad(y) == T(5) / 2);
  }
}
