// train --snapshots draws with PLplot, which the light program (cli/dlmath.cpp) leaves out so as
// to start fast: the drawing is behind this pair, which the full program gives to
// add_train_command (cli/dlmath_full.cpp) and the light one does not.
#pragma once

#include <string>

#include "network/dataset.hpp"
#include "network/network.hpp"

namespace dlmath::cli {

struct SnapshotPlotter {
  // Throws if the data's points cannot be drawn (too far apart, say), or no picture can be
  // written at this path (an extension we do not draw, say): checked before training starts.
  void (*check)(const std::string& file, const Dataset& data);
  // The decision regions of `net` over `data`, titled with the data set and `caption`.
  void (*plot)(const std::string& file, const Network<double>& net, const Dataset& data,
               const std::string& caption);
};

extern const SnapshotPlotter snapshot_plotter;  // cli/train_snapshots.cpp

}  // namespace dlmath::cli
