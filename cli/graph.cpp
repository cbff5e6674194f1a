// dlmath graph: a computation graph with every node's value and gradient, or the network as
// neurons, drawn by Graphviz (DOT, SVG, PNG or PDF by the file's extension).
#include "visual/graph/graph.hpp"

#include <cstdio>
#include <filesystem>

#include "cli/graph_program.hpp"
#include "cli/limits.hpp"
#include "cli/options.hpp"
#include "network/evaluate.hpp"
#include "visual/graph/cost_view.hpp"

namespace dlmath::cli {

namespace {

struct GraphArgs {
  bool network = false, fine = false, full = false, gradients = false;
  std::string view = "graph", data = "higham10", output, program, file;
  std::vector<std::string> at, expand;
  NetworkChoice choice;
  std::uint64_t point = 1, digits = 4, limit = 400;
};

void draw_network_cost(const GraphArgs& a) {
  const Dataset data = parse_data(a.data);
  if (a.point > static_cast<std::uint64_t>(data.size()))
    throw UsageError("--point: " + std::to_string(a.point) + " is not a point of " + data.name +
                     " (1-" + std::to_string(data.size()) + ")");
  const Network<double> net = choose_network<double>(a.choice, data);
  if (a.view == "network") {
    if (!a.expand.empty()) throw UsageError("--expand: the network view has no groups to open");
    std::vector<double> gradient;
    if (a.gradients) {
      PointCost<double> C(net, a.fine ? Granularity::fine : Granularity::fused);
      const Points<double> points(data, net.arch.outputs());
      dataset_cost(C, points, &gradient);
    }
    render_checked(
        visual::network_drawing(
            net,
            visual::NetworkOptions{
                static_cast<int>(a.digits), a.gradients ? &gradient : nullptr,
                "F(X): " + std::to_string(net.arch.parameter_count()) + " weights and biases"}),
        a.output);
    return;
  }
  visual::GraphOptions options{static_cast<int>(a.digits), true, a.limit, a.full, ""};
  options.group_limit = 6;  // wider layers are drawn collapsed (one node per neuron)
  if (!a.expand.empty()) {
    if (a.full) throw UsageError("give --full or --expand, not both");
    options.node_limit = 0;  // one node per group, but for those named
    options.expand = a.expand;
  }
  visual::Drawing d;
  try {
    d = visual::point_cost_drawing(net, data, static_cast<int>(a.point),
                                   a.fine ? Granularity::fine : Granularity::fused, options);
  } catch (const std::invalid_argument& e) {
    throw UsageError(std::string("--") + e.what());
  }
  render_checked(d, a.output);
  if (!a.expand.empty())
    std::printf(
        "note: drew one node per group but those opened by --expand (use --full for all)\n");
  else if (d.collapsed)
    std::printf("note: %s: drew one node per group (use --full for all)\n",
                d.collapsed_because.c_str());
}

// What to draw: the network's one-point cost, or a program.
void draw(const GraphArgs& a) {
  if (a.network) {
    if (!a.program.empty() || !a.file.empty())
      throw UsageError("give either --network or a program, not both");
    draw_network_cost(a);
  } else if (!a.program.empty() || !a.file.empty()) {
    if (!a.expand.empty())
      throw UsageError("--expand opens a group of the network's graph: use it with --network");
    draw_program(a.program, a.file, a.at, a.output, static_cast<int>(a.digits), a.limit, a.full);
  } else {
    throw UsageError("nothing to draw: give a program, -f FILE, or --network");
  }
}

}  // namespace

void add_graph_command(CLI::App& app) {
  auto a = std::make_shared<GraphArgs>();
  auto* cmd = app.add_subcommand(
      "graph", "Draw a computation graph with values and gradients, or the network");
  cmd->add_option("program", a->program, "An expression program to draw (see dlmath eval)");
  cmd->add_option("-f,--file", a->file, "Read the program from a file ('-' for standard input)");
  cmd->add_option("--at", a->at, "Input values NAME=VALUE[,NAME=VALUE...] for a program");
  cmd->add_flag("--network", a->network, "Draw the network's one-point cost instead of a program");
  cmd->add_option("--view", a->view, "graph (every node) or network (neurons and weights)")
      ->check(CLI::IsMember({"graph", "network"}))
      ->capture_default_str();
  cmd->add_option("--data", a->data, "higham10, higham11 or a CSV file")->capture_default_str();
  add_whole_option(*cmd, "--point", a->point, "Which point's cost (1-based)", 1, 1'000'000'000);
  add_network_options(*cmd, a->choice, true);
  cmd->add_flag("--fine", a->fine,
                "One node per multiply and add instead of one affine node per neuron");
  cmd->add_flag("--gradients", a->gradients,
                "Network view: size and label edges by the cost's gradient");
  add_whole_option(*cmd, "--digits", a->digits, "Significant digits of values and gradients", 1,
                   60);
  add_whole_option(*cmd, "--limit", a->limit, "Above this many nodes, draw one node per group", 1,
                   limits::max_drawn_nodes);
  cmd->add_flag("--full", a->full, "Draw every node, however many");
  cmd->add_option("--expand", a->expand,
                  "Draw one node per neuron, but open these groups (\"neuron 3.2\", \"layer 3\")")
      ->type_name("GROUP");
  cmd->add_option("-o,--output", a->output, "The picture: .dot, .svg, .png or .pdf")->required();
  cmd->callback([a] {
    // The path is checked first; if the work then fails, a file the check made is removed.
    const bool existed = std::filesystem::exists(a->output);
    try {
      visual::check_graph_path(a->output);
    } catch (const std::exception& e) {
      throw UsageError(e.what());
    }
    try {
      draw(*a);
    } catch (...) {
      std::error_code ignored;
      if (!existed) std::filesystem::remove(a->output, ignored);
      throw;
    }
    std::printf("wrote %s\n", a->output.c_str());
  });
}

}  // namespace dlmath::cli
