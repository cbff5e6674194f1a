// A chain of 10^7 nodes is recorded, differentiated and destroyed with the default stack:
// nothing in the engine recurses over the graph.
#include <catch2/catch.hpp>
#include <cmath>

#include "ops/ops.hpp"

using namespace dlmath;

TEST_CASE("a chain of 10^7 nodes: x = x*c + d, five million times") {
  constexpr int repeats = 5'000'000;  // two nodes per repeat
  auto g = std::make_unique<Graph<double>>();
  g->reserve(2 * repeats + 8);
  auto x0 = g->parameter("x0", 0.25);
  auto c = g->constant(1.0 - 0x1p-24);  // exactly representable, so c^N is computed exactly enough
  auto d = g->constant(0.5);
  Var<double> x = x0;
  for (int i = 0; i < repeats; ++i) x = x * c + d;
  REQUIRE(g->size() >= 10'000'000u);
  backward(x);
  CHECK(x0.grad() == Approx(std::pow(1.0 - 0x1p-24, repeats)).epsilon(1e-8));
  // d(out)/dd = sum of c^k, k < N = (1 - c^N) / (1 - c)
  CHECK(d.grad() == Approx((1 - std::pow(1.0 - 0x1p-24, repeats)) * 0x1p24).epsilon(1e-8));
  g.reset();  // destroyed here, with no recursion
  SUCCEED("destroyed");
}
