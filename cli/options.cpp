#include "cli/options.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "network/csv.hpp"
#include "network/parameters_json.hpp"

namespace dlmath::cli {

Dataset parse_data(const std::string& name) {
  if (auto d = builtin_dataset(name)) return *d;
  const bool looks_like_file =
      name.find('/') != std::string::npos || name.find('.') != std::string::npos;
  if (!looks_like_file)
    throw UsageError("--data: unknown data set '" + name +
                     "' (built in: higham10, higham11; or a CSV file)");
  try {
    return load_csv(name);
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
}

std::vector<int> parse_layers(const std::string& text) {
  std::vector<int> sizes;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) {
    std::size_t used = 0;
    int n = 0;
    try {
      n = std::stoi(item, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used == 0 || used != item.size())
      throw UsageError("--layers: '" + text + "': '" + item +
                       "' is not a whole number (expected e.g. 2,2,3,2)");
    sizes.push_back(n);
  }
  if (!text.empty() && text.back() == ',')
    throw UsageError("--layers: '" + text + "' ends with a comma");
  try {
    Architecture check(sizes);
  } catch (const std::invalid_argument& e) {
    throw UsageError("--layers: '" + text + "': " + e.what());
  }
  return sizes;
}

std::vector<Activation> parse_activations(const std::string& text, int layers) {
  std::vector<Activation> out;
  std::stringstream in(text);
  for (std::string name; std::getline(in, name, ',');) {
    const auto a = activation_from_string(name);
    if (!a)
      throw UsageError("--activation: unknown activation '" + name +
                       "' (sigmoid, tanh, relu, linear)");
    out.push_back(*a);
  }
  if (out.size() == 1) out.assign(layers - 1, out.front());
  if (static_cast<int>(out.size()) != layers - 1)
    throw UsageError("--activation: '" + text + "' names " + std::to_string(out.size()) +
                     " activations; give one, or one per layer from 2 (" +
                     std::to_string(layers - 1) + ")");
  return out;
}

Precision parse_precision(const std::string& text, bool allow_float) {
  if (text == "double") return Precision::float64;
  if (text == "50") return Precision::digits50;
  if (text == "100") return Precision::digits100;
  if (allow_float && text == "float") return Precision::float32;
  throw UsageError("--precision: '" + text + "' is not one of " + (allow_float ? "float, " : "") +
                   "double, 50, 100");
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError(path + ": cannot open the file");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void add_network_options(CLI::App& cmd, NetworkChoice& c, bool with_load) {
  cmd.add_option("--layers", c.layers, "Layer sizes, input first")->capture_default_str();
  cmd.add_option("--activation", c.activation,
                 "sigmoid, tanh, relu or linear; or one per layer from 2: tanh,tanh,sigmoid")
      ->capture_default_str();
  auto* seed = cmd.add_option("--seed", c.seed, "Seed of the initial weights, 0.5 N(0,1)")
                   ->capture_default_str();
  if (with_load)
    cmd.add_option("--load", c.load, "Read the parameters from a JSON file")->excludes(seed);
}

template <class T>
Network<T> choose_network(const NetworkChoice& c, const Dataset& data) {
  Network<T> net;
  if (!c.load.empty()) {
    try {
      net = parameters_from_json<T>(read_file(c.load), c.load);
    } catch (const std::invalid_argument& e) {
      throw UsageError(e.what());
    }
  } else {
    Architecture arch(parse_layers(c.layers));
    arch.activations = parse_activations(c.activation, arch.layers());
    net = initial_network<T>(arch, c.seed);
  }
  const auto where = c.load.empty() ? std::string("--layers") : c.load;
  if (net.arch.inputs() != data.dimension())
    throw UsageError(where + ": the first layer has " + std::to_string(net.arch.inputs()) +
                     " neurons but the data (" + data.name + ") has " +
                     std::to_string(data.dimension()) + " features");
  const int outputs_needed = data.classes() == 2 && net.arch.outputs() == 1 ? 1 : data.classes();
  if (net.arch.outputs() != outputs_needed)
    throw UsageError(where + ": the last layer has " + std::to_string(net.arch.outputs()) +
                     " neurons but the data (" + data.name + ") has " +
                     std::to_string(data.classes()) + " categories");
  return net;
}

std::optional<TrainedOn> recorded_run(const NetworkChoice& c) {
  if (c.load.empty()) return std::nullopt;
  try {
    return trained_on_from_json(read_file(c.load), c.load);
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
}

Dataset choose_data(const std::string& data, const NetworkChoice& c) {
  const auto run = recorded_run(c);
  if (!data.empty()) {
    Dataset d = parse_data(data);
    const std::string used = d.path.empty() ? d.name : std::filesystem::absolute(d.path).string();
    if (run && run->data != used)
      std::fprintf(stderr, "note: %s was trained on %s; using %s (--data)\n", c.load.c_str(),
                   run->data.c_str(), d.name.c_str());
    return d;
  }
  if (!run) return higham10();
  if (!run->csv()) {
    if (auto d = builtin_dataset(run->data)) return *d;
    throw UsageError(c.load + ": records the data set '" + run->data +
                     "', which is not built in; give --data");
  }
  if (!std::filesystem::exists(run->data))
    throw UsageError(c.load + ": the network was trained on " + run->data +
                     ", which is missing; give --data FILE to use other data");
  Dataset d = parse_data(run->data);
  if (d.sha256 != run->sha256)
    throw UsageError(c.load + ": " + run->data +
                     " has changed since the network was trained on it (SHA-256 " +
                     run->sha256.substr(0, 12) + "... then, " + d.sha256.substr(0, 12) +
                     "... now); give --data " + run->data + " to use it as it is now");
  return d;
}

void add_training_options(CLI::App& cmd, TrainingChoice& c) {
  cmd.add_option("--method", c.method,
                 "sgd (one random point per step), gd (all points) or minibatch")
      ->check(CLI::IsMember({"sgd", "gd", "minibatch"}))
      ->capture_default_str();
  cmd.add_option("--batch", c.batch, "Points per minibatch step")->capture_default_str();
  cmd.add_option("--eta", c.eta, "Learning rate")->capture_default_str();
  cmd.add_option("--steps", c.steps, "Number of steps")->capture_default_str();
  cmd.add_option("--cost", c.cost, "mse (the article's 1/2 squared error) or cross-entropy")
      ->check(CLI::IsMember({"mse", "cross-entropy"}))
      ->capture_default_str();
  cmd.add_option("--precision", c.precision, "double, 50 or 100 (digits)")->capture_default_str();
}

TrainOptions training_options(const TrainingChoice& c, std::uint64_t seed) {
  double eta = 0;
  try {
    eta = from_decimal<double>(c.eta);
  } catch (const std::invalid_argument&) {
    throw UsageError("--eta: '" + c.eta + "' is not a number");
  }
  if (!(eta > 0)) throw UsageError("--eta: the learning rate must be positive, not " + c.eta);
  if (c.steps < 0) throw UsageError("--steps: must be 0 or more, not " + std::to_string(c.steps));
  if (c.batch < 1) throw UsageError("--batch: must be 1 or more, not " + std::to_string(c.batch));
  TrainOptions o;
  o.method = method_from_string(c.method).value_or(Method::sgd);  // CLI11 checked the name
  o.batch = c.batch;
  o.eta = c.eta;
  o.steps = c.steps;
  o.seed = point_stream_seed(seed);
  o.cost = cost_kind(c.cost);
  return o;
}

template Network<float> choose_network<float>(const NetworkChoice&, const Dataset&);
template Network<double> choose_network<double>(const NetworkChoice&, const Dataset&);
template Network<float50> choose_network<float50>(const NetworkChoice&, const Dataset&);
template Network<float100> choose_network<float100>(const NetworkChoice&, const Dataset&);

}  // namespace dlmath::cli
