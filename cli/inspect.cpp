// dlmath inspect: every parameter's partial derivative of the cost, by autodiff and by
// central differences, side by side.
#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/limits.hpp"
#include "cli/options.hpp"
#include "network/evaluate.hpp"
#include "ops/gradient_check.hpp"

namespace dlmath::cli {

namespace {

struct InspectArgs {
  std::string data, precision = "double";  // data: empty for the --load file's, else higham10
  NetworkChoice network;
  bool json = false;
};

template <class T>
void run(const InspectArgs& a, const Dataset& data, Precision precision) {
  const Network<T> net = choose_network<T>(a.network, data);
  // Two costs over the data per parameter, each a sweep over one point's graph per point.
  const double n_theta = net.arch.parameter_count();
  const double work = 2 * n_theta * data.size() * (n_theta + 10);
  if (work > limits::max_inspect_work)
    throw UsageError(
        "inspect: central differences of " + std::to_string(static_cast<long long>(n_theta)) +
        " parameters over " + std::to_string(data.size()) + " points would evaluate about " +
        std::to_string(static_cast<long long>(work)) + " graph nodes, more than the limit of " +
        std::to_string(static_cast<long long>(limits::max_inspect_work)));
  // A saved network is inspected under the cost it was trained with.
  const auto run = recorded_run(a.network);
  const CostKind kind = run ? cost_kind(run->cost) : CostKind::half_squared_error;
  const bool mse = kind == CostKind::half_squared_error;
  PointCost<T> C(net, Granularity::fused, kind);
  const Points<T> points(data, net.arch.outputs());
  std::vector<T> gradient;
  const T cost = dataset_cost(C, points, &gradient);
  // Autodiff beside central differences, one parameter at a time (ops/gradient_check.hpp).
  const int n = net.arch.parameter_count();
  std::vector<T> theta = net.theta;
  const GradientCheck<T> check =
      check_gradient(net.theta, gradient, cost, [&](std::size_t k, const T& v) {
        theta[k] = v;
        C.set_theta(theta);
        return dataset_cost(C, points);
      });
  std::vector<T> fd(n), step(n), rel(n);
  for (int k = 0; k < n; ++k) {
    fd[k] = check.partials[k].finite_difference;
    step[k] = check.partials[k].step;
    rel[k] = check.partials[k].relative_difference;
  }
  const auto names = net.arch.parameter_names();
  if (a.json) {
    nlohmann::ordered_json j;
    j["cost"] = to_decimal(cost);
    j["cost_kind"] = mse ? "mse" : "cross-entropy";
    j["data"] = data.path.empty() ? data.name : data.path;
    if (!data.sha256.empty()) j["data_sha256"] = data.sha256;
    j["points"] = data.size();
    j["precision"] = precision_name(precision);
    j["parameters"] = nlohmann::ordered_json::array();
    for (int k = 0; k < n; ++k)
      j["parameters"].push_back({{"name", names[k]},
                                 {"value", to_decimal(net.theta[k])},
                                 {"gradient", to_decimal(gradient[k])},
                                 {"finite_difference", to_decimal(fd[k])},
                                 {"step", to_decimal(step[k], 3)},
                                 {"relative_difference", to_decimal(rel[k], 3)}});
    std::printf("%s\n", j.dump(2).c_str());
    return;
  }
  const int digits = precision == Precision::float64 ? 17 : 22;  // enough to see where they part
  std::printf("cost C = %s over %s (%d points) = %s   [%s]\n",
              mse ? "(1/N) sum 1/2 ||y - F(x)||^2" : "cross-entropy", data.name.c_str(),
              data.size(), to_decimal(cost, digits).c_str(), precision_name(precision).c_str());
  std::printf(
      "dC/dp by autodiff (reverse sweep) and by central differences (C(p+h) - C(p-h)) / 2h\n");
  const int w = digits + 8;
  for (int l = 2; l <= net.arch.layers(); ++l) {
    std::printf("\nlayer %d: W%d is %dx%d, b%d has %d entries, activation %s\n", l, l,
                net.arch.size(l), net.arch.size(l - 1), l, net.arch.size(l),
                std::string(net.arch.activation(l).name).c_str());
    std::printf("  %-9s %11s  %*s  %*s  %8s  %8s\n", "parameter", "value", w, "autodiff", w,
                "finite difference", "h", "rel diff");
    const int first = net.arch.weight_offset(l),
              last = l < net.arch.layers() ? net.arch.weight_offset(l + 1) : n;
    for (int k = first; k < last; ++k)
      std::printf("  %-9s %11.6f  %*s  %*s  %8.1e  %8.1e\n", names[k].c_str(),
                  static_cast<double>(net.theta[k]), w, to_decimal(gradient[k], digits).c_str(), w,
                  to_decimal(fd[k], digits).c_str(), static_cast<double>(step[k]),
                  static_cast<double>(rel[k]));
  }
  T worst = 0;
  for (const T& r : rel) worst = r > worst ? r : worst;
  std::printf(
      "\nlargest relative difference %.1e: the finite differences carry truncation and rounding "
      "error,\n"
      "autodiff only rounding.\n",
      static_cast<double>(worst));
}

}  // namespace

void add_inspect_command(CLI::App& app) {
  auto a = std::make_shared<InspectArgs>();
  auto* cmd = app.add_subcommand(
      "inspect", "Every parameter's gradient by autodiff beside central differences");
  cmd->add_option("--data", a->data, data_help_with_load);
  add_network_options(*cmd, a->network, true);
  cmd->add_option("--precision", a->precision, "double, 50 or 100 (digits)")->capture_default_str();
  cmd->add_flag("--json", a->json, "Print one JSON object");
  cmd->callback([a] {
    const Precision p = parse_precision(a->precision);
    const Dataset data = choose_data(a->data, a->network);
    with_precision(p, [&]<class T>() { run<T>(*a, data, p); });
  });
}

}  // namespace dlmath::cli
