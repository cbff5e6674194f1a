// Each optimiser against three steps worked out here by the textbook formulas, on two parameters
// with given gradients; and the checks on their constants.
#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "network/optimizer.hpp"
#include "network/train.hpp"

using namespace dlmath;

namespace {

// Three steps' gradients for the two parameters, and where the parameters start.
const double g[3][2] = {{0.8, -2.0}, {0.5, 4.0}, {-3.0, 0.25}};
const double start[2] = {1.0, -0.5};
const double eta = 0.1;

// Runs `name` for three steps, the gradient of each step given as the sum over `m` points.
std::vector<double> three_steps(const OptimizerChoice& c, int m = 1) {
  const auto opt = make_optimizer<double>(eta, c);
  std::vector<double> theta(start, start + 2);
  for (const auto& step : g) {
    const std::vector<double> sum{m * step[0], m * step[1]};
    opt->update(theta, sum, m);
  }
  return theta;
}

void check_close(const std::vector<double>& got, const double (&want)[2]) {
  for (int k = 0; k < 2; ++k) {
    CAPTURE(k);
    CHECK(got[k] == Approx(want[k]).epsilon(1e-13));
  }
}

}  // namespace

TEST_CASE("sgd: theta -= eta g, three times") {
  double want[2];
  for (int k = 0; k < 2; ++k) want[k] = start[k] - eta * (g[0][k] + g[1][k] + g[2][k]);
  check_close(three_steps({}), want);
  check_close(three_steps({}, 4), want);  // a step over 4 points moves by their mean
}

TEST_CASE("momentum: v = mu v + g, theta -= eta v") {
  OptimizerChoice c;
  c.name = "momentum";
  c.momentum = "0.7";
  const double mu = 0.7;
  double want[2];
  for (int k = 0; k < 2; ++k) {
    const double v1 = g[0][k], v2 = mu * v1 + g[1][k], v3 = mu * v2 + g[2][k];
    want[k] = start[k] - eta * (v1 + v2 + v3);
  }
  check_close(three_steps(c), want);
  check_close(three_steps(c, 3), want);
}

TEST_CASE("adam: bias-corrected first and second moments") {
  OptimizerChoice c;
  c.name = "adam";
  c.beta1 = "0.8", c.beta2 = "0.95", c.epsilon = "0.01";  // large enough that each one shows
  const double b1 = 0.8, b2 = 0.95, eps = 0.01;
  double want[2];
  for (int k = 0; k < 2; ++k) {
    double m = 0, v = 0, theta = start[k];
    for (int t = 1; t <= 3; ++t) {
      m = b1 * m + (1 - b1) * g[t - 1][k];
      v = b2 * v + (1 - b2) * g[t - 1][k] * g[t - 1][k];
      const double m_hat = m / (1 - std::pow(b1, t)), v_hat = v / (1 - std::pow(b2, t));
      theta -= eta * m_hat / (std::sqrt(v_hat) + eps);
    }
    want[k] = theta;
  }
  check_close(three_steps(c), want);
  check_close(three_steps(c, 2), want);
}

TEST_CASE("constants out of range are refused, naming the option") {
  OptimizerChoice c;
  CHECK_NOTHROW(check_optimizer(c));
  auto refused = [](OptimizerChoice bad, const std::string& start_of_message) {
    try {
      check_optimizer(bad);
    } catch (const std::invalid_argument& e) {
      return std::string(e.what()).rfind(start_of_message, 0) == 0;
    }
    return false;
  };
  c.name = "nesterov";
  CHECK(refused(c, "optimizer: 'nesterov' is not sgd, momentum or adam"));
  c = {};
  c.momentum = "1";
  CHECK(refused(c, "momentum: must be at least 0 and below 1, not 1"));
  c = {};
  c.beta1 = "-0.1";
  CHECK(refused(c, "beta1:"));
  c = {};
  c.beta2 = "x";
  CHECK(refused(c, "beta2: not a number"));
  c = {};
  c.epsilon = "0";
  CHECK(refused(c, "epsilon: must be positive"));
}

TEST_CASE("train with momentum and adam reaches a lower cost than sgd in the same steps") {
  const Architecture paper({2, 2, 3, 2});
  TrainOptions o;
  o.steps = 20000;
  const double sgd = train(higham10(), initial_network<double>(paper, 1), o).final_cost;
  o.optimizer.name = "momentum";
  const double momentum = train(higham10(), initial_network<double>(paper, 1), o).final_cost;
  o.optimizer.name = "adam";
  o.eta = "0.01";
  const double adam = train(higham10(), initial_network<double>(paper, 1), o).final_cost;
  CHECK(momentum < sgd);
  CHECK(adam < sgd);
}
