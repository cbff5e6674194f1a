// Options several commands share: the data set, the layers, the activation, the precision,
// the network's parameters. Each parser turns text into a value or throws UsageError.
#pragma once

#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "engine/decimal.hpp"
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
// A regular file of at most limits::max_file_bytes (devices and FIFOs are refused).
std::string read_file(const std::string& path);
// Standard input, up to the same limit.
std::string read_stdin();
// The next line of `in` (without its '\n') into `line`; false at the end of input. A line longer
// than limits::max_file_bytes (a stream with no line ends, /dev/zero) or holding a zero byte (not
// text: a picture, a binary) is an error naming `where` and the line's number.
bool read_text_line(std::istream& in, std::string& line, const std::string& where, int number);
// Writes `text` to `path`; any failure (a full disk, /dev/full, a missing directory) is an error
// naming `what` (the option) and the path, never a silent loss.
void write_file(const std::string& path, const std::string& text, const std::string& what);
// Before long work: refuses a path whose directory does not exist or cannot be written.
void check_writable(const std::string& path, const std::string& what);

// A whole-number option read by the one strict reader: CLI11 alone reads integers in base 0
// (0100 is 64, 0x10 is 16) and lets -1 wrap. Values outside [min, max] are errors (exit 2).
template <class I>
CLI::Option* add_whole_option(CLI::App& cmd, const std::string& name, I& value,
                              const std::string& help, std::uint64_t min, std::uint64_t max) {
  auto* option = cmd.add_option_function<std::string>(
      name,
      [&value, name, min, max](const std::string& text) {
        std::uint64_t n = 0;
        try {
          n = whole_from_text(text, name, max);
        } catch (const std::invalid_argument& e) {
          throw CLI::ValidationError(e.what());
        }
        if (n < min)
          throw CLI::ValidationError(name + ": '" + text + "' is too small (at least " +
                                     std::to_string(min) + ")");
        value = static_cast<I>(n);
      },
      help);
  option->default_str(std::to_string(value))->type_name("N");
  return option;
}

// The network a command works on: from --load FILE.json, or drawn from --seed; its first and
// last layers must fit the data.
struct NetworkChoice {
  std::string layers = "2,2,3,2";
  std::string activation{default_activation.name};
  std::string load;  // a parameter file, or empty
  std::uint64_t seed = 1;
};
void add_network_options(CLI::App& cmd, NetworkChoice& choice, bool with_load);

// --eta: a positive decimal (checked in double; training reads it again at its precision).
void check_eta(const std::string& text);

// Refuses, before training starts, a minibatch larger than the data, and a run whose work
// (points evaluated times the nodes of one point's graph) is beyond limits::
// work_without_explicit_steps when --steps was not given explicitly.
void check_training_size(const Dataset& data, const NetworkChoice& network,
                         const std::string& method, std::uint64_t batch, std::uint64_t steps,
                         bool explicit_steps);

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
  std::uint64_t batch = 4, steps = 1'000'000;
  OptimizerChoice optimizer;
  const CLI::Option* steps_option = nullptr;  // set by add_training_options
  // Options that hold for one method or one optimizer only: given for another, they would do
  // nothing, so they are refused ("--batch: only with --method minibatch (this run is gd)").
  struct Narrow {
    std::string name;            // "batch", "momentum"
    const CLI::Option* option;   // given or not
    std::string chooser, needs;  // "--method", "minibatch"
    const std::string* chosen;   // what the run chose (a member of this choice)
    std::string run;             // "this run is", "this run uses"
  };
  std::vector<Narrow> narrow_options;
  // Whether --steps was given: the work limit holds only for the default.
  bool explicit_steps() const { return steps_option && steps_option->count() > 0; }
};
void add_training_options(CLI::App& cmd, TrainingChoice& c);
// Checks the values (UsageError naming the option) and turns them into the trainer's options;
// the points are drawn from a stream seeded by the weights' seed, as `dlmath train` does.
TrainOptions training_options(const TrainingChoice& c, std::uint64_t seed);
// A run whose cost stopped being a finite number: the error train and plot both give (exit 2:
// the step size asked for, not the program, is at fault).
[[noreturn]] void throw_diverged(long step);
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
