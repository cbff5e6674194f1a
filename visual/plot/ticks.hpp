// An axis's ticks and their labels, with the digits the ticks' spacing needs.
// PLplot's own labels keep about four significant digits once it scales an axis by a power of
// ten: for points 1e7 apart at 1e10 its ticks read "1.000 1.000 1.000 1.001 (x10^10)", true and
// of no use. Here the ticks are 1, 2 or 5 times a power of ten apart, and each label has as many
// digits as tell it from its neighbours. When that would take more than five characters, the ticks
// are written as offsets from a round value that the axis's name then states ("a - 1e10"), as a
// teacher writes them on a board.
#pragma once

#include <string>
#include <vector>

namespace dlmath::visual {

struct AxisTicks {
  double step = 1;        // between two ticks
  int place = 0;          // the step's last digit is at 10^place
  bool fixed = true;      // fixed point ("0.25"), else a mantissa and a power of ten ("2.5e10")
  double base = 0;        // subtracted from a tick's value before it is written
  std::string base_text;  // base as written after the axis's name; empty: no offset
  std::string unit_text;  // not empty: labels count this unit (10^place) from the base
};

// The ticks for an axis from lo to hi (lo < hi, finite): 4 to 11 of them.
AxisTicks axis_ticks(double lo, double hi);

// Where the ticks of an axis from lo to hi go: the multiples of t.step between them, as PLplot
// places them.
std::vector<double> tick_values(const AxisTicks& t, double lo, double hi);

// The label of the tick at `value` (a multiple of t.step, give or take rounding).
std::string tick_label(const AxisTicks& t, double value);

// The axis's name as drawn: `name`, then "- base" or "+ -base" when its ticks are offsets, as
// "(a - 1e-290) / 1e-300" when they count a unit.
std::string axis_name(const AxisTicks& t, const std::string& name);

}  // namespace dlmath::visual
