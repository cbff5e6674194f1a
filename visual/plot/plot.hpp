// The article's figures as plots (PLplot, cairo drivers): plain numbers in, a file out.
// The format follows the file's extension: .png, .svg or .pdf.
// Each plot returns a description of what it drew (ranges, labels, legend, counts), so that tests
// and `dlmath plot --json` can check a picture against the numbers without looking at pixels.
#pragma once

#include <array>
#include <functional>
#include <string>
#include <vector>

namespace dlmath::visual {

struct Curve {
  std::vector<double> x, y;
  std::string label;
};

struct PlotStyle {
  std::string title, xlabel = "x", ylabel = "y";
  bool log_y = false;
};

// A point of a two-feature data set in category 0, 1, 2, ...
struct LabelledPoint {
  double x1 = 0, x2 = 0;
  int category = 0;
};

// Points with their class names (one per category, for the legend) and axis names.
struct Scatter {
  std::vector<LabelledPoint> points;
  std::vector<std::string> class_names;
  std::string xlabel = "x1", ylabel = "x2";
};

// What a plot shows, read back by tests and printed by `dlmath plot --json`.
struct PlotDescription {
  std::string file, title, xlabel, ylabel;
  double x_min = 0, x_max = 0, y_min = 0, y_max = 0;  // the axes' ranges (log10 for a log axis)
  bool log_y = false;
  std::vector<std::string> legend;
  std::vector<std::string> classes;  // scatter: the class names, in category order
  std::vector<int> class_counts;     // points drawn per class (marker and colour of that class)
  std::vector<long> region_cells;    // boundary: grid cells shaded as each class
  std::vector<int> point_regions;    // boundary: the region (class) under each data point
  std::vector<double> marks;         // history: steps marked by vertical lines
  std::vector<std::string> x_ticks, y_ticks;  // scatter: the ticks' labels, left to right
};

// Throws if `path` has no known picture extension or cannot be written: a check to make before
// a long computation whose result is to be drawn.
void check_picture_path(const std::string& path);

// Runs `draw` (a plot function below, called with a path ending in .svg) with its output kept in
// memory: returns the SVG text; no file is read or written. One plot at a time (PLplot keeps
// global state), so concurrent callers wait for each other.
std::string plot_svg(const std::function<void(const std::string&)>& draw);

// Line plot of one or more curves, with a legend when they carry labels.
PlotDescription plot_curves(const std::string& path, const std::vector<Curve>& curves,
                            const PlotStyle& style);

// The axes' ranges for points: the unit square when they lie in it (the article's data),
// otherwise the data's extent with a margin. Throws std::invalid_argument for points too far
// apart or too close together for PLplot to draw, naming the axes x1 and x2 as given.
struct Range {
  double x0 = 0, x1 = 1, y0 = 0, y1 = 1;
};
Range range_of(const std::vector<LabelledPoint>& points, const std::string& x1 = "x1",
               const std::string& x2 = "x2");

// How category k looks in every picture of points: its markers' colour (RGB), its region's (the
// same mixed with white), and its marker as strokes in units of the marker's half-width, centred
// on the point. Colours cycle after 10 categories, markers after 7.
struct ClassLook {
  std::array<int, 3> colour{}, region{};
  std::vector<std::vector<std::pair<double, double>>> marker;
};
ClassLook class_look(int k);

// The points, one marker and colour per class, with a legend naming the classes.
PlotDescription plot_data(const std::string& path, const Scatter& data, const std::string& title);

// Class scores at a point: scores(x1, x2, s) fills s with one score per class; the point's class
// is the one with the largest score (the first on ties).
using ClassScores = std::function<void(double, double, std::vector<double>&)>;

// The regions a classifier gives the plane over the data's range: each shaded in its class's
// colour, the boundaries between them drawn as curves, the points on top.
PlotDescription plot_boundary(const std::string& path, const ClassScores& scores, int classes,
                              const Scatter& data, const std::string& title);

// The cost against the step, on a logarithmic cost axis; `marks` (steps) as vertical lines.
PlotDescription plot_history(const std::string& path, const std::vector<double>& steps,
                             const std::vector<double>& cost, const std::string& title,
                             const std::string& cost_label = "cost",
                             const std::vector<double>& marks = {});

// sigma(x) = 1/(1 + e^-x) on [-10, 10].
PlotDescription plot_sigmoid(const std::string& path);

// sigma(ax + b) for several a (steepness) and b (shift).
PlotDescription plot_scaled_sigmoids(const std::string& path);

}  // namespace dlmath::visual
