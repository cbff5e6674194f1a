// The drawing of train --snapshots (cli/train_snapshots.hpp), in the full program only.
#include "cli/train_snapshots.hpp"

#include "visual/figures.hpp"

namespace dlmath::cli {

const SnapshotPlotter snapshot_plotter{
    [](const std::string& file, const Dataset& data) {
      visual::data_range(data);
      visual::check_picture_path(file);
    },
    [](const std::string& file, const Network<double>& net, const Dataset& data,
       const std::string& caption) {
      visual::plot_decision_boundary(file, net, data, visual::data_title(data) + ": " + caption);
    }};

}  // namespace dlmath::cli
