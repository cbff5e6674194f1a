#include "visual/plot/plot.hpp"

#include <plplot/plstream.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <stdexcept>

#include "visual/plot/ticks.hpp"

namespace dlmath::visual {

namespace {

// One row per class: the colour of its markers; its region is the same colour mixed with white.
constexpr int class_colours = 10;
constexpr int class_rgb[class_colours][3] = {
    {31, 119, 180}, {214, 39, 40}, {44, 160, 44},   {148, 103, 189}, {255, 127, 14},
    {23, 190, 207}, {140, 86, 75}, {227, 119, 194}, {127, 127, 127}, {188, 189, 34}};
// The markers, cycled with the colours: circle, cross, triangle, square, diamond, plus, star.
// They are drawn as lines, centred exactly on the point (a font's glyph sits a few pixels off).
constexpr int markers = 7;

}  // namespace

ClassLook class_look(int k) {
  ClassLook look;
  const int* c = class_rgb[k % class_colours];
  auto light = [](int v) { return v + (255 - v) * 3 / 4; };
  for (int i = 0; i < 3; ++i) look.colour[i] = c[i], look.region[i] = light(c[i]);
  auto& m = look.marker;
  switch (k % markers) {
    case 0: {
      constexpr int n = 32;
      m.emplace_back();
      for (int j = 0; j <= n; ++j)
        m.back().emplace_back(std::cos(2 * M_PI * j / n), std::sin(2 * M_PI * j / n));
      break;
    }
    case 1:
      m = {{{-0.8, -0.8}, {0.8, 0.8}}, {{-0.8, 0.8}, {0.8, -0.8}}};
      break;
    case 2:
      m = {{{0, 1}, {-0.87, -0.5}, {0.87, -0.5}, {0, 1}}};
      break;
    case 3:
      m = {{{-0.75, -0.75}, {0.75, -0.75}, {0.75, 0.75}, {-0.75, 0.75}, {-0.75, -0.75}}};
      break;
    case 4:
      m = {{{0, 1}, {1, 0}, {0, -1}, {-1, 0}, {0, 1}}};
      break;
    case 5:
      m = {{{-1, 0}, {1, 0}}, {{0, -1}, {0, 1}}};
      break;
    default:
      m = {{{0, -1}, {0, 1}}, {{-0.87, -0.5}, {0.87, 0.5}}, {{-0.87, 0.5}, {0.87, -0.5}}};
  }
  return look;
}

namespace {

// Colours of cmap0: 0 is the background, 1 the axes and text, then the curves, then one strong
// colour per class (markers) and a light one (its region).
constexpr int background = 0, ink = 1, first_curve = 2, curves = 6, boundary = 8, grey = 9,
              first_class = 10, first_region = first_class + class_colours;
// The page in pixels, the axes' and the legend's viewports (fractions of the page), the size of
// a marker (its half-width in pixels).
constexpr double page_w = 900, page_h = 640, marker_px = 8;
constexpr double axes_x0 = 0.12, axes_x1 = 0.76, axes_y0 = 0.13, axes_y1 = 0.92, legend_x0 = 0.78,
                 legend_x1 = 0.99;

int class_colour(int k) {
  return first_class + k % class_colours;
}
int region_colour(int k) {
  return first_region + k % class_colours;
}

// Draws a marker (class_look's strokes) at (x, y); rx, ry: its half-width in world units along
// each axis.
void draw_marker(plstream& pls, const ClassLook& look, double x, double y, double rx, double ry) {
  for (const auto& stroke : look.marker) {
    std::vector<double> px, py;
    for (auto [u, v] : stroke) px.push_back(x + u * rx), py.push_back(y + v * ry);
    pls.line(static_cast<PLINT>(px.size()), px.data(), py.data());
  }
}

// Set by plot_svg: the plot goes into this text instead of a file.
struct Capture {
  std::string text;
  FILE* file = nullptr;
  bool closed = false;
};
thread_local Capture* capture = nullptr;

FILE* capture_stream(Capture& c) {
  cookie_io_functions_t io{};
  io.write = [](void* cookie, const char* data, size_t size) -> ssize_t {
    static_cast<Capture*>(cookie)->text.append(data, size);
    return static_cast<ssize_t>(size);
  };
  io.close = [](void* cookie) {
    static_cast<Capture*>(cookie)->closed = true;
    return 0;
  };
  return fopencookie(&c, "w", io);
}

std::string device_for(const std::string& path) {
  const std::string ext = std::filesystem::path(path).extension().string();
  if (ext == ".png") return "pngcairo";
  if (ext == ".svg") return "svgcairo";
  if (ext == ".pdf") return "pdfcairo";
  throw std::invalid_argument(path + ": unknown picture format '" + ext +
                              "' (use .png, .svg or .pdf)");
}

// PLplot exits the process when it cannot open its file, so check first.
void check_writable(const std::string& path) {
  std::ofstream probe(path, std::ios::binary | std::ios::app);
  if (!probe) throw std::runtime_error(path + ": cannot write the file");
}

void check_finite(const std::vector<double>& v, const std::string& path, const char* what) {
  if (v.empty()) throw std::invalid_argument(path + ": no " + std::string(what) + " to plot");
  for (double x : v)
    if (!std::isfinite(x))
      throw std::invalid_argument(path + ": the " + std::string(what) + " hold a NaN or infinity");
}

// PLplot reads '#' as the start of an escape; a name from a CSV header is shown as written, except
// that a letter-digits name such as x1 gets its digits as a subscript, as in the article.
std::string plplot_text(const std::string& s) {
  std::string out;
  for (char c : s) out += c == '#' ? std::string("##") : std::string(1, c);
  const auto digits = s.find_first_of("0123456789");
  const bool letters_digits =
      digits != std::string::npos && digits > 0 &&
      std::all_of(s.begin(), s.begin() + digits, [](unsigned char c) { return std::isalpha(c); }) &&
      std::all_of(s.begin() + digits, s.end(), [](unsigned char c) { return std::isdigit(c); });
  return letters_digits ? s.substr(0, digits) + "#d" + s.substr(digits) + "#u" : out;
}

// One page in one file, white background, our palette.
std::unique_ptr<plstream> open(const std::string& path) {
  const std::string device = device_for(path);
  auto pls = std::make_unique<plstream>();
  if (capture) {
    if (device != "svgcairo") throw std::invalid_argument("plot_svg: draw to a .svg path");
    capture->file = capture_stream(*capture);
    if (!capture->file) throw std::runtime_error("plot_svg: cannot open a memory stream");
    pls->sdev(device.c_str());
    pls->sfile(capture->file);
  } else {
    check_writable(path);
    pls->sdev(device.c_str());
    pls->sfnam(path.c_str());
  }
  pls->spage(0, 0, 900, 640, 0, 0);
  pls->scmap0n(first_region + class_colours);
  pls->scol0(background, 255, 255, 255);
  pls->scol0(ink, 30, 30, 30);
  const int palette[curves][3] = {{31, 119, 180},  {214, 39, 40},  {44, 160, 44},
                                  {148, 103, 189}, {255, 127, 14}, {23, 190, 207}};
  for (int k = 0; k < curves; ++k)
    pls->scol0(first_curve + k, palette[k][0], palette[k][1], palette[k][2]);
  pls->scol0(boundary, 40, 40, 40);
  pls->scol0(grey, 150, 150, 150);
  for (int k = 0; k < class_colours; ++k) {
    const ClassLook look = class_look(k);
    pls->scol0(first_class + k, look.colour[0], look.colour[1], look.colour[2]);
    pls->scol0(first_region + k, look.region[0], look.region[1], look.region[2]);
  }
  pls->init();
  pls->schr(0, 1.1);
  return pls;
}

void frame(plstream& pls, double x0, double x1, double y0, double y1, int axis,
           const std::string& xlabel, const std::string& ylabel, const std::string& title) {
  pls.col0(ink);
  pls.width(1);
  pls.env(x0, x1, y0, y1, 0, axis);
  pls.lab(xlabel.c_str(), ylabel.c_str(), title.c_str());
}

// A scatter's axes: where their ticks go and what they read (ticks.hpp), and the labels written.
struct ScatterAxes {
  AxisTicks x, y;
  std::vector<std::string> x_labels, y_labels;
};

void write_tick(PLINT axis, PLFLT value, char* text, PLINT length, PLPointer data) {
  auto& a = *static_cast<ScatterAxes*>(data);
  const bool x = axis == PL_X_AXIS;
  const std::string label = tick_label(x ? a.x : a.y, value);
  std::snprintf(text, static_cast<std::size_t>(length), "%s", label.c_str());
  auto& written = x ? a.x_labels : a.y_labels;  // once each, though the frame is drawn twice
  if (std::find(written.begin(), written.end(), label) == written.end()) written.push_back(label);
}

// The frame with its ticks, labelled by write_tick, not by PLplot's own four digits.
void scatter_box(plstream& pls, ScatterAxes& a) {
  pls.slabelfunc(write_tick, &a);
  pls.box("bcnsto", a.x.step, 0, "bcnstvo", a.y.step, 0);
  pls.slabelfunc(nullptr, nullptr);
}

// A frame for a scatter: room on the right for the legend outside the axes. The axes' names say
// what their ticks are offsets from, if they are.
ScatterAxes scatter_frame(plstream& pls, const Range& r, const Scatter& s,
                          const std::string& title) {
  ScatterAxes a{axis_ticks(r.x0, r.x1), axis_ticks(r.y0, r.y1), {}, {}};
  pls.col0(ink);
  pls.width(1);
  pls.adv(0);
  pls.vpor(axes_x0, axes_x1, axes_y0, axes_y1);
  pls.wind(r.x0, r.x1, r.y0, r.y1);
  scatter_box(pls, a);
  pls.lab(axis_name(a.x, plplot_text(s.xlabel)).c_str(),
          axis_name(a.y, plplot_text(s.ylabel)).c_str(), plplot_text(title).c_str());
  return a;
}

// What the frame shows, for the description.
void describe_axes(PlotDescription& d, const ScatterAxes& a, const Scatter& s) {
  d.xlabel = axis_name(a.x, s.xlabel);
  d.ylabel = axis_name(a.y, s.ylabel);
  d.x_ticks = a.x_labels;
  d.y_ticks = a.y_labels;
}

void check_scatter(const std::string& path, const Scatter& s) {
  if (s.points.empty()) throw std::invalid_argument(path + ": no points to plot");
  for (const auto& p : s.points) {
    if (!std::isfinite(p.x1) || !std::isfinite(p.x2))
      throw std::invalid_argument(path + ": a point has a NaN or infinite coordinate");
    if (p.category < 0 || p.category >= static_cast<int>(s.class_names.size()))
      throw std::invalid_argument(path + ": a point's category has no class name");
  }
}

// Draws the points class by class on the axes of range r; returns how many of each were drawn.
std::vector<int> draw_points(plstream& pls, const Scatter& s, const Range& r) {
  const int classes = static_cast<int>(s.class_names.size());
  std::vector<int> counts(classes, 0);
  const double rx = marker_px * (r.x1 - r.x0) / ((axes_x1 - axes_x0) * page_w),
               ry = marker_px * (r.y1 - r.y0) / ((axes_y1 - axes_y0) * page_h);
  pls.width(2);
  for (int k = 0; k < classes; ++k) {
    pls.col0(class_colour(k));
    const ClassLook look = class_look(k);
    for (const auto& p : s.points)
      if (p.category == k) draw_marker(pls, look, p.x1, p.x2, rx, ry), ++counts[k];
  }
  pls.width(1);
  return counts;
}

// The classes' legend right of the axes: each class's marker (on its region's colour when regions
// are drawn), its name and how many points it has.
std::vector<std::string> class_legend(plstream& pls, const Scatter& s,
                                      const std::vector<int>& counts, bool regions) {
  const int n = static_cast<int>(s.class_names.size());
  pls.vpor(legend_x0, legend_x1, axes_y0, axes_y1);
  pls.wind(0, 1, 0, 1);
  const double height_px = (axes_y1 - axes_y0) * page_h,
               width_px = (legend_x1 - legend_x0) * page_w;
  // Rows of 30 pixels, closer when many classes must fit.
  const double row = std::min(30.0 / height_px, 0.95 / (n + 1));
  const double rx = marker_px / width_px, ry = marker_px / height_px;
  pls.col0(ink);
  pls.schr(0, 0.9);
  pls.ptex(0.02, 1 - row / 2, 1, 0, 0, "class (points)");
  std::vector<std::string> labels;
  for (int k = 0; k < n; ++k) {
    labels.push_back(s.class_names[k] + " (" + std::to_string(counts[k]) + ")");
    const double y = 1 - (k + 1.5) * row, x = 0.02 + 1.6 * rx;
    if (regions) {
      const double bx[4] = {x - 1.6 * rx, x + 1.6 * rx, x + 1.6 * rx, x - 1.6 * rx},
                   by[4] = {y - 1.6 * ry, y - 1.6 * ry, y + 1.6 * ry, y + 1.6 * ry};
      pls.col0(region_colour(k));
      pls.fill(4, bx, by);
    }
    pls.col0(class_colour(k));
    pls.width(2);
    draw_marker(pls, class_look(k), x, y, rx, ry);
    pls.width(1);
    pls.col0(ink);
    pls.ptex(x + 2.4 * rx, y, 1, 0, 0, plplot_text(labels.back()).c_str());
  }
  pls.schr(0, 1.1);
  return labels;
}

void legend(plstream& pls, const std::vector<std::string>& labels, const std::vector<int>& colours,
            PLINT position) {
  const PLINT n = static_cast<PLINT>(labels.size());
  std::vector<PLINT> opts(n, PL_LEGEND_LINE), text_colors(n, ink),
      line_colors(colours.begin(), colours.end()), line_styles(n, 1), zero_i(n, 0);
  std::vector<PLFLT> line_widths(n, 2.5), zero_f(n, 0);
  std::vector<const char*> text;
  for (const auto& l : labels) text.push_back(l.c_str());
  PLFLT w, h;
  pls.legend(&w, &h, PL_LEGEND_BACKGROUND | PL_LEGEND_BOUNDING_BOX, position | PL_POSITION_INSIDE,
             0.02, 0.02, 0.08, background, ink, 1, 0, 0, n, opts.data(), 1.0, 0.9, 2.0, 0.0,
             text_colors.data(), text.data(), nullptr, nullptr, nullptr, nullptr,
             line_colors.data(), line_styles.data(), line_widths.data(), nullptr, nullptr, nullptr,
             nullptr);
}

PlotDescription describe(const std::string& path, const std::string& title, const Range& r,
                         const Scatter& s) {
  PlotDescription d;
  d.file = path;
  d.title = title;
  d.xlabel = s.xlabel;
  d.ylabel = s.ylabel;
  d.classes = s.class_names;
  d.x_min = r.x0, d.x_max = r.x1, d.y_min = r.y0, d.y_max = r.y1;
  return d;
}

// The index of the largest score, the first on ties (as dlmath::category_of).
int largest(const std::vector<double>& s) {
  int best = 0;
  for (int j = 1; j < static_cast<int>(s.size()); ++j)
    if (s[j] > s[best]) best = j;
  return best;
}

}  // namespace

void check_picture_path(const std::string& path) {
  device_for(path);
  check_writable(path);
}

std::string plot_svg(const std::function<void(const std::string&)>& draw) {
  static std::mutex one_at_a_time;
  std::lock_guard<std::mutex> hold(one_at_a_time);
  Capture c;
  capture = &c;
  try {
    draw("memory.svg");
  } catch (...) {
    capture = nullptr;
    if (c.file && !c.closed) std::fclose(c.file);
    throw;
  }
  capture = nullptr;
  if (c.file && !c.closed) std::fclose(c.file);  // PLplot may have closed it already
  if (c.text.find("<svg") == std::string::npos)
    throw std::runtime_error("plot_svg: the plot wrote no SVG");
  return c.text;
}

Range range_of(const std::vector<LabelledPoint>& points, const std::string& x1,
               const std::string& x2) {
  Range r{INFINITY, -INFINITY, INFINITY, -INFINITY};
  for (const auto& p : points)
    r.x0 = std::min(r.x0, p.x1), r.x1 = std::max(r.x1, p.x1), r.y0 = std::min(r.y0, p.x2),
    r.y1 = std::max(r.y1, p.x2);
  const double lo_x = r.x0, hi_x = r.x1, lo_y = r.y0, hi_y = r.y1;
  // The unit square when every point is well inside it (a marker on the frame would be cut).
  constexpr double inside = 0.03;
  if (points.empty() ||
      (r.x0 >= inside && r.x1 <= 1 - inside && r.y0 >= inside && r.y1 <= 1 - inside))
    return Range{};
  // A tenth of the extent on each side keeps markers off the frame; a point-like extent gets a
  // unit around it.
  auto widen = [](double& lo, double& hi) {
    const double span = hi > lo ? hi - lo : std::max(1.0, std::abs(lo));
    lo -= 0.1 * span;
    hi += 0.1 * span;
  };
  widen(r.x0, r.x1);
  widen(r.y0, r.y1);
  // PLplot draws an axis only within these bounds: beyond them the picture came out empty (points
  // at +-1e305), its markers collapsed to lines under labels all reading "1.000" (points 1e-5
  // apart at 1e10), or the axis's ticks never ended (points 2 ulps apart at 1).
  auto drawable = [](double lo, double hi) {
    const double width = hi - lo, size = std::max(std::abs(lo), std::abs(hi));
    return std::isfinite(width) && width <= 1e302 && width >= 1e-302 && width >= 1e-9 * size;
  };
  if (!drawable(r.x0, r.x1) || !drawable(r.y0, r.y1)) {
    auto shortest = [](double v) {  // the shortest text that reads back as v
      char text[32];
      return std::string(text, std::to_chars(text, text + sizeof text, v).ptr);
    };
    throw std::invalid_argument("the points cannot be drawn: " + x1 + " from " + shortest(lo_x) +
                                " to " + shortest(hi_x) + ", " + x2 + " from " + shortest(lo_y) +
                                " to " + shortest(hi_y) +
                                " (an axis must span from 1e-302 to 1e302, and at least 1e-9 of "
                                "its largest value)");
  }
  return r;
}

namespace {

// Curves, and vertical lines at `marks` on the x axis.
PlotDescription draw_curves(const std::string& path, const std::vector<Curve>& cs,
                            const PlotStyle& style, const std::vector<double>& marks) {
  if (cs.empty()) throw std::invalid_argument(path + ": no curves to plot");
  double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
  for (const auto& c : cs) {
    check_finite(c.x, path, "x values");
    check_finite(c.y, path, "y values");
    if (c.x.size() != c.y.size())
      throw std::invalid_argument(path + ": a curve has more x than y values or fewer");
    if (style.log_y)
      for (double y : c.y)
        if (y <= 0)
          throw std::invalid_argument(path + ": a logarithmic axis needs positive values");
    x0 = std::min(x0, *std::min_element(c.x.begin(), c.x.end()));
    x1 = std::max(x1, *std::max_element(c.x.begin(), c.x.end()));
    y0 = std::min(y0, *std::min_element(c.y.begin(), c.y.end()));
    y1 = std::max(y1, *std::max_element(c.y.begin(), c.y.end()));
  }
  if (style.log_y) y0 = std::floor(std::log10(y0)), y1 = std::ceil(std::log10(y1));
  if (x1 == x0) x0 -= 1, x1 += 1;
  if (y1 == y0) y0 -= 1, y1 += 1;
  const double pad = style.log_y ? 0 : 0.05 * (y1 - y0);
  auto pls = open(path);
  frame(*pls, x0, x1, y0 - pad, y1 + pad, style.log_y ? 20 : 0, style.xlabel, style.ylabel,
        style.title);
  PlotDescription d;
  d.file = path;
  d.title = style.title;
  d.xlabel = style.xlabel;
  d.ylabel = style.ylabel;
  d.x_min = x0, d.x_max = x1, d.y_min = y0 - pad, d.y_max = y1 + pad;
  d.log_y = style.log_y;
  pls->col0(grey);
  pls->width(1);
  pls->lsty(2);
  for (double m : marks) {
    if (!std::isfinite(m) || m < x0 || m > x1) continue;
    pls->join(m, y0 - pad, m, y1 + pad);
    d.marks.push_back(m);
  }
  pls->lsty(1);
  std::vector<int> colours;
  for (std::size_t k = 0; k < cs.size(); ++k) {
    const int colour = first_curve + static_cast<int>(k % curves);
    pls->col0(colour);
    pls->width(2.5);
    std::vector<double> y = cs[k].y;
    if (style.log_y)
      for (double& v : y) v = std::log10(v);
    pls->line(static_cast<PLINT>(y.size()), cs[k].x.data(), y.data());
    if (!cs[k].label.empty()) d.legend.push_back(cs[k].label), colours.push_back(colour);
  }
  if (!d.legend.empty())
    legend(*pls, d.legend, colours,
           style.log_y ? PL_POSITION_RIGHT | PL_POSITION_TOP : PL_POSITION_LEFT | PL_POSITION_TOP);
  return d;
}

}  // namespace

PlotDescription plot_curves(const std::string& path, const std::vector<Curve>& cs,
                            const PlotStyle& style) {
  return draw_curves(path, cs, style, {});
}

namespace {

// The axes' ranges for s's points, or an error naming the picture.
Range scatter_range(const std::string& path, const Scatter& s) {
  try {
    return range_of(s.points, s.xlabel, s.ylabel);
  } catch (const std::invalid_argument& e) {
    throw std::invalid_argument(path + ": " + e.what());
  }
}

}  // namespace

PlotDescription plot_data(const std::string& path, const Scatter& s, const std::string& title) {
  check_scatter(path, s);
  const Range r = scatter_range(path, s);
  auto pls = open(path);
  const ScatterAxes axes = scatter_frame(*pls, r, s, title);
  PlotDescription d = describe(path, title, r, s);
  describe_axes(d, axes, s);
  d.class_counts = draw_points(*pls, s, r);
  d.legend = class_legend(*pls, s, d.class_counts, false);
  return d;
}

PlotDescription plot_boundary(const std::string& path, const ClassScores& scores, int classes,
                              const Scatter& s, const std::string& title) {
  check_scatter(path, s);
  if (classes < 2 || classes != static_cast<int>(s.class_names.size()))
    throw std::invalid_argument(path + ": regions need one name per class, two classes or more");
  const Range r = scatter_range(path, s);
  constexpr int n = 201;
  // margin[k][i][j]: class k's score minus the largest other score; class k's region is where it
  // is positive, and its zero contour is the region's boundary.
  std::vector<std::vector<std::vector<double>>> margin(
      classes, std::vector<std::vector<double>>(n, std::vector<double>(n)));
  PlotDescription d = describe(path, title, r, s);
  d.region_cells.assign(classes, 0);
  std::vector<double> score(classes);
  auto at = [&](double x1, double x2) {
    std::fill(score.begin(), score.end(), NAN);
    scores(x1, x2, score);
    for (double v : score)
      if (!std::isfinite(v))
        throw std::invalid_argument(path + ": a class score is not finite at (" +
                                    std::to_string(x1) + ", " + std::to_string(x2) + ")");
  };
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) {
      at(r.x0 + (r.x1 - r.x0) * i / (n - 1), r.y0 + (r.y1 - r.y0) * j / (n - 1));
      for (int k = 0; k < classes; ++k) {
        double other = -INFINITY;
        for (int m = 0; m < classes; ++m)
          if (m != k) other = std::max(other, score[m]);
        margin[k][i][j] = score[k] - other;
      }
      ++d.region_cells[largest(score)];
    }
  for (const auto& p : s.points) {
    at(p.x1, p.x2);
    d.point_regions.push_back(largest(score));
  }
  auto pls = open(path);
  ScatterAxes axes = scatter_frame(*pls, r, s, title);
  auto to_data = [](PLFLT x, PLFLT y, PLFLT* tx, PLFLT* ty, PLPointer data) {
    const Range& q = *static_cast<const Range*>(data);
    *tx = q.x0 + (q.x1 - q.x0) * x / (n - 1);
    *ty = q.y0 + (q.y1 - q.y0) * y / (n - 1);
  };
  Range grid_to_data = r;
  std::vector<const double*> rows(n);
  for (int k = 0; k < classes; ++k) {
    double hi = 0;
    for (int i = 0; i < n; ++i) {
      rows[i] = margin[k][i].data();
      hi = std::max(hi, *std::max_element(margin[k][i].begin(), margin[k][i].end()));
    }
    if (hi <= 0) continue;  // the class has no region here
    pls->shade(rows.data(), n, n, nullptr, r.x0, r.x1, r.y0, r.y1, 0, hi + 1, 0, region_colour(k),
               1, 0, 0, 0, 0, plcallback::fill, true, to_data, &grid_to_data);
  }
  const PLFLT zero[1] = {0};
  pls->col0(boundary);
  pls->width(2.5);
  for (int k = 0; k < classes; ++k) {
    for (int i = 0; i < n; ++i) rows[i] = margin[k][i].data();
    pls->cont(rows.data(), n, n, 1, n, 1, n, zero, 1, to_data, &grid_to_data);
  }
  pls->width(1);
  pls->col0(ink);
  scatter_box(*pls, axes);  // the frame again, over the regions
  describe_axes(d, axes, s);
  d.class_counts = draw_points(*pls, s, r);
  d.legend = class_legend(*pls, s, d.class_counts, true);
  return d;
}

