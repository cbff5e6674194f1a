// dlmath plot: the article's figures.
#include <cstdio>

#include "cli/limits.hpp"
#include "cli/options.hpp"
#include "network/parameters_json.hpp"
#include "visual/figures.hpp"

namespace dlmath::cli {

namespace {

struct PlotArgs {
  std::string figure, output, data = "higham10", eta = "0.05", method = "sgd";
  NetworkChoice network;
  std::uint64_t steps = 1'000'000;
  bool explicit_steps = false;
};

TrainResult<double> train_for_plot(const PlotArgs& a, const Dataset& data) {
  TrainOptions o;
  o.method = method_from_string(a.method).value_or(Method::sgd);  // CLI11 checked the name
  o.eta = a.eta;
  o.steps = static_cast<long>(a.steps);
  o.seed = point_stream_seed(a.network.seed);  // as dlmath train does
  return train(data, choose_network<double>(a.network, data), o);
}

void draw(const PlotArgs& a) {
  using namespace visual;
  const std::string& out = a.output;
  check_picture_path(out);
  if (a.figure == "sigmoid") return plot_sigmoid(out);
  if (a.figure == "scaled-sigmoid") return plot_scaled_sigmoids(out);
  const Dataset data = parse_data(a.data);
  if (data.dimension() != 2)
    throw UsageError("--data: " + data.name + " has " + std::to_string(data.dimension()) +
                     " features; only two can be drawn on the plane");
  if (a.figure == "data") return plot_dataset(out, data);
  check_eta(a.eta);
  check_training_size(data, a.network, a.method, 4, a.steps, a.explicit_steps);
  if (a.figure == "boundary") {
    if (!a.network.load.empty())
      return plot_decision_boundary(out, choose_network<double>(a.network, data), data,
                                    "Decision regions of " + a.network.load);
    const auto r = train_for_plot(a, data);
    return plot_decision_boundary(
        out, r.net, data,
        "Decision regions after " + std::to_string(a.steps) + " " + a.method + " steps");
  }
  const auto r = train_for_plot(a, data);
  plot_cost_history(
      out, r, data.size(),
      "Cost history: " + std::to_string(a.steps) + " " + a.method + " steps, eta " + a.eta);
}

}  // namespace

void add_plot_command(CLI::App& app) {
  auto a = std::make_shared<PlotArgs>();
  auto* cmd = app.add_subcommand(
      "plot", "Draw one of the article's figures (PNG, SVG or PDF by extension)");
  cmd->add_option("figure", a->figure, "sigmoid, scaled-sigmoid, data, boundary or history")
      ->required()
      ->check(CLI::IsMember({"sigmoid", "scaled-sigmoid", "data", "boundary", "history"}));
  cmd->add_option("-o,--output", a->output, "The picture file: .png, .svg or .pdf")->required();
  cmd->add_option("--data", a->data, "higham10, higham11 or a CSV file")->capture_default_str();
  add_network_options(*cmd, a->network, true);
  auto* steps = add_whole_option(*cmd, "--steps", a->steps, "Training steps (boundary, history)", 0,
                                 limits::max_steps);
  cmd->add_option("--eta", a->eta, "Learning rate (boundary, history)")->capture_default_str();
  cmd->add_option("--method", a->method, "sgd, gd or minibatch (boundary, history)")
      ->check(CLI::IsMember({"sgd", "gd", "minibatch"}))
      ->capture_default_str();
  cmd->callback([a, steps] {
    a->explicit_steps = steps->count() > 0;
    try {
      draw(*a);
    } catch (const std::invalid_argument& e) {
      throw UsageError(e.what());
    } catch (const std::runtime_error& e) {
      if (dynamic_cast<const UsageError*>(&e)) throw;
      throw UsageError(e.what());
    }
    std::printf("wrote %s\n", a->output.c_str());
  });
}

}  // namespace dlmath::cli
