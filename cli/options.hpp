// Options several commands share: the data set, the layers, the activation, the precision,
// the network's parameters. Each parser turns text into a value or throws UsageError.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "engine/multiprecision.hpp"
#include "network/architecture.hpp"
#include "network/dataset.hpp"
#include "network/network.hpp"
#include "network/parameters_json.hpp"
#include "network/train.hpp"

namespace dlmath::cli {

enum class Precision { float32, float64, digits50, digits100 };

// "higham10", "higham11" or a CSV file.
Dataset parse_data(const std::string& name);
// The help text of --data for commands that also take --load.
inline constexpr const char* data_help_with_load =
    "higham10, higham11 or a CSV file (default: the data a --load file was trained on, else "
    "higham10)";
// "2,2,3,2"
std::vector<int> parse_layers(const std::string& text);
// "sigmoid" for every layer, or one per layer from 2: "tanh,tanh,sigmoid".
std::vector<Activation> parse_activations(const std::string& text, int layers);
// "double", "50", "100" (and "float" where a command allows it)
Precision parse_precision(const std::string& text, bool allow_float = false);
std::string read_file(const std::string& path);

// The network a command works on: from --load FILE.json, or drawn from --seed; its first and
// last layers must fit the data.
struct NetworkChoice {
  std::string layers = "2,2,3,2";
  std::string activation = "sigmoid";
  std::string load;  // a parameter file, or empty
  std::uint64_t seed = 1;
};
void add_network_options(CLI::App& cmd, NetworkChoice& choice, bool with_load);

template <class T>
Network<T> choose_network(const NetworkChoice& c, const Dataset& data);

// What the --load file records about its training (nothing without --load or for an old file).
std::optional<TrainedOn> recorded_run(const NetworkChoice& c);
// The data a command works on: `data` (the --data option) when given; else the data set the
// --load file records, refused with a clear message when that CSV is missing or has changed;
// else higham10.
Dataset choose_data(const std::string& data, const NetworkChoice& c);

// The training options `train` and `plot` share: one struct, one list of flags.
struct TrainingChoice {
  std::string method = "sgd", eta = "0.05", cost = "mse", precision = "double";
  int batch = 4;
  long steps = 1'000'000;
};
void add_training_options(CLI::App& cmd, TrainingChoice& c);
// Checks the values (UsageError naming the option) and turns them into the trainer's options;
// the points are drawn from a stream seeded by the weights' seed, as `dlmath train` does.
TrainOptions training_options(const TrainingChoice& c, std::uint64_t seed);
inline CostKind cost_kind(const std::string& name) {
  return name == "cross-entropy" ? CostKind::cross_entropy : CostKind::half_squared_error;
}

// Calls f.template operator()<T>() with T the scalar type the precision names.
template <class F>
auto with_precision(Precision p, F&& f) {
  switch (p) {
    case Precision::float32:
      return f.template operator()<float>();
    case Precision::digits50:
      return f.template operator()<float50>();
    case Precision::digits100:
      return f.template operator()<float100>();
    default:
      return f.template operator()<double>();
  }
}

inline std::string precision_name(Precision p) {
  switch (p) {
    case Precision::float32:
      return "float";
    case Precision::digits50:
      return "50 digits";
    case Precision::digits100:
      return "100 digits";
    default:
      return "double";
  }
}

}  // namespace dlmath::cli
