// dlmath train: the paper's experiment, or any other, on the engine's replay path.
#include "network/train.hpp"

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli/limits.hpp"
#include "cli/options.hpp"
#include "network/parameters_json.hpp"

namespace dlmath::cli {

namespace {

struct TrainArgs {
  std::string data = "higham10", method = "sgd", eta = "0.05", precision = "double", save, history,
              cost = "mse";
  NetworkChoice network;
  std::uint64_t batch = 4, steps = 1'000'000;
  bool json = false;
};

std::string short_number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

void progress_bar(long done, long total) {
  const int width = 40, filled = static_cast<int>(width * done / std::max(1L, total));
  std::fprintf(stderr, "\r[%s%s] %3ld%%", std::string(filled, '#').c_str(),
               std::string(width - filled, ' ').c_str(), 100 * done / std::max(1L, total));
  if (done == total) std::fprintf(stderr, "\r%s\r", std::string(width + 8, ' ').c_str());
  std::fflush(stderr);
}

// "sigmoid", or "tanh,tanh,sigmoid" when the layers differ.
std::string activation_names(const Architecture& arch) {
  std::string all;
  bool same = true;
  for (Activation act : arch.activations) {
    all += (all.empty() ? "" : ",") + std::string(to_string(act));
    same = same && act == arch.activations.front();
  }
  return same ? std::string(to_string(arch.activations.front())) : all;
}

template <class T>
void run(const TrainArgs& a, const Dataset& data, Precision precision) {
  const Network<T> start = choose_network<T>(a.network, data);
  TrainOptions o;
  o.method = method_from_string(a.method).value_or(Method::sgd);  // CLI11 checked the name
  o.batch = static_cast<int>(a.batch);
  o.eta = a.eta;
  o.steps = static_cast<long>(a.steps);
  o.seed = point_stream_seed(a.network.seed);
  o.cost = a.cost == "cross-entropy" ? CostKind::cross_entropy : CostKind::half_squared_error;
  if (!a.json && isatty(fileno(stderr))) o.progress = progress_bar;
  const TrainResult<T> r = train(data, start, o);
  if (r.diverged_at >= 0)
    throw std::runtime_error("training diverged: the cost is " + to_decimal(r.final_cost) +
                             " at step " + std::to_string(r.diverged_at) +
                             " (try a smaller --eta)");

  if (!a.history.empty()) {
    std::string text = "step,cost,scaled_cost\n";
    for (std::size_t k = 0; k < r.steps.size(); ++k)
      text += std::to_string(r.steps[k]) + "," + to_decimal(r.cost[k]) + "," +
              to_decimal(T(r.cost[k] * 2 * data.size())) + "\n";
    write_file(a.history, text, "--history");
  }
  if (!a.save.empty()) write_file(a.save, parameters_to_json(r.net), "--save");

  PointCost<T> C(r.net);
  const Points<T> points(data, r.net.arch.outputs());
  const Outputs<T> outputs = classify(C, points);
  // The paper's code reports sum_i ||y_i - F(x_i)||^2: 2N times the article's cost.
  const bool mse = o.cost == CostKind::half_squared_error;
  const T scale = T(2 * data.size());
  if (a.json) {
    nlohmann::ordered_json j;
    j["initial_cost"] = to_decimal(r.initial_cost);
    j["final_cost"] = to_decimal(r.final_cost);
    if (mse) {
      j["initial_scaled_cost"] = to_decimal(T(r.initial_cost * scale));
      j["final_scaled_cost"] = to_decimal(T(r.final_cost * scale));
    }
    j["correct"] = outputs.correct;
    j["total"] = data.size();
    j["seconds"] = r.seconds;
    if (r.sampled_points > 0) j["history_sample"] = r.sampled_points;
    j["steps"] = a.steps;
    j["method"] = std::string(to_string(o.method));
    j["eta"] = a.eta;
    j["seed"] = a.network.seed;
    j["precision"] = precision_name(precision);
    for (int i = 0; i < data.size(); ++i) {
      nlohmann::ordered_json p;
      p["x"] = data.features[i];
      p["category"] = data.class_names[data.category[i]];
      for (const auto& f : outputs.F[i]) p["F"].push_back(to_decimal(f));
      p["predicted"] = data.class_names[outputs.predicted[i]];
      j["points"].push_back(p);
    }
    std::printf("%s\n", j.dump(2).c_str());
    return;
  }
  std::string layers;
  for (int n : r.net.arch.sizes) layers += (layers.empty() ? "" : "-") + std::to_string(n);
  std::printf("Trained %s (%s) on %s, %d points: %s, eta %s, %llu steps, seed %llu, %s\n\n",
              layers.c_str(), activation_names(r.net.arch).c_str(), data.name.c_str(), data.size(),
              std::string(to_string(o.method)).c_str(), a.eta.c_str(),
              static_cast<unsigned long long>(a.steps),
              static_cast<unsigned long long>(a.network.seed), precision_name(precision).c_str());
  std::printf("  %-34s %12s %12s\n", "", "initial", "final");
  std::printf("  %-34s %12s %12s\n",
              mse ? "cost (1/N) sum 1/2 ||y - F(x)||^2" : "cost (cross-entropy)",
              short_number(static_cast<double>(r.initial_cost)).c_str(),
              short_number(static_cast<double>(r.final_cost)).c_str());
  if (mse)
    std::printf("  %-34s %12s %12s\n", "scaled cost sum ||y - F(x)||^2",
                short_number(static_cast<double>(r.initial_cost * scale)).c_str(),
                short_number(static_cast<double>(r.final_cost * scale)).c_str());
  std::printf("\n  %5s", "point");
  for (const auto& f : data.feature_names) std::printf(" %8s", f.c_str());
  std::printf("  %-8s", "category");
  for (int j = 1; j <= r.net.arch.outputs(); ++j)
    std::printf(" %9s", ("F" + std::to_string(j)).c_str());
  std::printf("  %s\n", "predicted");
  for (int i = 0; i < data.size(); ++i) {
    std::printf("  %5d", i + 1);
    for (const auto& x : data.features[i]) std::printf(" %8s", x.c_str());
    std::printf("  %-8s", data.class_names[data.category[i]].c_str());
    for (const auto& f : outputs.F[i]) std::printf(" %9.6f", static_cast<double>(f));
    const bool right = outputs.predicted[i] == data.category[i];
    std::printf("  %-9s %s\n", data.class_names[outputs.predicted[i]].c_str(),
                right ? "right" : "WRONG");
  }
  std::printf("\n  accuracy %d/%d, %.3f s\n", outputs.correct, data.size(), r.seconds);
  if (r.sampled_points > 0)
    std::printf("  the cost history is over a fixed sample of %d of the %d points\n",
                r.sampled_points, data.size());
  if (!a.save.empty()) std::printf("  parameters saved to %s\n", a.save.c_str());
  if (!a.history.empty()) std::printf("  cost history saved to %s\n", a.history.c_str());
}

}  // namespace

void add_train_command(CLI::App& app) {
  auto a = std::make_shared<TrainArgs>();
  auto* cmd = app.add_subcommand(
      "train", "Train a network by gradient descent or SGD and classify the points");
  cmd->add_option("--data", a->data, "higham10, higham11 or a CSV file (header, features, class)")
      ->capture_default_str();
  add_network_options(*cmd, a->network, false);
  cmd->add_option("--method", a->method,
                  "sgd (one random point per step), gd (all points) or minibatch")
      ->check(CLI::IsMember({"sgd", "gd", "minibatch"}))
      ->capture_default_str();
  add_whole_option(*cmd, "--batch", a->batch, "Points per minibatch step (at most the data size)",
                   1, 1'000'000'000);
  cmd->add_option("--eta", a->eta, "Learning rate")->capture_default_str();
  auto* steps =
      add_whole_option(*cmd, "--steps", a->steps, "Number of steps", 0, limits::max_steps);
  cmd->add_option("--cost", a->cost, "mse (the article's 1/2 squared error) or cross-entropy")
      ->check(CLI::IsMember({"mse", "cross-entropy"}))
      ->capture_default_str();
  cmd->add_option("--precision", a->precision, "double, 50 or 100 (digits)")->capture_default_str();
  cmd->add_option("--save", a->save, "Write the trained parameters to a JSON file");
  cmd->add_option("--history", a->history,
                  "Write the cost history (step,cost,scaled_cost) to a CSV file");
  cmd->add_flag("--json", a->json, "Print one JSON object");
  cmd->callback([a, steps] {
    const Precision p = parse_precision(a->precision);
    check_eta(a->eta);
    if (!a->save.empty()) check_writable(a->save, "--save");
    if (!a->history.empty()) check_writable(a->history, "--history");
    const Dataset data = parse_data(a->data);
    check_training_size(data, a->network, a->method, a->batch, a->steps, steps->count() > 0);
    with_precision(p, [&]<class T>() { run<T>(*a, data, p); });
  });
}

}  // namespace dlmath::cli
