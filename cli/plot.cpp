// dlmath plot: the article's figures, drawn from the learner's data and runs.
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "cli/limits.hpp"
#include "cli/options.hpp"
#include "network/parameters_json.hpp"
#include "visual/figures.hpp"

namespace dlmath::cli {

namespace {

struct PlotArgs {
  std::string figure, output, data, from, snapshots;
  NetworkChoice network;
  TrainingChoice training;
  bool json = false;
};

// A cost history as `dlmath train --history` writes it: "step,cost[,scaled_cost]" then one row
// per record. The scaled cost is drawn when the file has it (the article's cost), else the cost.
struct HistoryFile {
  std::vector<double> steps, cost;
  bool scaled = false;
};

HistoryFile read_history(const std::string& path) {
  const std::string text = read_file(path);
  std::stringstream in(text);
  std::string line;
  int number = 0;
  HistoryFile h;
  auto fail = [&](const std::string& what) {
    return UsageError(path + ":" + std::to_string(std::max(number, 1)) + ": " + what);
  };
  std::size_t columns = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    std::vector<std::string> cells;
    std::stringstream row(line);
    for (std::string cell; std::getline(row, cell, ',');) cells.push_back(cell);
    if (!line.empty() && line.back() == ',') cells.emplace_back();
    if (columns == 0) {
      if (line == "step,cost,scaled_cost")
        h.scaled = true;
      else if (line != "step,cost")
        throw fail(
            "expected the header 'step,cost,scaled_cost' or 'step,cost' (as dlmath train "
            "--history writes), found '" +
            line + "'");
      columns = cells.size();
      continue;
    }
    if (cells.size() != columns)
      throw fail("expected " + std::to_string(columns) + " columns, found " +
                 std::to_string(cells.size()));
    double step = 0, cost = 0;
    try {
      step = from_decimal<double>(cells[0]);
    } catch (const std::invalid_argument&) {
      throw fail("step '" + cells[0] + "' is not a number");
    }
    const std::string& c = cells[h.scaled ? 2 : 1];
    try {
      cost = from_decimal<double>(c);
    } catch (const std::invalid_argument&) {
      throw fail("cost '" + c + "' is not a number");
    }
    if (!std::isfinite(step) || step < 0 || step != std::floor(step))
      throw fail("step '" + cells[0] + "' is not a whole number of steps");
    if (!h.steps.empty() && step <= h.steps.back())
      throw fail("the steps must increase ('" + cells[0] + "' after " +
                 std::to_string(static_cast<long>(h.steps.back())) + ")");
    if (!std::isfinite(cost) || cost <= 0)
      throw fail("cost '" + c + "' cannot be drawn on a logarithmic axis");
    h.steps.push_back(step);
    h.cost.push_back(cost);
  }
  if (columns == 0) throw fail("the file is empty (expected 'step,cost,...')");
  if (h.steps.empty()) throw fail("no rows after the header");
  return h;
}

// The steps of the snapshots `train --snapshots DIR` wrote: DIR/step-<step>.<png|svg>.
std::vector<double> snapshot_steps(const std::string& dir) {
  std::error_code ec;
  std::filesystem::directory_iterator it(dir, ec);
  if (ec) throw UsageError("--snapshots: cannot read the directory '" + dir + "'");
  const std::regex name(R"(step-([0-9]+)\.(png|svg))");
  std::vector<double> steps;
  for (const auto& entry : it) {
    std::smatch m;
    const std::string file = entry.path().filename().string();
    if (std::regex_match(file, m, name)) steps.push_back(std::stod(m[1].str()));
  }
  if (steps.empty()) throw UsageError("--snapshots: no step-N.png or step-N.svg files in " + dir);
  std::sort(steps.begin(), steps.end());
  return steps;
}

visual::PlotDescription draw(const PlotArgs& a) {
  using namespace visual;
  const std::string& out = a.output;
  check_picture_path(out);
  if (a.figure == "sigmoid") return plot_sigmoid(out);
  if (a.figure == "scaled-sigmoid") return plot_scaled_sigmoids(out);
  if (!a.snapshots.empty() && a.figure != "history")
    throw UsageError("--snapshots: marks snapshot steps on the history plot only");
  const std::vector<double> marks =
      a.snapshots.empty() ? std::vector<double>{} : snapshot_steps(a.snapshots);
  if (!a.from.empty()) {
    if (a.figure != "history")
      throw UsageError("--from: draws a history file; use --load for a saved network");
    const HistoryFile h = read_history(a.from);
    const std::string title = "Cost history from " +
                              std::filesystem::path(a.from).filename().string() + ": " +
                              std::to_string(static_cast<long>(h.steps.back())) + " steps";
    return plot_history(out, h.steps, h.cost, title,
                        h.scaled ? "scaled cost #gS#di#u ||y#di#u - F(x#di#u)||#u2#d" : "cost",
                        marks);
  }
  const Dataset data = choose_data(a.data, a.network);
  if (data.dimension() != 2 && a.figure != "history")
    throw UsageError("--data: " + data.name + " has " + std::to_string(data.dimension()) +
                     " features; only two can be drawn on the plane");
  if (a.figure == "data") return plot_dataset(out, data);
  const std::string name = data_title(data);
  if (a.figure == "boundary" && !a.network.load.empty())
    return plot_decision_boundary(out, choose_network<double>(a.network, data), data,
                                  name + ": decision regions of " +
                                      std::filesystem::path(a.network.load).filename().string());
  if (!a.network.load.empty())
    throw UsageError(
        "--load: plot history trains a network from --seed; to draw a finished run, "
        "give --from HISTORY.csv");
  const TrainOptions o = training_options(a.training, a.network.seed);
  check_training_size(data, a.network, a.training.method, a.training.batch, a.training.steps,
                      a.training.explicit_steps());
  const std::string run =
      std::to_string(o.steps) + " " + a.training.method + " steps, eta " + o.eta;
  return with_precision(parse_precision(a.training.precision), [&]<class T>() {
    const auto r = train(data, choose_network<T>(a.network, data), o);
    if (r.diverged_at >= 0) throw_diverged(r.diverged_at);
    if (a.figure == "boundary")
      return plot_decision_boundary(out, r.net, data, name + ": decision regions after " + run);
    return plot_cost_history(out, r, data.size(), name + ": cost history, " + run, o.cost, marks);
  });
}

nlohmann::ordered_json to_json(const visual::PlotDescription& d) {
  nlohmann::ordered_json j;
  j["file"] = d.file;
  j["title"] = d.title;
  j["xlabel"] = d.xlabel;
  j["ylabel"] = d.ylabel;
  j["x_range"] = {d.x_min, d.x_max};
  j["y_range"] = {d.y_min, d.y_max};
  j["log_y"] = d.log_y;
  j["legend"] = d.legend;
  if (!d.x_ticks.empty()) {
    j["x_ticks"] = d.x_ticks;
    j["y_ticks"] = d.y_ticks;
  }
  if (!d.classes.empty()) {
    j["classes"] = d.classes;
    j["class_counts"] = d.class_counts;
  }
  if (!d.region_cells.empty()) {
    j["region_cells"] = d.region_cells;
    std::vector<std::string> regions;
    for (int k : d.point_regions) regions.push_back(d.classes[k]);
    j["point_regions"] = regions;
  }
  if (!d.marks.empty()) j["marks"] = d.marks;
  return j;
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
  cmd->add_option("--data", a->data, data_help_with_load);
  add_network_options(*cmd, a->network, true);
  add_training_options(*cmd, a->training);
  cmd->add_option(
      "--from", a->from,
      "history: draw this file, as `dlmath train --history` wrote it, without training");
  cmd->add_option("--snapshots", a->snapshots,
                  "history: mark the steps of the snapshots in this directory (train --snapshots)");
  cmd->add_flag("--json", a->json, "Print what the picture shows (ranges, labels, legend, counts)");
  cmd->callback([a] {
    visual::PlotDescription d;
    try {
      d = draw(*a);
    } catch (const std::invalid_argument& e) {
      throw UsageError(e.what());
    } catch (const std::runtime_error& e) {
      if (dynamic_cast<const UsageError*>(&e)) throw;
      throw UsageError(e.what());
    }
    if (a->json)
      std::printf("%s\n", to_json(d).dump(2).c_str());
    else
      std::printf("wrote %s\n", a->output.c_str());
  });
}

}  // namespace dlmath::cli
