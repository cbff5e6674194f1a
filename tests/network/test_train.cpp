// Training: determinism by seed, the paper's result, the three methods, classification.
#include <catch2/catch.hpp>

#include "network/train.hpp"

using namespace dlmath;

namespace {
const Architecture paper({2, 2, 3, 2});
}

TEST_CASE("the same seed gives the same run; another seed another") {
  TrainOptions o;
  o.steps = 20000;
  const auto a = train(higham10(), initial_network<double>(paper, 4), o);
  const auto b = train(higham10(), initial_network<double>(paper, 4), o);
  CHECK(a.net.theta == b.net.theta);
  CHECK(a.cost == b.cost);
  o.seed = 5;
  const auto c = train(higham10(), initial_network<double>(paper, 4), o);
  CHECK(c.net.theta != a.net.theta);
}

TEST_CASE(
    "the paper's run: 10^6 SGD steps take the scaled cost from about 5 to the order of 1e-3") {
  TrainOptions o;  // the defaults are the paper's: sgd, eta 0.05, 10^6 steps
  const auto r = train(higham10(), initial_network<double>(paper, 1), o);
  const double scaled_initial = 20 * r.initial_cost, scaled_final = 20 * r.final_cost;
  CHECK(scaled_initial > 4);
  CHECK(scaled_initial < 7);
  CHECK(scaled_final < 3e-3);
  CHECK(scaled_final > 1e-5);
  CHECK(r.cost.size() == 1001);  // about 1000 records, plus the start
  CHECK(r.steps.back() == 1'000'000);
  PointCost<double> C(r.net);
  const Points<double> points(higham10(), 2);
  CHECK(classify(C, points).correct == 10);
}

TEST_CASE("gradient descent and minibatch SGD lower the cost too") {
  for (Method m : {Method::gd, Method::minibatch}) {
    TrainOptions o;
    o.method = m;
    o.steps = 3000;
    o.eta = "0.5";
    const auto r = train(higham10(), initial_network<double>(paper, 2), o);
    CHECK(r.final_cost < r.initial_cost);
  }
}

TEST_CASE("gradient descent takes exactly the step -eta * grad of the full cost") {
  const Network<double> start = initial_network<double>(paper, 3);
  PointCost<double> C(start);
  const Points<double> points(higham10(), 2);
  std::vector<double> gradient;
  dataset_cost(C, points, &gradient);
  TrainOptions o;
  o.method = Method::gd;
  o.steps = 1;
  o.eta = "0.25";
  const auto r = train(higham10(), start, o);
  for (int k = 0; k < 23; ++k)
    CHECK(r.net.theta[k] == Approx(start.theta[k] - 0.25 * gradient[k]).epsilon(1e-15));
}

TEST_CASE("training in float50 follows double for a few steps") {
  TrainOptions o;
  o.steps = 200;
  const auto d = train(higham10(), initial_network<double>(paper, 1), o);
  const auto m = train(higham10(), initial_network<float50>(paper, 1), o);
  for (int k = 0; k < 23; ++k)
    CHECK(static_cast<double>(m.net.theta[k]) == Approx(d.net.theta[k]).epsilon(1e-12));
}

TEST_CASE("bad training input is refused with a message") {
  TrainOptions o;
  CHECK_THROWS_WITH(train(higham10(), initial_network<double>(Architecture({3, 2}), 1), o),
                    Catch::Contains("first layer has 3 neurons but the data has 2 features"));
  o.steps = -1;
  CHECK_THROWS(train(higham10(), initial_network<double>(paper, 1), o));
}

TEST_CASE("the category is the largest output; with one output, above 1/2 is the first category") {
  CHECK(category_of<double>(std::vector<double>{0.2, 0.7}) == 1);
  CHECK(category_of<double>(std::vector<double>{0.9, 0.7, 0.95}) == 2);
  CHECK(category_of<double>(std::vector<double>{0.6}) == 0);
  CHECK(category_of<double>(std::vector<double>{0.4}) == 1);
}

TEST_CASE("cross-entropy cost trains too and its gradient matches finite differences") {
  TrainOptions o;
  o.cost = CostKind::cross_entropy;
  o.steps = 50000;
  const auto r = train(higham10(), initial_network<double>(paper, 1), o);
  CHECK(r.final_cost < r.initial_cost);
  PointCost<double> C(initial_network<double>(paper, 1), Granularity::fused,
                      CostKind::cross_entropy);
  C.evaluate_at(std::vector<double>{0.3, 0.4}, std::vector<double>{1, 0});
  C.differentiate();
  auto theta = C.theta();
  const double g = C.params.theta[5].grad(), h = 1e-6;
  theta[5] += h;
  C.set_theta(theta);
  C.evaluate_at(std::vector<double>{0.3, 0.4}, std::vector<double>{1, 0});
  const double up = C.cost.value();
  theta[5] -= 2 * h;
  C.set_theta(theta);
  C.evaluate_at(std::vector<double>{0.3, 0.4}, std::vector<double>{1, 0});
  CHECK((up - C.cost.value()) / (2 * h) == Approx(g).epsilon(1e-7));
}

TEST_CASE("a diverging run stops and says where, instead of reporting a NaN cost as a result") {
  TrainOptions o;
  o.method = Method::gd;
  o.eta = "1e200";
  o.steps = 1000;
  o.record_every = 1;
  Architecture arch({2, 3, 2}, activation("linear"));
  const auto r = train(higham10(), initial_network<double>(arch, 1), o);
  CHECK(r.diverged_at > 0);
  CHECK(r.diverged_at < 1000);
  CHECK_FALSE(is_finite_value(r.final_cost));
}
