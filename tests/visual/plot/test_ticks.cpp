// Tick labels tell every tick from its neighbours and read back as the tick's value, wherever the
// data lie; the pictures write the labels so chosen.
#include <catch2/catch.hpp>
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "../../support.hpp"
#include "visual/plot/plot.hpp"
#include "visual/plot/ticks.hpp"

using namespace dlmath::visual;

namespace {

// The value a label stands for: the label read as a number, plus the axis's base.
double read_back(const AxisTicks& t, const std::string& label) {
  return t.base + std::stod(label) * (t.unit_text.empty() ? 1 : std::stod(t.unit_text));
}

// Every tick PLplot draws on [lo, hi] (the multiples of the step) must get a label of its own
// that reads back as its value, to within a tenth of the step.
void check_axis(double lo, double hi) {
  INFO("axis from " << lo << " to " << hi);
  const AxisTicks t = axis_ticks(lo, hi);
  const std::vector<double> values = tick_values(t, lo, hi);
  CHECK(values.size() >= 4);
  CHECK(values.size() <= 11);
  std::set<std::string> labels;
  for (std::size_t k = 0; k < values.size(); ++k) {
    const double value = values[k];
    CHECK(value >= lo - 1e-9 * t.step);  // (an end's tick may lie an ulp outside)
    CHECK(value <= hi + 1e-9 * t.step);
    if (k > 0) CHECK(value - values[k - 1] == Approx(t.step));
    const std::string label = tick_label(t, value);
    INFO("tick " << value << " reads " << label << " after " << axis_name(t, "a"));
    CHECK(label.size() <= 5);  // fits left of the frame, and between two ticks
    CHECK(std::abs(read_back(t, label) - value) <= 0.1 * t.step);
    labels.insert(label);
  }
  CHECK(labels.size() == values.size());
}

}  // namespace

TEST_CASE("tick labels have the digits their spacing needs, at any size and spread") {
  check_axis(0, 1);
  check_axis(-3.6, 3.6);
  for (const double size : {1e-290, 1e-12, 1e-3, 1.0, 7.0, 1e5, 1e10, 3e17, 1e300})
    for (const double spread : {1e-9, 1e-7, 1e-5, 1e-3, 1e-1, 1.0})
      for (const double sign : {1.0, -1.0}) {
        const double a = sign * size, b = sign * size * (1 + spread);
        check_axis(std::min(a, b), std::max(a, b));
      }
}

TEST_CASE("labels as a teacher writes them: the unit square, and offsets from a round value") {
  const AxisTicks unit = axis_ticks(0, 1);
  CHECK(unit.step == Approx(0.2));
  CHECK(tick_label(unit, 0.6000000000000001) == "0.6");
  CHECK(tick_label(unit, -1e-17) == "0.0");
  CHECK(axis_name(unit, "x1") == "x1");
  // Points 1e7 apart at 1e10: PLplot wrote "1.000 1.000 1.001 (x10^10)".
  const AxisTicks wide = axis_ticks(1e10 - 1e6, 1e10 + 1.1e7);
  CHECK(axis_name(wide, "b") == "b - 1e10");
  CHECK(tick_label(wide, 1e10 + 4e6) == "4e6");
  // Labels that fit need no offset.
  CHECK(tick_label(axis_ticks(2e10, 8e10), 4e10) == "4e10");
  CHECK(tick_label(axis_ticks(1990, 2020), 1995) == "1995");
  const AxisTicks prices = axis_ticks(1e5, 9e5);
  CHECK(axis_name(prices, "price") == "price");
  CHECK(tick_label(prices, 3e5) == "3e5");
  // Offsets that would be long count a unit.
  const AxisTicks counted = axis_ticks(3e17, 3e17 * (1 + 1e-7));
  CHECK(axis_name(counted, "a") == "(a - 3e17) / 1e9");
  CHECK(tick_label(counted, 3e17 + 1.5e10) == "15");
  // About zero, no offset: a unit alone.
  const AxisTicks small = axis_ticks(-5e-300, 5e-300);
  CHECK(axis_name(small, "a") == "a / 1e-300");
  CHECK(tick_label(small, -4e-300) == "-4");
  // Points 100 apart at 1e10: offsets from 1e10, which the axis's name states.
  const AxisTicks narrow = axis_ticks(1e10 - 10, 1e10 + 110);
  CHECK(axis_name(narrow, "a") == "a - 1e10");
  CHECK(tick_label(narrow, 1e10 + 40) == "40");
  CHECK(tick_label(narrow, 1e10) == "0");
  // Past 1e99 a power of ten is long to write: the labels count the step's unit from the base.
  const AxisTicks tiny = axis_ticks(1e-290, 1e-290 * (1 + 1e-9));
  CHECK(axis_name(tiny, "a") == "(a - 1e-290) / 1e-300");
  CHECK(tick_label(tiny, 1e-290 + 4e-300) == "4");
  const AxisTicks negative = axis_ticks(-1e10 - 110, -1e10 + 10);
  CHECK(axis_name(negative, "a") == "a + 1e10");
  CHECK(tick_label(negative, -1e10 - 40) == "-40");
}

TEST_CASE("the pictures write the chosen labels, and name an offset axis") {
  const std::string dir = dlmath::testing::temp_dir();
  Scatter s;
  s.class_names = {"A", "B"};
  s.xlabel = "a";
  s.ylabel = "b";
  s.points = {{0.1, 0.2, 0}, {0.9, 0.7, 1}};
  const auto unit = plot_data(dir + "/ticks-unit.svg", s, "unit");
  CHECK(unit.x_ticks == std::vector<std::string>{"0.0", "0.2", "0.4", "0.6", "0.8", "1.0"});
  CHECK(unit.xlabel == "a");
  // 100 apart at 1e10 along a, 1e7 apart along b.
  s.points = {{1e10, 1e10, 0}, {1e10 + 100, 1e10 + 1e7, 1}, {1e10 + 50, 1e10 + 5e6, 0}};
  for (const std::string file : {"ticks-far.svg", "ticks-far.png"}) {
    const auto far = plot_data(dir + "/" + file, s, "far");
    CHECK(far.xlabel == "a - 1e10");
    CHECK(far.x_ticks == std::vector<std::string>{"0", "20", "40", "60", "80", "100"});
    CHECK(far.ylabel == "b - 1e10");
    REQUIRE(far.y_ticks.size() >= 4);
    CHECK(std::set<std::string>(far.y_ticks.begin(), far.y_ticks.end()).size() ==
          far.y_ticks.size());
  }
  const auto regions = plot_boundary(
      dir + "/ticks-regions.png",
      [](double x1, double, std::vector<double>& score) {
        score = {1e10 + 50 - x1, 0};
      },
      2, s, "regions");
  CHECK(regions.xlabel == "a - 1e10");
  CHECK(regions.x_ticks.size() == 6);
}
