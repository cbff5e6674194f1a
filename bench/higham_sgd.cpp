// HIGHAM-SGD: the paper's experiment as a benchmark. Network 2-2-3-2 with sigmoid in every layer,
// the ten points, eta = 0.05, parameters from 0.5 N(0,1) with a fixed seed, and one stream of
// point indices drawn before any clock starts, so that every way of taking a step sees the same
// points and pays nothing for drawing them:
//   tight     the paper's formulas on fixed-size arrays (bench/tight_higham.hpp): the baseline
//   generic   network/backprop_by_hand.hpp (vectors, loops over the architecture)
//   replay    the engine's graph recorded once, replayed and differentiated every step, the
//             parameters stepped in place by the optimiser (as `dlmath train` does)
//   table     the same, with the tape's sweeps through the op table instead of ops/sweep.hpp
//   rebuild   the graph after the parameter leaves recorded afresh every step (define-by-run,
//             as micrograd or PyTorch do: the parameters persist, the graph of a step does not)
// It prints the median CPU time per step of several runs and its ratio to the tight loop, in
// double and in float50; then a scale run on a fine-grained MLP 2-64-64-1 over 100 points (one
// graph, every multiply and add its own node): nodes per second replayed and built, and bytes per
// node. `--layout` times the replay against the tight loop with the graph's memory moved 16 to
// 4096 bytes on; `--only WAY STEPS [double|float50]` runs one way alone, for counting its
// instructions.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "bench/measure.hpp"
#include "bench/tight_higham.hpp"
#include "network/backprop_by_hand.hpp"
#include "network/dataset.hpp"
#include "network/evaluate.hpp"
#include "network/optimizer.hpp"
#include "network/point_cost.hpp"

using namespace dlmath;
using bench::cpu_seconds, bench::load_average, bench::median;

