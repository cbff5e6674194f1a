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

namespace dlmath::cli {

enum class Precision { float32, float64, digits50, digits100 };

// "higham10", "higham11" or a CSV file.
Dataset parse_data(const std::string& name);
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
