// The article's figures as plots (PLplot, cairo drivers): plain numbers in, a file out.
// The format follows the file's extension: .png, .svg or .pdf.
#pragma once

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

// A point of a two-feature data set: category 0 (A) is drawn as a circle, 1 (B) as a cross.
struct LabelledPoint {
  double x1 = 0, x2 = 0;
  int category = 0;
};

// Throws if `path` has no known picture extension or cannot be written: a check to make before
// a long computation whose result is to be drawn.
void check_picture_path(const std::string& path);

// Runs `draw` (a plot function below, called with a path ending in .svg) with its output kept in
// memory: returns the SVG text; no file is read or written. One plot at a time (PLplot keeps
// global state), so concurrent callers wait for each other.
std::string plot_svg(const std::function<void(const std::string&)>& draw);

// Line plot of one or more curves, with a legend when they carry labels.
void plot_curves(const std::string& path, const std::vector<Curve>& curves, const PlotStyle& style);

// The points on the unit square: circles for category A, crosses for B (the paper's Figure 1).
void plot_data(const std::string& path, const std::vector<LabelledPoint>& points,
               const std::string& title);

// The regions a classifier gives the unit square: `score(x1, x2) > 0` means category A.
// Shaded by sign on a grid, the boundary score = 0 drawn as a curve, the points on top.
void plot_boundary(const std::string& path, const std::function<double(double, double)>& score,
                   const std::vector<LabelledPoint>& points, const std::string& title);

// The cost against the step, on a logarithmic cost axis.
void plot_history(const std::string& path, const std::vector<double>& steps,
                  const std::vector<double>& cost, const std::string& title,
                  const std::string& cost_label = "cost");

// sigma(x) = 1/(1 + e^-x) on [-10, 10].
void plot_sigmoid(const std::string& path);

// sigma(ax + b) for several a (steepness) and b (shift).
void plot_scaled_sigmoids(const std::string& path);

}  // namespace dlmath::visual