namespace {

constexpr std::uint64_t seed = 1;
const Architecture arch({2, 2, 3, 2});
using Stream = std::vector<std::uint8_t>;

Stream point_stream(long steps, int points) {
  Random pick(seed);
  Stream s(steps);
  for (auto& i : s) i = static_cast<std::uint8_t>(pick.below(points));
  return s;
}

template <class T>
std::vector<T> sgd_tight(const Points<T>& data, const Stream& stream) {
  T x[10][2], y[10][2];
  for (int i = 0; i < 10; ++i)
    for (int k = 0; k < 2; ++k) x[i][k] = data.x[i][k], y[i][k] = data.y[i][k];
  bench::TightHigham<T> net;
  net.load(initial_network<T>(arch, seed).theta);
  const T eta = T(5) / 100;
  for (const auto i : stream) net.step(x[i], y[i], eta);
  std::vector<T> theta(net.parameter_count);
  net.store(theta);
  return theta;
}

template <class T>
std::vector<T> sgd_generic(const Points<T>& data, const Stream& stream) {
  std::vector<T> theta = initial_network<T>(arch, seed).theta, grad(theta.size());
  BackpropByHand<T> bp(arch);
  const T eta = T(5) / 100;
  for (const auto i : stream) {
    bp.cost_and_gradient(theta, data.x[i], data.y[i], grad);
    for (std::size_t p = 0; p < theta.size(); ++p) theta[p] -= eta * grad[p];
  }
  return theta;
}

volatile const char* keep_shift;  // so that the compiler keeps the shifting allocation below

// As `dlmath train` steps: the optimiser moves the graph's parameters in place. `shift` bytes
// allocated first move the graph's memory (--layout).
template <class T>
std::vector<T> sgd_replay(const Points<T>& data, const Stream& stream, std::size_t shift = 0) {
  const std::vector<char> before(shift);
  keep_shift = before.data();
  PointCost<T> C(initial_network<T>(arch, seed));
  Sgd<T> sgd(T(5) / 100);
  for (const auto i : stream) {
    C.evaluate_at(data.x[i], data.y[i]);
    C.differentiate();
    sgd.update(C.theta_values(), C.theta_gradient(), 1);
  }
  return C.theta();
}

// The same replay with the tape's sweeps, one call through the op table per node: what
// ops/sweep.hpp saves.
template <class T>
std::vector<T> sgd_replay_table(const Points<T>& data, const Stream& stream) {
  PointCost<T> C(initial_network<T>(arch, seed));
  Tape<T>& tape = C.graph;
  Sgd<T> sgd(T(5) / 100);
  for (const auto i : stream) {
    for (std::size_t k = 0; k < 2; ++k) tape.set_value(C.x[k].index(), data.x[i][k]);
    for (std::size_t k = 0; k < 2; ++k) tape.set_value(C.y[k].index(), data.y[i][k]);
    tape.forward_by_table();
    tape.backward_by_table(C.cost.index());
    sgd.update(C.theta_values(), C.theta_gradient(), 1);
  }
  return C.theta();
}

// Define-by-run: the parameters are leaves that persist (as a framework's parameter tensors do);
// everything after them, inputs, layers and cost, is recorded afresh every step (into the same
// room: the lists of nodes x, y and the activations are reused, as the graph's arrays are).
template <class T>
std::vector<T> sgd_rebuild(const Points<T>& data, const Stream& stream) {
  Graph<T> g;
  const ParameterVars<T> p = record_parameters(g, initial_network<T>(arch, seed));
  const index_t parameters = g.size();
  Sgd<T> sgd(T(5) / 100);
  std::vector<Var<T>> x, y, a;
  for (const auto i : stream) {
    g.truncate(parameters);
    record_inputs<T>(g, "x", data.x[i], x);
    record_inputs<T>(g, "y", data.y[i], y);
    const auto F = record_network<T>(p, x, Granularity::fused, a);
    g.backward(record_half_squared_error<T>(y, F).index());
    sgd.update(std::span<T>(g.values(), parameters), std::span<const T>(g.grads(), parameters), 1);
  }
  std::vector<T> theta;
  for (const auto& v : p.theta) theta.push_back(v.value());
  return theta;
}

template <class F>
double seconds(F f) {
  const double t0 = cpu_seconds();
  f();
  return cpu_seconds() - t0;
}

template <class T>
double max_difference(const std::vector<T>& a, const std::vector<T>& b) {
  double d = 0;
  for (std::size_t k = 0; k < a.size(); ++k)
    d = std::max(d, static_cast<double>(abs(T(a[k] - b[k]))));
  return d;
}

template <class T>
std::vector<T> sgd_replay_here(const Points<T>& data, const Stream& stream) {
  return sgd_replay(data, stream);
}

template <class T>
const std::pair<const char*, std::vector<T> (*)(const Points<T>&, const Stream&)> ways_of[] = {
    {"tight", sgd_tight<T>},
    {"generic", sgd_generic<T>},
    {"replay", sgd_replay_here<T>},
    {"table", sgd_replay_table<T>},
    {"rebuild", sgd_rebuild<T>}};

template <class T>
void compare(const char* type, long steps, int runs) {
  const Points<T> data(higham10(), 2);
  const Stream stream = point_stream(steps, data.size());
  const auto& ways = ways_of<T>;
  constexpr int n = std::size(ways);
  // Round by round, every way once, so that a change in the machine's load falls on all.
  std::vector<double> times[n];
  std::vector<T> theta[n];
  for (int r = 0; r < runs; ++r)
    for (int w = 0; w < n; ++w)
      times[w].push_back(seconds([&] { theta[w] = ways[w].second(data, stream); }));
  std::printf("%-8s %8ld steps, median of %d runs\n", type, steps, runs);
  const double tight = median(times[0]);
  for (int w = 0; w < n; ++w) {
    const double t = median(times[w]);
    std::printf("  %-8s %10.1f ns/step  ratio %.2f", ways[w].first, 1e9 * t / steps, t / tight);
    if (w > 0) std::printf("  (max |theta - tight's| %.1e)", max_difference(theta[w], theta[0]));
    std::printf("\n");
  }
}

// The fine-grained MLP 2-64-64-1: the cost summed over `points` points, on one graph.
template <class T>
Var<T> record_mlp_cost(Graph<T>& g, const Network<T>& net, const Points<T>& data) {
  const ParameterVars<T> p = record_parameters(g, net);
  Var<T> total;
  for (int i = 0; i < data.size(); ++i) {
    const auto x = record_inputs<T>(g, "x", data.x[i]);
    const auto y = record_inputs<T>(g, "y", data.y[i]);
    const Var<T> c = record_half_squared_error<T>(y, record_network<T>(p, x, Granularity::fine));
    total = i == 0 ? c : total + c;
  }
  return total;
}

void scale(int points, int runs) {
  const Architecture mlp({2, 64, 64, 1});
  const Network<double> net = initial_network<double>(mlp, seed);
  Points<double> data;
  Random r(seed);
  for (int i = 0; i < points; ++i) {
    data.x.push_back({r.uniform(), r.uniform()});
    data.y.push_back({r.uniform()});
  }
  Graph<double> g;
  index_t out = record_mlp_cost(g, net, data).index();
  const double nodes = g.size();
  std::vector<double> build, forward, backward;
  for (int r = 0; r < runs; ++r)
    build.push_back(seconds([&] {
      g.clear();
      out = record_mlp_cost(g, net, data).index();
      g.backward(out);
    }));
  // Replayed as training replays a graph: the same nodes swept again and again (the first
  // forward sweep works out the plan the later ones step by too).
  for (int r = 0; r < runs; ++r) {
    forward.push_back(seconds([&] { g.forward(); }));
    backward.push_back(seconds([&] { g.backward(out); }));
  }
  const double replay = median(forward) + median(backward);
  std::printf("MLP 2-64-64-1, %d points, fine-grained: %.0f nodes, median of %d runs\n", points,
              nodes, runs);
  std::printf("  replay: forward + backward  %8.2f ms  %6.1f M nodes/s  (%.1f ns/node)\n",
              1e3 * replay, nodes / replay / 1e6, 1e9 * replay / nodes);
  std::printf("    forward                   %8.2f ms  %6.1f M nodes/s\n", 1e3 * median(forward),
              nodes / median(forward) / 1e6);
  std::printf("    backward                  %8.2f ms  %6.1f M nodes/s\n", 1e3 * median(backward),
              nodes / median(backward) / 1e6);
  std::printf("  build + backward            %8.2f ms  %6.1f M nodes/s\n", 1e3 * median(build),
              nodes / median(build) / 1e6);
  std::printf("  memory %.1f bytes/node\n", static_cast<double>(g.node_bytes()) / nodes);
}

// The replay against the tight loop in double with the graph's memory moved 16 to 4096 bytes on,
// in steps of 128: how much the replay's speed depends on where its memory happens to lie.
void layout(long steps, int runs) {
  const Points<double> data(higham10(), 2);
  const Stream stream = point_stream(steps, data.size());
  std::printf(
      "replay against the tight loop, %ld steps, graph moved by SHIFT bytes, median of %d\n", steps,
      runs);
  for (std::size_t shift = 16; shift <= 4096; shift += 128) {
    std::vector<double> tight, replay;
    for (int r = 0; r < runs; ++r) {
      tight.push_back(seconds([&] { sgd_tight<double>(data, stream); }));
      replay.push_back(seconds([&] { sgd_replay<double>(data, stream, shift); }));
    }
    std::printf("  shift %4zu  tight %6.1f ns/step  replay %6.1f ns/step  ratio %.2f\n", shift,
                1e9 * median(tight) / steps, 1e9 * median(replay) / steps,
                median(replay) / median(tight));
  }
}

// One way alone, once, in double or float50: for counting its instructions (valgrind
// --tool=callgrind).
template <class T>
int only(const std::string& way, long steps) {
  const Points<T> data(higham10(), 2);
  const Stream stream = point_stream(steps, data.size());
  for (const auto& [name, run] : ways_of<T>)
    if (way == name) {
      const std::vector<T> theta = run(data, stream);
      std::printf("%s: %ld steps, theta[0] = %.17g\n", name, steps, static_cast<double>(theta[0]));
      return 0;
    }
  std::fprintf(stderr, "bench_higham_sgd: --only takes tight, generic, replay, table or rebuild\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  // `--quick` (for CI); `--layout`; `--only WAY STEPS [double|float50]`. The README's figures come
  // from the full run, `--layout` and `--only`.
  const std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "--layout") {
    layout(100000, 5);
    return 0;
  }
  if (mode == "--only") {
    char* end = nullptr;
    const long steps = argc == 4 || argc == 5 ? std::strtol(argv[3], &end, 10) : -1;
    const std::string type = argc == 5 ? argv[4] : "double";
    // (an empty STEPS, which strtol reads as 0 without reading anything, is refused too)
    if (steps < 0 || end == argv[3] || *end != '\0' || steps > 100000000 ||
        (type != "double" && type != "float50")) {
      std::fprintf(stderr,
                   "bench_higham_sgd: write --only WAY STEPS [double|float50] (0 to 10^8 steps)\n");
      return 2;
    }
    return type == "double" ? only<double>(argv[2], steps) : only<float50>(argv[2], steps);
  }
  if (!mode.empty() && mode != "--quick") {
    std::fprintf(stderr, "bench_higham_sgd: unknown option %s (--quick, --layout, --only)\n",
                 mode.c_str());
    return 2;
  }
  const bool quick = mode == "--quick";
  std::printf("HIGHAM-SGD benchmark: ratios are to the tight hand-written loop in this process.\n");
  std::printf("Times are this thread's CPU time; load average %.2f at the start.\n",
              load_average());
  compare<double>("double", quick ? 20000 : 1000000, quick ? 1 : 9);
  compare<float50>("float50", quick ? 200 : 20000, quick ? 1 : 5);

  // Memory as a replayed graph holds it: after a forward sweep, with its sweeps' plan.
  PointCost<double> C(initial_network<double>(arch, seed));
  C.graph.forward();
  std::printf(
      "graph memory: %.1f bytes/node in double (one-point cost graph, %u nodes, fused layers)\n",
      static_cast<double>(C.graph.node_bytes()) / C.graph.size(), C.graph.size());
  PointCost<double> fine(initial_network<double>(arch, seed), Granularity::fine);
  fine.graph.forward();
  std::printf(
      "graph memory: %.1f bytes/node in double (one-point cost graph, %u nodes, fine-grained)\n",
      static_cast<double>(fine.graph.node_bytes()) / fine.graph.size(), fine.graph.size());
  scale(100, quick ? 1 : 7);
  std::printf("load average %.2f at the end\n", load_average());
}
