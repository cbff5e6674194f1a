#include "cli/options.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <tuple>

#include "cli/limits.hpp"
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
  read_file(name);  // a regular file within the size limit, before the CSV reader opens it
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
    try {
      sizes.push_back(static_cast<int>(whole_from_text(item, "--layers", 1'000'000)));
    } catch (const std::invalid_argument& e) {
      throw UsageError(std::string(e.what()) + " (expected e.g. 2,2,3,2)");
    }
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
    const auto a = find_activation(name);
    if (!a)
      throw UsageError("--activation: unknown activation '" + name + "' (" + activation_names() +
                       ")");
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
  namespace fs = std::filesystem;
  std::error_code error;
  const fs::file_status status = fs::status(path, error);
  if (error || !fs::exists(status)) throw UsageError(path + ": no such file");
  // A device or FIFO (/dev/zero, a pipe) could be read forever: only regular files.
  if (!fs::is_regular_file(status)) throw UsageError(path + ": not a regular file");
  const auto size = fs::file_size(path, error);
  if (error) throw UsageError(path + ": cannot read the file");
  if (size > limits::max_file_bytes)
    throw UsageError(path + ": " + std::to_string(size) + " bytes is more than the limit of " +
                     std::to_string(limits::max_file_bytes) + " bytes");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError(path + ": cannot open the file");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

bool read_text_line(std::istream& in, std::string& line, const std::string& where, int number) {
  line.clear();
  std::streambuf* buffer = in.rdbuf();
  for (int c; (c = buffer->sbumpc()) != std::char_traits<char>::eof();) {
    if (c == '\n') return true;
    if (c == '\0')
      throw UsageError(where + ":" + std::to_string(number) +
                       ": a zero byte: this is not a text file");
    if (line.size() == limits::max_file_bytes)
      throw UsageError(where + ":" + std::to_string(number) + ": a line of more than " +
                       std::to_string(limits::max_file_bytes) + " bytes");
    line.push_back(static_cast<char>(c));
  }
  return !line.empty();
}

std::string read_stdin() {
  std::string text;
  char buffer[1 << 16];
  while (std::cin.read(buffer, sizeof buffer) || std::cin.gcount() > 0) {
    text.append(buffer, static_cast<std::size_t>(std::cin.gcount()));
    if (text.size() > limits::max_file_bytes)
      throw UsageError("standard input: more than the limit of " +
                       std::to_string(limits::max_file_bytes) + " bytes");
  }
  return text;
}

void write_file(const std::string& path, const std::string& text, const std::string& what) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) throw UsageError(what + ": cannot write '" + path + "': " + std::strerror(errno));
  const bool written = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  const int saved = errno;
  const bool closed = std::fclose(f) == 0;
  if (!written || !closed)
    throw UsageError(what + ": writing '" + path +
                     "' failed: " + std::strerror(written ? errno : saved));
}

void check_writable(const std::string& path, const std::string& what) {
  namespace fs = std::filesystem;
  std::error_code error;
  if (fs::is_directory(path, error)) throw UsageError(what + ": '" + path + "' is a directory");
  fs::path dir = fs::path(path).parent_path();
  if (dir.empty()) dir = ".";
  if (!fs::is_directory(dir, error))
    throw UsageError(what + ": cannot write '" + path + "': no directory " + dir.string());
  if (::access(dir.c_str(), W_OK) != 0 &&
      !(fs::exists(path, error) && ::access(path.c_str(), W_OK) == 0))
    throw UsageError(what + ": cannot write '" + path + "': " + std::strerror(errno));
}

void add_network_options(CLI::App& cmd, NetworkChoice& c, bool with_load) {
  cmd.add_option("--layers", c.layers, "Layer sizes, input first")->capture_default_str();
  cmd.add_option("--activation", c.activation,
                 activation_names() + "; or one per layer from 2: tanh,tanh,sigmoid")
      ->capture_default_str();
  auto* seed = add_whole_option(cmd, "--seed", c.seed, "Seed of the initial weights, 0.5 N(0,1)", 0,
                                UINT64_MAX);
  if (with_load)
    cmd.add_option("--load", c.load, "Read the parameters from a JSON file")->excludes(seed);
}

void check_eta(const std::string& text) {
  double eta = 0;
  try {
    eta = from_decimal<double>(text);
  } catch (const std::invalid_argument& e) {
    throw UsageError(std::string("--eta: ") + e.what());
  }
  if (!(eta > 0)) throw UsageError("--eta: the learning rate must be positive, not " + text);
}

