// The paper's run as a standalone program written tightly by hand: what `dlmath train` does by
// default (higham10, 2-2-3-2 sigmoid, eta 0.05, 10^6 SGD steps, the same initial weights and
// point stream, the cost over all ten points recorded every 1000 steps), with no graph. The
// whole-process baseline of bench_train_process.
#include <cstdio>

#include "bench/tight_higham.hpp"
#include "network/dataset.hpp"
#include "network/evaluate.hpp"
#include "network/train.hpp"

using namespace dlmath;

int main() {
  const Points<double> points(higham10(), 2);
  double x[10][2], y[10][2];
  for (int i = 0; i < 10; ++i)
    for (int k = 0; k < 2; ++k) x[i][k] = points.x[i][k], y[i][k] = points.y[i][k];
  bench::TightHigham<double> net;
  net.load(initial_network<double>(Architecture({2, 2, 3, 2}), 1).theta);
  Random pick(point_stream_seed(1));
  const long steps = 1'000'000, every = 1000;
  const double eta = 0.05;
  auto cost = [&] {
    double sum = 0;
    for (int i = 0; i < 10; ++i) sum += net.cost(x[i], y[i]);
    return sum / 10;
  };
  static double history[steps / every + 1];
  history[0] = cost();
  for (long s = 1; s <= steps; ++s) {
    const auto i = pick.below(10);
    net.step(x[i], y[i], eta);
    if (s % every == 0) history[s / every] = cost();
  }
  std::printf("cost %.4g -> %.4g after %ld steps\n", history[0], history[steps / every], steps);
}
