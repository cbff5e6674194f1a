// Every figure is written as PNG, SVG and PDF, each a real file of its format; bad requests are
// refused with the path named.
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>

#include "../../support.hpp"
#include "visual/plot/plot.hpp"

using namespace dlmath::visual;
namespace fs = std::filesystem;

namespace {

std::string dir() {
  return dlmath::testing::temp_dir();
}

std::string head(const std::string& path, std::size_t n) {
  return dlmath::testing::file_head(path, n);
}

void check_file(const std::string& path) {
  INFO(path);
  REQUIRE(fs::exists(path));
  CHECK(fs::file_size(path) > 2000);
  const std::string ext = fs::path(path).extension().string();
  if (ext == ".png") CHECK(head(path, 4) == "\x89PNG");
  if (ext == ".pdf") CHECK(head(path, 4) == "%PDF");
  if (ext == ".svg")
    CHECK_THAT(head(path, 200), Catch::Contains("<svg") || Catch::Contains("<?xml"));
}

const Scatter points{{{0.1, 0.1, 0}, {0.3, 0.4, 0}, {0.6, 0.3, 1}, {0.9, 0.2, 1}}, {"A", "B"}};

// Two scores: A above the diagonal x2 = x1, B below.
void diagonal(double x1, double x2, std::vector<double>& s) {
  s[0] = x2 - x1;
  s[1] = x1 - x2;
}

// A ring of radius 2.5 in [-3, 3]^2: n points, classes by angle into `classes` sectors.
Scatter ring(int n, int classes) {
  Scatter s;
  for (int k = 0; k < classes; ++k) s.class_names.push_back("class " + std::to_string(k));
  for (int i = 0; i < n; ++i) {
    const double t = 2 * M_PI * (i + 0.5) / n;
    s.points.push_back({2.5 * std::cos(t), 2.5 * std::sin(t), i * classes / n});
  }
  s.xlabel = "width";
  s.ylabel = "height";
  return s;
}

// Scores that split the plane into `classes` sectors by angle, as ring() labels its points.
ClassScores sectors(int classes) {
  return [classes](double x1, double x2, std::vector<double>& s) {
    double t = std::atan2(x2, x1);
    if (t < 0) t += 2 * M_PI;
    for (int k = 0; k < classes; ++k) {
      // Closeness of the angle to the middle of sector k, on the circle.
      const double mid = 2 * M_PI * (k + 0.5) / classes;
      s[k] = std::cos(t - mid);
    }
  };
}

}  // namespace

TEST_CASE("every figure in every format") {
  for (const char* ext : {".png", ".svg", ".pdf"}) {
    const std::string base = dir() + "/figure";
    plot_sigmoid(base + "-sigmoid" + ext);
    check_file(base + "-sigmoid" + ext);
    plot_scaled_sigmoids(base + "-scaled" + ext);
    check_file(base + "-scaled" + ext);
    plot_data(base + "-data" + ext, points, "data");
    check_file(base + "-data" + ext);
    plot_boundary(base + "-boundary" + ext, diagonal, 2, points, "boundary");
    check_file(base + "-boundary" + ext);
    plot_history(base + "-history" + ext, {0, 1, 2, 3}, {5, 1, 0.1, 0.001}, "history");
    check_file(base + "-history" + ext);
  }
}

TEST_CASE("bad requests are refused, naming the path") {
  CHECK_THROWS_WITH(plot_sigmoid(dir() + "/x.bmp"),
                    Catch::Contains("x.bmp") && Catch::Contains("unknown picture format"));
  CHECK_THROWS_WITH(plot_sigmoid("/nonexistent-dir/x.png"),
                    Catch::Contains("/nonexistent-dir/x.png: cannot write"));
  CHECK_THROWS_WITH(plot_data(dir() + "/e.png", Scatter{}, "none"),
                    Catch::Contains("e.png: no points"));
  CHECK_THROWS_WITH(plot_data(dir() + "/c.png", Scatter{{{0, 0, 2}}, {"A", "B"}}, "c"),
                    Catch::Contains("c.png: a point's category has no class name"));
  CHECK_THROWS_WITH(plot_boundary(dir() + "/b.png", diagonal, 3, points, "b"),
                    Catch::Contains("one name per class"));
  CHECK_THROWS_WITH(
      plot_boundary(
          dir() + "/f.png", [](double, double, std::vector<double>& s) { s[0] = NAN, s[1] = 0; }, 2,
          points, "f"),
      Catch::Contains("not finite"));
  CHECK_THROWS_WITH(plot_history(dir() + "/n.png", {0, 1}, {1, NAN}, "nan"),
                    Catch::Contains("NaN"));
  CHECK_THROWS_WITH(plot_history(dir() + "/z.png", {0, 1}, {1, 0}, "zero"),
                    Catch::Contains("positive"));
  CHECK_THROWS(plot_curves(dir() + "/m.png", {Curve{{0, 1, 2}, {0, 1}, ""}}, PlotStyle{}));
}

