#include "visual/plot/plot.hpp"

#include <plplot/plstream.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <stdexcept>

namespace dlmath::visual {

namespace {

// Colours of cmap0: 0 is the background, 1 the axes and text, then the curves.
constexpr int background = 0, ink = 1, first_curve = 2, curves = 6, shade_a = 8, shade_b = 9,
              boundary = 10;

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
  pls->scmap0n(16);
  pls->scol0(background, 255, 255, 255);
  pls->scol0(ink, 30, 30, 30);
  const int palette[curves][3] = {{31, 119, 180},  {214, 39, 40},  {44, 160, 44},
                                  {148, 103, 189}, {255, 127, 14}, {23, 190, 207}};
  for (int k = 0; k < curves; ++k)
    pls->scol0(first_curve + k, palette[k][0], palette[k][1], palette[k][2]);
  pls->scol0(shade_a, 214, 230, 245);
  pls->scol0(shade_b, 250, 224, 210);
  pls->scol0(boundary, 60, 60, 60);
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

void draw_points(plstream& pls, const std::vector<LabelledPoint>& points) {
  for (int category : {0, 1}) {
    std::vector<double> x, y;
    for (const auto& p : points)
      if ((p.category == 0) == (category == 0)) x.push_back(p.x1), y.push_back(p.x2);
    if (x.empty()) continue;
    pls.col0(category == 0 ? first_curve : first_curve + 1);
    pls.width(2.5);
    pls.ssym(0, 2.2);
    // Hershey symbol codes: 4 is a circle, 5 a cross.
    pls.poin(static_cast<PLINT>(x.size()), x.data(), y.data(), category == 0 ? 4 : 5);
  }
  pls.ssym(0, 1);
  pls.width(1);
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

void plot_curves(const std::string& path, const std::vector<Curve>& cs, const PlotStyle& style) {
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
  std::vector<std::string> labels;
  std::vector<int> colours;
  for (std::size_t k = 0; k < cs.size(); ++k) {
    const int colour = first_curve + static_cast<int>(k % curves);
    pls->col0(colour);
    pls->width(2.5);
    std::vector<double> y = cs[k].y;
    if (style.log_y)
      for (double& v : y) v = std::log10(v);
    pls->line(static_cast<PLINT>(y.size()), cs[k].x.data(), y.data());
    if (!cs[k].label.empty()) labels.push_back(cs[k].label), colours.push_back(colour);
  }
  if (!labels.empty())
    legend(*pls, labels, colours,
           style.log_y ? PL_POSITION_RIGHT | PL_POSITION_TOP : PL_POSITION_LEFT | PL_POSITION_TOP);
}

void plot_data(const std::string& path, const std::vector<LabelledPoint>& points,
               const std::string& title) {
  if (points.empty()) throw std::invalid_argument(path + ": no points to plot");
  auto pls = open(path);
  frame(*pls, 0, 1, 0, 1, 0, "x#d1#u", "x#d2#u", title);
  draw_points(*pls, points);
}

void plot_boundary(const std::string& path, const std::function<double(double, double)>& score,
                   const std::vector<LabelledPoint>& points, const std::string& title) {
  constexpr int n = 201;
  std::vector<std::vector<double>> grid(n, std::vector<double>(n));
  std::vector<const double*> rows(n);
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < n; ++j) {
      const double s = score(i / double(n - 1), j / double(n - 1));
      if (!std::isfinite(s))
        throw std::invalid_argument(path + ": the score is not finite at some point");
      grid[i][j] = s;
    }
    rows[i] = grid[i].data();
  }
  double lo = INFINITY, hi = -INFINITY;
  for (const auto& r : grid)
    lo = std::min(lo, *std::min_element(r.begin(), r.end())),
    hi = std::max(hi, *std::max_element(r.begin(), r.end()));
  auto pls = open(path);
  frame(*pls, 0, 1, 0, 1, 0, "x#d1#u", "x#d2#u", title);
  // Two shades: category B where the score is negative, A where it is positive.
  const PLFLT levels[3] = {std::min(lo, -1e-12) - 1, 0, std::max(hi, 1e-12) + 1};
  const PLFLT shade_colours[2] = {0.0, 1.0};
  const PLFLT r[2] = {250 / 255.0, 214 / 255.0}, g[2] = {224 / 255.0, 230 / 255.0},
              b[2] = {210 / 255.0, 245 / 255.0};
  pls->scmap1n(2);
  pls->scmap1l(true, 2, shade_colours, r, g, b, nullptr);
  pls->shades(rows.data(), n, n, nullptr, 0, 1, 0, 1, levels, 3, 0, 0, 0, plcallback::fill, true,
              nullptr, nullptr);
  // The boundary F1 = F2: the zero contour, in grid coordinates mapped onto [0,1]^2.
  const PLFLT zero[1] = {0};
  pls->col0(boundary);
  pls->width(2.5);
  auto to_unit_square = [](PLFLT x, PLFLT y, PLFLT* tx, PLFLT* ty, PLPointer) {
    *tx = x / (n - 1);
    *ty = y / (n - 1);
  };
  pls->cont(rows.data(), n, n, 1, n, 1, n, zero, 1, to_unit_square, nullptr);
  pls->width(1);
  pls->col0(ink);
  pls->box("bcnst", 0, 0, "bcnstv", 0, 0);
  draw_points(*pls, points);
}

void plot_history(const std::string& path, const std::vector<double>& steps,
                  const std::vector<double>& cost, const std::string& title,
                  const std::string& cost_label) {
  PlotStyle style{title, "step", cost_label, true};
  plot_curves(path, {Curve{steps, cost, ""}}, style);
}

void plot_sigmoid(const std::string& path) {
  Curve c{{}, {}, "#gs(x) = 1/(1 + e#u-x#d)"};
  for (int k = 0; k <= 400; ++k) {
    const double x = -10 + k * 0.05;
    c.x.push_back(x);
    c.y.push_back(1 / (1 + std::exp(-x)));
  }
  plot_curves(path, {c}, PlotStyle{"The sigmoid: a smooth step", "x", "#gs(x)"});
}

void plot_scaled_sigmoids(const std::string& path) {
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
  plot_curves(path, cs,
              PlotStyle{"#gs(ax + b): the weight a sets the steepness, the bias b the shift", "x",
                        "#gs(ax + b)"});
}

}  // namespace dlmath::visual