void check_training_size(const Dataset& data, const NetworkChoice& network,
                         const std::string& method, std::uint64_t batch, std::uint64_t steps,
                         bool explicit_steps) {
  const auto n = static_cast<std::uint64_t>(data.size());
  if (method == "minibatch" && batch > n)
    throw UsageError("--batch: " + std::to_string(batch) + " is more than the " +
                     std::to_string(n) + " points of " + data.name);
  if (!network.load.empty()) return;  // a loaded network was checked by its own limits
  const Architecture arch(parse_layers(network.layers));
  double neurons = 0;
  for (int l = 2; l <= arch.layers(); ++l) neurons += arch.size(l);
  // One point's graph: a node per weight and bias, a few per neuron, a few per output.
  const double nodes = static_cast<double>(arch.parameter_count()) + 3 * neurons + 10;
  const double per_step = method == "gd" ? double(n) : method == "minibatch" ? double(batch) : 1;
  const double work = double(steps) * per_step * nodes;
  if (!explicit_steps && work > limits::work_without_explicit_steps) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2g", work);
    throw UsageError(std::string("this run would evaluate about ") + buf +
                     " graph nodes (default --steps " + std::to_string(steps) +
                     " on this network and data); give --steps explicitly to run it anyway");
  }
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
  const auto count = [](std::size_t n, const std::string& one, const std::string& many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  if (net.arch.inputs() != data.dimension())
    throw UsageError(where + ": the first layer has " +
                     count(net.arch.inputs(), "neuron", "neurons") + " but the data (" + data.name +
                     ") has " + count(data.dimension(), "feature", "features"));
  const int outputs_needed = data.classes() == 2 && net.arch.outputs() == 1 ? 1 : data.classes();
  if (net.arch.outputs() != outputs_needed)
    throw UsageError(where + ": the last layer has " +
                     count(net.arch.outputs(), "neuron", "neurons") + " but the data (" +
                     data.name + ") has " + count(data.classes(), "category", "categories"));
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
  c.narrow_options.push_back(
      {"batch",
       add_whole_option(cmd, "--batch", c.batch,
                        "Points per minibatch step (at most the data size)", 1, 1'000'000'000),
       "--method", "minibatch", &c.method, "this run is"});
  cmd.add_option("--eta", c.eta, "Learning rate")->capture_default_str();
  std::vector<std::string> optimizers;
  for (const auto& row : optimizer_table<double>) optimizers.emplace_back(row.name);
  cmd.add_option("--optimizer", c.optimizer.name,
                 "How a step's gradient moves the parameters: " + optimizer_names())
      ->check(CLI::IsMember(optimizers))
      ->capture_default_str();
  for (const OptimizerConstant& k : optimizer_constants) {
    const std::string name(k.name);
    c.narrow_options.push_back(
        {name,
         cmd.add_option("--" + name, c.optimizer.*k.text, std::string(k.help))
             ->capture_default_str(),
         "--optimizer", std::string(k.optimizer), &c.optimizer.name, "this run uses"});
  }
  c.steps_option =
      add_whole_option(cmd, "--steps", c.steps, "Number of steps", 0, limits::max_steps);
  cmd.add_option("--cost", c.cost, "mse (the article's 1/2 squared error) or cross-entropy")
      ->check(CLI::IsMember({"mse", "cross-entropy"}))
      ->capture_default_str();
  cmd.add_option("--precision", c.precision, "double, 50 or 100 (digits)")->capture_default_str();
}

void throw_diverged(long step) {
  throw UsageError("training diverged at step " + std::to_string(step) +
                   ": the cost is no longer a finite number (try a smaller --eta)");
}

// A constant given for an optimizer or a method the run does not use would silently do nothing.
void check_narrow_options(const TrainingChoice& c) {
  for (const auto& n : c.narrow_options)
    if (n.option && n.option->count() > 0 && *n.chosen != n.needs)
      throw UsageError("--" + n.name + ": only with " + n.chooser + " " + n.needs + " (" + n.run +
                       " " + *n.chosen + ")");
}

TrainOptions training_options(const TrainingChoice& c, std::uint64_t seed) {
  check_narrow_options(c);
  check_eta(c.eta);
  try {
    check_optimizer(c.optimizer);
  } catch (const std::invalid_argument& e) {
    throw UsageError(std::string("--") + e.what());
  }
  TrainOptions o;
  o.optimizer = c.optimizer;
  o.method = method_from_string(c.method).value_or(Method::sgd);  // CLI11 checked the name
  o.batch = static_cast<int>(c.batch);
  o.eta = c.eta;
  o.steps = static_cast<long>(c.steps);
  o.seed = point_stream_seed(seed);
  o.cost = cost_kind(c.cost);
  return o;
}

template Network<float> choose_network<float>(const NetworkChoice&, const Dataset&);
template Network<double> choose_network<double>(const NetworkChoice&, const Dataset&);
template Network<float50> choose_network<float50>(const NetworkChoice&, const Dataset&);
template Network<float100> choose_network<float100>(const NetworkChoice&, const Dataset&);

}  // namespace dlmath::cli
