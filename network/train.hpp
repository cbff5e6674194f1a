// Training: gradient descent, the paper's stochastic gradient descent (one random point per
// step), and minibatch SGD, all on the replay path of the one-point cost graph. How the points of
// a step are chosen (Method) and how its gradient moves the parameters (an optimiser,
// network/optimizer.hpp) are independent choices.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/anomaly.hpp"
#include "network/evaluate.hpp"
#include "network/optimizer.hpp"
#include "network/random.hpp"

namespace dlmath {

enum class Method { sgd, gd, minibatch };
inline constexpr Method methods[] = {Method::sgd, Method::gd, Method::minibatch};

// The seed of the stream that picks the points, derived from the seed of the initial weights so
// that one number names a whole run (as `dlmath train --seed S` does).
inline std::uint64_t point_stream_seed(std::uint64_t weights_seed) {
  return weights_seed * 0x9E3779B97F4A7C15ull + 1;
}

inline std::string_view to_string(Method m) {
  return m == Method::sgd ? "sgd" : m == Method::gd ? "gd" : "minibatch";
}

inline std::optional<Method> method_from_string(std::string_view s) {
  for (Method m : methods)
    if (s == to_string(m)) return m;
  return std::nullopt;
}

struct TrainOptions {
  Method method = Method::sgd;
  int batch = 4;              // minibatch size
  std::string eta = "0.05";   // learning rate, as decimal text (exact at any precision)
  OptimizerChoice optimizer;  // sgd: the paper's theta -= eta g
  long steps = 1'000'000;
  std::uint64_t seed = 1;  // chooses the points; the initial network has its own seed
  long record_every = 0;   // 0: about 1000 records over the run
  CostKind cost = CostKind::half_squared_error;
  std::function<void(long done, long total)> progress;  // called now and then, if set
  // Called every `observe_every` steps with the step and the parameters, e.g. to watch training
  // live; returning false stops the run there.
  long observe_every = 1000;
  std::function<bool(long step, const std::vector<double>& theta)> observe;
  // If set, called with each cost record as it is taken (TrainResult::steps and cost), so that a
  // live curve has every record, however fast the steps run.
  std::function<void(long step, double cost)> on_record;
  // If set, called with the step and the parameters (in double) at step 0, every
  // `snapshot_every` steps and at the last step: pictures of how the network forms.
  long snapshot_every = 0;
  std::function<void(long step, const std::vector<double>& theta)> snapshot;
};

template <class T>
struct TrainResult {
  Network<T> net;
  std::vector<long> steps;  // when each cost record was taken
  std::vector<T> cost;      // the cost over the whole data set then
  T initial_cost{}, final_cost{};
  double seconds = 0;
  long diverged_at = -1;   // the step at which the cost stopped being finite; training stops there
  int sampled_points = 0;  // >0: the records are over this many sampled points, not all
};

// Cost records over at most this many points (see train()).
inline constexpr int max_record_points = 512;

template <class T>
TrainResult<T> train(const Dataset& data, const Network<T>& start, const TrainOptions& o) {
  if (o.steps < 0) throw std::invalid_argument("steps must be at least 0");
  if (o.method == Method::minibatch && o.batch < 1)
    throw std::invalid_argument("the batch size must be at least 1");
  if (start.arch.inputs() != data.dimension())
    throw std::invalid_argument("the network's first layer has " +
                                std::to_string(start.arch.inputs()) + " neurons but the data has " +
                                std::to_string(data.dimension()) + " features");
  if (data.size() == 0) throw std::invalid_argument("the data set is empty");
  check_optimizer(o.optimizer);
  const auto t0 = std::chrono::steady_clock::now();
  const Points<T> points(data, start.arch.outputs());
  PointCost<T> C(start, Granularity::fused, o.cost);
  const T eta = from_decimal<T>(o.eta);
  const long every = o.record_every > 0 ? o.record_every : std::max(1L, o.steps / 1000);
  Random pick(o.seed);
  TrainResult<T> r;
  const int n = static_cast<int>(C.params.theta.size());
  std::vector<T> gradient(n);
  const std::unique_ptr<Optimizer<T>> optimizer = make_optimizer(eta, o.optimizer);
  std::vector<double> observed(o.observe ? n : 0);

  // About 1000 records over a run: on a large data set each would cost more than the steps
  // between them, so records are taken over a fixed sample of the points (the same sample every
  // time, so the curve is smooth); the initial and final costs are over every point.
  Points<T> sample;
  const bool sampled = points.size() > max_record_points;
  if (sampled) {
    Random choose(o.seed ^ 0x5DEECE66Dull);
    for (int k = 0; k < max_record_points; ++k) {
      const int i = static_cast<int>(choose.below(points.size()));
      sample.x.push_back(points.x[i]), sample.y.push_back(points.y[i]);
      sample.category.push_back(points.category[i]);
    }
  }
  r.sampled_points = sampled ? max_record_points : 0;
  auto record = [&](long step) {
    r.steps.push_back(step);
    r.cost.push_back(dataset_cost(C, sampled ? sample : points));
    if (o.on_record) o.on_record(step, static_cast<double>(r.cost.back()));
  };
  // Moves the parameters by the optimiser, given the gradient accumulated over `m` points. With
  // one point (the paper's SGD) the optimiser reads the graph's gradient and steps the graph's
  // parameters in place: nothing is copied or allocated per step.
  auto step_over = [&](int m, auto&& next_point) {
    if (m == 1) {
      const int i = next_point();
      C.evaluate_at(points.x[i], points.y[i]);
      C.differentiate();
      optimizer->update(C.theta_values(), C.theta_gradient(), 1);
      return;
    }
    std::fill(gradient.begin(), gradient.end(), T(0));
    for (int b = 0; b < m; ++b) {
      const int i = next_point();
      C.evaluate_at(points.x[i], points.y[i]);
      C.differentiate();
      const std::span<const T> g = C.theta_gradient();
      for (int k = 0; k < n; ++k) gradient[k] += g[k];
    }
    optimizer->update(C.theta_values(), gradient, m);
  };

  auto take_snapshot = [&](long step) {
    std::vector<double> theta;
    for (const auto& p : C.params.theta) theta.push_back(static_cast<double>(p.value()));
    o.snapshot(step, theta);
  };
  const bool snapshots = o.snapshot && o.snapshot_every > 0;
  if (snapshots) take_snapshot(0);

  record(0);
  // When the next record, snapshot, progress report and observation fall due: counted, not
  // found by a division every step (a 64-bit division costs as much as a tenth of a step).
  const long progress_every = std::max(1L, o.steps / 100),
             observe_every = std::max(1L, o.observe_every);
  long next_record = every, next_snapshot = o.snapshot_every, next_progress = progress_every,
       next_observe = observe_every;
  for (long s = 1; s <= o.steps; ++s) {
    switch (o.method) {
      case Method::sgd:
        step_over(1, [&] { return static_cast<int>(pick.below(points.size())); });
        break;
      case Method::minibatch:
        step_over(o.batch, [&] { return static_cast<int>(pick.below(points.size())); });
        break;
      case Method::gd: {
        int i = 0;
        step_over(points.size(), [&] { return i++; });
        break;
      }
    }
    if (s == next_record || s == o.steps) {
      if (s == next_record) next_record += every;
      record(s);
      if (!is_finite_value(r.cost.back())) {
        r.diverged_at = s;
        break;
      }
    }
    if (snapshots && (s == next_snapshot || s == o.steps)) {
      if (s == next_snapshot) next_snapshot += o.snapshot_every;
      take_snapshot(s);
    }
    if (s == next_progress) {
      next_progress += progress_every;
      if (o.progress) o.progress(s, o.steps);
    }
    if (o.observe && (s == next_observe || s == o.steps)) {
      if (s == next_observe) next_observe += observe_every;
      for (int k = 0; k < n; ++k) observed[k] = static_cast<double>(C.params.theta[k].value());
      if (!o.observe(s, observed)) {
        if (r.steps.back() != s) record(s);
        break;
      }
    }
  }
  r.net = C.network();
  r.initial_cost = r.cost.front();
  r.final_cost = r.cost.back();
  if (sampled) {
    r.final_cost = dataset_cost(C, points);
    C.set_theta(start.theta);
    r.initial_cost = dataset_cost(C, points);
  }
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return r;
}

}  // namespace dlmath
