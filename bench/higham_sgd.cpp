// HIGHAM-SGD: the paper's experiment as a benchmark. Network 2-2-3-2 with sigmoid in every layer,
// the ten points, one random point per step, eta = 0.05, parameters from 0.5 N(0,1) with a fixed
// seed. Three ways to take a step, run in this one process on the same random stream:
//   by hand   the paper's backpropagation formulas, written out (the baseline)
//   replay    the engine's graph recorded once, replayed and differentiated every step
//   rebuild   the engine's graph recorded afresh every step (define-by-run, as micrograd does)
// It prints ns/step for each and the ratio to by-hand, in double and in float50, and the graph's
// bytes per node.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "network/backprop_by_hand.hpp"
#include "network/dataset.hpp"
#include "network/evaluate.hpp"
#include "network/point_cost.hpp"

using namespace dlmath;
using Clock = std::chrono::steady_clock;

namespace {

constexpr std::uint64_t seed = 1;
const Architecture arch({2, 2, 3, 2});

template <class T>
std::vector<T> sgd_by_hand(const Points<T>& data, long steps) {
  std::vector<T> theta = initial_network<T>(arch, seed).theta, grad(theta.size());
  BackpropByHand<T> bp(arch);
  Random pick(seed);
  const T eta = T(5) / 100;
  for (long s = 0; s < steps; ++s) {
    const auto i = pick.below(data.x.size());
    bp.cost_and_gradient(theta, data.x[i], data.y[i], grad);
    for (std::size_t p = 0; p < theta.size(); ++p) theta[p] -= eta * grad[p];
  }
  return theta;
}

template <class T>
std::vector<T> sgd_replay(const Points<T>& data, long steps) {
  PointCost<T> C(initial_network<T>(arch, seed));
  Random pick(seed);
  const T eta = T(5) / 100;
  for (long s = 0; s < steps; ++s) {
    const auto i = pick.below(data.x.size());
    C.evaluate_at(data.x[i], data.y[i]);
    C.differentiate();
    for (const auto& p : C.params.theta) C.graph.set_value(p.index(), p.value() - eta * p.grad());
  }
  std::vector<T> theta;
  for (const auto& p : C.params.theta) theta.push_back(p.value());
  return theta;
}

template <class T>
std::vector<T> sgd_rebuild(const Points<T>& data, long steps) {
  Network<T> net = initial_network<T>(arch, seed);
  Graph<T> g;
  Random pick(seed);
  const T eta = T(5) / 100;
  for (long s = 0; s < steps; ++s) {
    const auto i = pick.below(data.x.size());
    g.clear();
    const ParameterVars<T> p = record_parameters(g, net);
    const auto x = record_inputs<T>(g, "x", data.x[i]);
    const auto y = record_inputs<T>(g, "y", data.y[i]);
    const auto F = record_network<T>(p, x);
    backward(record_half_squared_error<T>(y, F));
    for (std::size_t k = 0; k < p.theta.size(); ++k) net.theta[k] -= eta * p.theta[k].grad();
  }
  return net.theta;
}

// Best of `repeats` runs, in ns per step; also returns the last run's parameters.
template <class T, class F>
double ns_per_step(F run, const Points<T>& data, long steps, int repeats, std::vector<T>& theta) {
  double best = 1e300;
  for (int r = 0; r < repeats; ++r) {
    const auto t0 = Clock::now();
    theta = run(data, steps);
    const double ns = std::chrono::duration<double, std::nano>(Clock::now() - t0).count() / steps;
    best = std::min(best, ns);
  }
  return best;
}

template <class T>
double max_difference(const std::vector<T>& a, const std::vector<T>& b) {
  double d = 0;
  for (std::size_t k = 0; k < a.size(); ++k)
    d = std::max(d, static_cast<double>(abs(T(a[k] - b[k]))));
  return d;
}

template <class T>
void compare(const char* type, long steps, int repeats, bool with_rebuild) {
  const Points<T> data(higham10(), 2);
  std::vector<T> by_hand, replay, rebuild;
  const double t_hand = ns_per_step<T>(sgd_by_hand<T>, data, steps, repeats, by_hand);
  const double t_replay = ns_per_step<T>(sgd_replay<T>, data, steps, repeats, replay);
  std::printf("%-8s %8ld steps  by hand %9.1f ns/step\n", type, steps, t_hand);
  std::printf("%-8s %8s        replay  %9.1f ns/step  ratio %.2f  (max |theta difference| %.1e)\n",
              type, "", t_replay, t_replay / t_hand, max_difference(replay, by_hand));
  if (with_rebuild) {
    const double t_rebuild = ns_per_step<T>(sgd_rebuild<T>, data, steps, repeats, rebuild);
    std::printf(
        "%-8s %8s        rebuild %9.1f ns/step  ratio %.2f  (max |theta difference| %.1e)\n", type,
        "", t_rebuild, t_rebuild / t_hand, max_difference(rebuild, by_hand));
  }
}

}  // namespace

int main(int argc, char** argv) {
  // A quick run (for CI) takes `--quick`; the figures quoted in the README come from the full run.
  const bool quick = argc > 1 && std::string(argv[1]) == "--quick";
  std::printf(
      "HIGHAM-SGD benchmark: ratios are to hand-written backpropagation in the same process.\n");
  compare<double>("double", quick ? 20000 : 1000000, quick ? 1 : 3, true);
  compare<float50>("float50", quick ? 200 : 20000, quick ? 1 : 2, true);

  PointCost<double> C(initial_network<double>(arch, seed));
  std::printf(
      "graph memory: %.1f bytes/node in double (one-point cost graph, %u nodes, fused layers)\n",
      static_cast<double>(C.graph.node_bytes()) / C.graph.size(), C.graph.size());
  PointCost<double> fine(initial_network<double>(arch, seed), Granularity::fine);
  std::printf(
      "graph memory: %.1f bytes/node in double (one-point cost graph, %u nodes, fine-grained)\n",
      static_cast<double>(fine.graph.node_bytes()) / fine.graph.size(), fine.graph.size());
}