PlotDescription plot_history(const std::string& path, const std::vector<double>& steps,
                             const std::vector<double>& cost, const std::string& title,
                             const std::string& cost_label, const std::vector<double>& marks) {
  return draw_curves(path, {Curve{steps, cost, ""}}, PlotStyle{title, "step", cost_label, true},
                     marks);
}

PlotDescription plot_sigmoid(const std::string& path) {
  Curve c{{}, {}, "#gs(x) = 1/(1 + e#u-x#d)"};
  for (int k = 0; k <= 400; ++k) {
    const double x = -10 + k * 0.05;
    c.x.push_back(x);
    c.y.push_back(1 / (1 + std::exp(-x)));
  }
  return plot_curves(path, {c}, PlotStyle{"The sigmoid: a smooth step", "x", "#gs(x)"});
}

PlotDescription plot_scaled_sigmoids(const std::string& path) {
  std::vector<Curve> cs;
  auto add = [&](double a, double b) {
    char label[64];
    std::snprintf(label, sizeof label, "a = %g, b = %g", a, b);
    Curve c{{}, {}, label};
    for (int k = 0; k <= 400; ++k) {
      const double x = -10 + k * 0.05;
      c.x.push_back(x);
      c.y.push_back(1 / (1 + std::exp(-(a * x + b))));
    }
    cs.push_back(std::move(c));
  };
  add(0.5, 0);
  add(1, 0);
  add(3, 0);
  add(1, -4);
  add(1, 4);
  return plot_curves(path, cs,
                     PlotStyle{"#gs(ax + b): the weight a sets the steepness, the bias b the shift",
                               "x", "#gs(ax + b)"});
}

}  // namespace dlmath::visual