TEST_CASE("a plot as SVG text in memory, with no file written") {
  const auto before = std::filesystem::current_path();
  std::filesystem::current_path(dlmath::testing::temp_dir());
  const std::string svg = plot_svg(plot_sigmoid);
  const std::string again = plot_svg(plot_sigmoid);
  const bool wrote = std::filesystem::exists("memory.svg");
  std::filesystem::current_path(before);
  CHECK(svg.find("<svg") != std::string::npos);
  CHECK(svg.find("</svg>") != std::string::npos);
  CHECK(svg.size() > 10000);
  CHECK(again.size() == svg.size());
  CHECK_FALSE(wrote);
  CHECK_THROWS(plot_svg([](const std::string&) { throw std::invalid_argument("bad"); }));
  CHECK_THROWS(plot_svg([](const std::string&) {}));  // drew nothing: an error
}

TEST_CASE("the article's data keep the unit square; other data get their own range") {
  const auto unit = plot_data(dir() + "/unit.png", points, "unit");
  CHECK(unit.x_min == 0);
  CHECK(unit.x_max == 1);
  CHECK(unit.y_min == 0);
  CHECK(unit.y_max == 1);
  CHECK(unit.xlabel == "x1");
  CHECK(unit.ylabel == "x2");

  const auto d = plot_data(dir() + "/ring.svg", ring(60, 2), "ring.csv: 60 points");
  check_file(dir() + "/ring.svg");
  // Every point inside the axes, with a margin, and the axes no wider than the data need.
  CHECK(d.x_min < -2.5);
  CHECK(d.x_min > -3.5);
  CHECK(d.x_max > 2.5);
  CHECK(d.x_max < 3.5);
  CHECK(d.y_min < -2.5);
  CHECK(d.y_max > 2.5);
  CHECK(d.xlabel == "width");
  CHECK(d.ylabel == "height");
  CHECK(d.title == "ring.csv: 60 points");
  CHECK(d.class_counts == std::vector<int>{30, 30});
  CHECK(d.legend == std::vector<std::string>{"class 0 (30)", "class 1 (30)"});
}

TEST_CASE("regions for any number of classes: one per class, each point in its own") {
  for (int classes : {2, 3, 5}) {
    INFO(classes << " classes");
    const Scatter s = ring(60, classes);
    const auto d = plot_boundary(dir() + "/sectors" + std::to_string(classes) + ".png",
                                 sectors(classes), classes, s, "sectors");
    REQUIRE(d.region_cells.size() == static_cast<std::size_t>(classes));
    long cells = 0;
    for (long c : d.region_cells) {
      CHECK(c > 0);
      cells += c;
    }
    CHECK(cells == 201 * 201);
    // Two classes: the upper and lower halves, equal up to the row on the axis (ties go to A).
    if (classes == 2) CHECK(std::abs(d.region_cells[0] - d.region_cells[1]) <= 201);
    REQUIRE(d.point_regions.size() == s.points.size());
    for (std::size_t i = 0; i < s.points.size(); ++i)
      CHECK(d.point_regions[i] == s.points[i].category);
    CHECK(d.legend.size() == static_cast<std::size_t>(classes));
    CHECK(d.class_counts.size() == static_cast<std::size_t>(classes));
  }
}

TEST_CASE("the history marks the given steps inside its range") {
  const auto d = plot_history(dir() + "/marks.png", {0, 100, 200, 300}, {4, 1, 0.5, 0.01}, "h",
                              "cost", {0, 150, 300, 1000});
  CHECK(d.marks == std::vector<double>{0, 150, 300});
  CHECK(d.log_y);
  CHECK(d.y_min == -2);  // log10 of 0.01
  CHECK(d.y_max == 1);   // log10 of 4, rounded up
  CHECK(d.x_max == 300);
}
