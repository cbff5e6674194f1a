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

const std::vector<LabelledPoint> points = {
    {0.1, 0.1, 0}, {0.3, 0.4, 0}, {0.6, 0.3, 1}, {0.9, 0.2, 1}};

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
    plot_boundary(
        base + "-boundary" + ext, [](double x1, double x2) { return x2 - x1; }, points, "boundary");
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
  CHECK_THROWS_WITH(plot_data(dir() + "/e.png", {}, "none"), Catch::Contains("e.png: no points"));
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
