// The one-point cost of the 2-2-3-2 network: its 23 gradients by autodiff equal the paper's
// hand-written backpropagation, in double and at 50 digits, at both granularities.
#include <catch2/catch.hpp>

#include "network/backprop_by_hand.hpp"
#include "network/dataset.hpp"
#include "network/point_cost.hpp"

using namespace dlmath;

namespace {

template <class T>
T relative_difference(const T& a, const T& b) {
  using std::abs;
  const T scale = abs(b) > abs(a) ? abs(b) : abs(a);
  return scale == 0 ? T(0) : abs(a - b) / scale;
}

// The largest relative difference between autodiff and by-hand gradients over all points.
template <class T>
T worst_gradient_difference(const Architecture& arch, Granularity how, std::uint64_t seed) {
  const Dataset data = higham10();
  const Network<T> net = initial_network<T>(arch, seed);
  PointCost<T> C(net, how);
  BackpropByHand<T> by_hand(arch);
  std::vector<T> grad(arch.parameter_count());
  T worst = 0;
  for (int i = 0; i < data.size(); ++i) {
    const auto x = data.x<T>(i), y = data.y<T>(i, arch.outputs());
    C.evaluate_at(x, y);
    C.differentiate();
    const T cost = by_hand.cost_and_gradient(net.theta, x, y, grad);
    worst = std::max(worst, relative_difference(C.cost.value(), cost));
    for (int p = 0; p < arch.parameter_count(); ++p)
      worst = std::max(worst, relative_difference(C.params.theta[p].grad(), grad[p]));
  }
  return worst;
}

}  // namespace

TEST_CASE("the 2-2-3-2 network has the paper's 23 parameters, named from layer 2") {
  const Architecture arch({2, 2, 3, 2});
  REQUIRE(arch.parameter_count() == 23);
  const auto names = arch.parameter_names();
  REQUIRE(names.size() == 23);
  CHECK(names.front() == "W2[1,1]");
  CHECK(names[4] == "b2[1]");
  CHECK(names[8] == "W3[2,1]");
  CHECK(names[13] == "b3[2]");
  CHECK(names.back() == "b4[2]");
  PointCost<double> C(initial_network<double>(arch, 3));
  CHECK(C.graph.leaves(Leaf::parameter).size() == 23);
  CHECK(C.graph.leaves(Leaf::input).size() == 4);  // x1, x2, y1, y2
  CHECK(C.F.size() == 2);
}

TEST_CASE("theta_values and theta_gradient are the parameters' values and gradients in place") {
  const Architecture arch({2, 3, 2});
  PointCost<double> C(initial_network<double>(arch, 5));
  const std::vector<double> x{0.3, -0.7}, y{1.0, 0.0};
  C.evaluate_at(x, y);
  C.differentiate();
  const auto values = C.theta_values();
  const auto gradient = C.theta_gradient();
  REQUIRE(values.size() == 17);
  REQUIRE(gradient.size() == 17);
  for (std::size_t k = 0; k < values.size(); ++k) {
    CHECK(values[k] == C.params.theta[k].value());
    CHECK(gradient[k] == C.params.theta[k].grad());
  }
  // A step through the span moves the network that the next evaluation sees.
  const double before = C.cost.value();
  for (std::size_t k = 0; k < values.size(); ++k) values[k] -= 0.1 * gradient[k];
  CHECK(C.network().theta[3] == values[3]);
  C.evaluate_at(x, y);
  CHECK(C.cost.value() < before);
}

TEST_CASE("layer shapes follow the sizes: W_l is n_l x n_(l-1)") {
  const Architecture arch({3, 4, 1});
  CHECK(arch.parameter_count() == 4 * 3 + 4 + 1 * 4 + 1);
  CHECK(arch.bias_offset(2) == 12);
  CHECK(arch.weight_offset(3) == 16);
  CHECK_THROWS_WITH(Architecture({2, 0, 2}), Catch::Contains("layer 2 has 0 neurons"));
  CHECK_THROWS(Architecture({2}));
}

TEST_CASE("autodiff gradients equal hand-written backpropagation in double") {
  for (auto how : {Granularity::fused, Granularity::fine})
    for (std::uint64_t seed : {1, 2, 3})
      CHECK(worst_gradient_difference<double>(Architecture({2, 2, 3, 2}), how, seed) < 1e-13);
  for (auto a :
       {activation("tanh"), activation("relu"), activation("softplus"), activation("linear")})
    CHECK(worst_gradient_difference<double>(Architecture({2, 4, 3, 2}, a), Granularity::fused, 5) <
          1e-13);
}

TEST_CASE("autodiff gradients equal hand-written backpropagation to 45 digits in float50") {
  for (auto how : {Granularity::fused, Granularity::fine})
    CHECK(worst_gradient_difference<float50>(Architecture({2, 2, 3, 2}), how, 1) <
          float50("1e-45"));
}

TEST_CASE("fused and fine graphs differ in size but not in numbers") {
  const Network<double> net = initial_network<double>(Architecture({2, 2, 3, 2}), 7);
  PointCost<double> fused(net, Granularity::fused), fine(net, Granularity::fine);
  CHECK(fine.graph.size() > fused.graph.size());
  const Dataset data = higham10();
  fused.evaluate_at(data.x<double>(6), data.y<double>(6, 2));
  fine.evaluate_at(data.x<double>(6), data.y<double>(6, 2));
  fused.differentiate();
  fine.differentiate();
  CHECK(fused.cost.value() == Approx(fine.cost.value()).epsilon(1e-15));
  for (int p = 0; p < 23; ++p)
    CHECK(fused.params.theta[p].grad() == Approx(fine.params.theta[p].grad()).epsilon(1e-13));
}

TEST_CASE("layer(W, B, X, sigma) computes sigma(WX + B) component by component") {
  Graph<double> g;
  std::vector<Var<double>> W{g.parameter("w11", 1.5), g.parameter("w12", -2.0),
                             g.parameter("w21", 0.5), g.parameter("w22", 1.0),
                             g.parameter("w31", 0.0), g.parameter("w32", 3.0)};
  std::vector<Var<double>> B{g.parameter("b1", 0.25), g.parameter("b2", -0.5),
                             g.parameter("b3", 0.0)};
  std::vector<Var<double>> X{g.input("x1", 0.3), g.input("x2", 0.7)};
  for (auto how : {Granularity::fused, Granularity::fine}) {
    const auto a = layer<double>(VarMatrix<double>{W, 3, 2}, B, X, activation("sigmoid"), how);
    REQUIRE(a.size() == 3);
    CHECK(a[0].value() ==
          Approx(1 / (1 + std::exp(-(1.5 * 0.3 - 2.0 * 0.7 + 0.25)))).epsilon(1e-15));
    CHECK(a[1].value() ==
          Approx(1 / (1 + std::exp(-(0.5 * 0.3 + 1.0 * 0.7 - 0.5)))).epsilon(1e-15));
    CHECK(a[2].value() == Approx(1 / (1 + std::exp(-2.1))).epsilon(1e-15));
  }
  const auto t = layer<double>(VarMatrix<double>{W, 3, 2}, B, X, activation("tanh"));
  CHECK(t[2].value() == Approx(std::tanh(2.1)).epsilon(1e-15));
  CHECK_THROWS_WITH(layer<double>(VarMatrix<double>{W, 2, 3}, B, X, activation("sigmoid")),
                    Catch::Contains("W is 2x3, X has 2 entries"));
}
