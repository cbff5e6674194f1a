// dlmath train: the paper's experiment, or any other, on the engine's replay path.
#include "network/train.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli/limits.hpp"
#include "cli/options.hpp"
#include "cli/train_snapshots.hpp"
#include "network/parameters_json.hpp"

namespace dlmath::cli {

namespace {

struct TrainArgs {
  std::string data = "higham10", save, history, snapshots, snapshot_format = "png";
  const SnapshotPlotter* plotter = nullptr;  // null in the light program
  NetworkChoice network;
  TrainingChoice training;
  long every = 0;
  bool json = false;
};

std::string short_number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

// "[#####     ]  42%  12 s left": the time left is the time so far scaled by the work left.
void progress_bar(long done, long total, double seconds) {
  const int width = 40, filled = static_cast<int>(width * done / std::max(1L, total));
  const double left = done > 0 ? seconds * static_cast<double>(total - done) / done : 0;
  char eta[32];
  if (left >= 90)
    std::snprintf(eta, sizeof eta, "%.0f min left", left / 60);
  else if (left < 0.5)
    std::snprintf(eta, sizeof eta, "<1 s left");
  else
    std::snprintf(eta, sizeof eta, "%.0f s left", left);
  std::fprintf(stderr, "\r[%s%s] %3ld%%  %-12s", std::string(filled, '#').c_str(),
               std::string(width - filled, ' ').c_str(), 100 * done / std::max(1L, total), eta);
  if (done == total) std::fprintf(stderr, "\r%s\r", std::string(width + 22, ' ').c_str());
  std::fflush(stderr);
}

// The progress line from the start of training on.
std::function<void(long, long)> progress_line() {
  const auto start = std::chrono::steady_clock::now();
  return [start](long done, long total) {
    progress_bar(done, total,
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  };
}

// train --snapshots DIR --every K: the decision regions at step 0, every K steps and at the end,
// as DIR/step-0000100.png (zero-padded so that the files sort in step order).
template <class T>
void add_snapshots(TrainOptions& o, const TrainArgs& a, const Dataset& data,
                   const Architecture& arch) {
  if (a.snapshots.empty()) {
    if (a.every != 0) throw UsageError("--every: give --snapshots DIR too");
    return;
  }
  if (a.every < 1) throw UsageError("--every: give a number of steps, 1 or more, with --snapshots");
  if (data.dimension() != 2)
    throw UsageError("--snapshots: " + data.name + " has " + std::to_string(data.dimension()) +
                     " features; only two can be drawn on the plane");
  std::error_code ec;
  std::filesystem::create_directories(a.snapshots, ec);
  if (ec) throw UsageError("--snapshots: cannot make the directory '" + a.snapshots + "'");
  const int digits = static_cast<int>(std::to_string(o.steps).size());
  auto file = [=](long step) {
    std::string n = std::to_string(step);
    return (std::filesystem::path(a.snapshots) /
            ("step-" + std::string(digits - n.size(), '0') + n + "." + a.snapshot_format))
        .string();
  };
  try {
    a.plotter->check(file(0), data);
  } catch (const std::exception& e) {
    throw UsageError(std::string("--snapshots: ") + e.what());
  }
  o.snapshot_every = a.every;
  const std::string of = " of " + std::to_string(o.steps);
  o.snapshot = [file, of, arch, &data, plot = a.plotter->plot](long step,
                                                               const std::vector<double>& theta) {
    plot(file(step), Network<double>{arch, theta}, data,
         "decision regions at step " + std::to_string(step) + of);
  };
}

// "sigmoid", or "tanh,tanh,sigmoid" when the layers differ.
std::string activation_names(const Architecture& arch) {
  std::string all;
  bool same = true;
  for (Activation act : arch.activations) {
    all += (all.empty() ? "" : ",") + std::string(act.name);
    same = same && act == arch.activations.front();
  }
  return same ? std::string(arch.activations.front().name) : all;
}

// What --save records: the data set (a CSV by its absolute path and SHA-256) and the cost.
TrainedOn trained_on(const Dataset& data, const std::string& cost) {
  if (data.path.empty()) return TrainedOn{data.name, "", cost};
  return TrainedOn{std::filesystem::absolute(data.path).lexically_normal().string(), data.sha256,
                   cost};
}

template <class T>
void run(const TrainArgs& a, const Dataset& data, Precision precision) {
  const Network<T> start = choose_network<T>(a.network, data);
  TrainOptions o = training_options(a.training, a.network.seed);
  add_snapshots<T>(o, a, data, start.arch);
  if (!a.json && isatty(fileno(stderr))) o.progress = progress_line();
  const TrainResult<T> r = train(data, start, o);
  if (r.diverged_at >= 0) throw_diverged(r.diverged_at);

  if (!a.history.empty()) {
    // The scaled cost is the paper's sum ||y - F(x)||^2: only for the article's cost.
    const bool scaled = o.cost == CostKind::half_squared_error;
    std::string text = scaled ? "step,cost,scaled_cost\n" : "step,cost\n";
    for (std::size_t k = 0; k < r.steps.size(); ++k) {
      text += std::to_string(r.steps[k]) + "," + to_decimal(r.cost[k]);
      if (scaled) text += "," + to_decimal(T(r.cost[k] * 2 * data.size()));
      text += "\n";
    }
    write_file(a.history, text, "--history");
  }
  if (!a.save.empty()) {
    const TrainedOn run = trained_on(data, a.training.cost);
    write_file(a.save, parameters_to_json(r.net, &run), "--save");
  }

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
    j["steps"] = o.steps;
    j["method"] = std::string(to_string(o.method));
    j["optimizer"] = o.optimizer.name;
    j["eta"] = o.eta;
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
  std::printf("Trained %s (%s) on %s, %d points: %s, eta %s, %ld steps, seed %llu, %s\n\n",
              layers.c_str(), activation_names(r.net.arch).c_str(), data.name.c_str(), data.size(),
              (std::string(to_string(o.method)) +
               (o.optimizer.name == "sgd" ? "" : " with " + o.optimizer.name))
                  .c_str(),
              o.eta.c_str(), o.steps, static_cast<unsigned long long>(a.network.seed),
              precision_name(precision).c_str());
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

void add_train_command(CLI::App& app, const SnapshotPlotter* plotter) {
  auto a = std::make_shared<TrainArgs>();
  a->plotter = plotter;
  auto* cmd = app.add_subcommand(
      "train", "Train a network by gradient descent or SGD and classify the points");
  cmd->add_option("--data", a->data, "higham10, higham11 or a CSV file (header, features, class)")
      ->capture_default_str();
  add_network_options(*cmd, a->network, false);
  add_training_options(*cmd, a->training);
  cmd->add_option("--save", a->save,
                  "Write the trained parameters, the data set and the cost to a JSON file");
  cmd->add_option("--snapshots", a->snapshots,
                  "Draw the decision regions into this directory at step 0, every --every steps "
                  "and at the end");
  cmd->add_option("--every", a->every, "Steps between snapshots");
  cmd->add_option("--snapshot-format", a->snapshot_format, "png or svg")
      ->check(CLI::IsMember({"png", "svg"}))
      ->capture_default_str();
  cmd->add_option("--history", a->history,
                  "Write the cost history (step,cost,scaled_cost) to a CSV file");
  cmd->add_flag("--json", a->json, "Print one JSON object");
  cmd->callback([a] {
    // Drawing is the full program's: it runs in this one's place before anything is read (a data
    // file could be a pipe).
    if (!a->snapshots.empty() && !a->plotter) throw NeedsFullProgram{};
    const Precision p = parse_precision(a->training.precision);
    training_options(a->training, a->network.seed);  // refuses bad values before any work
    if (!a->save.empty()) check_writable(a->save, "--save");
    if (!a->history.empty()) check_writable(a->history, "--history");
    const Dataset data = parse_data(a->data);
    check_training_size(data, a->network, a->training.method, a->training.batch, a->training.steps,
                        a->training.explicit_steps());
    with_precision(p, [&]<class T>() { run<T>(*a, data, p); });
  });
}

}  // namespace dlmath::cli
