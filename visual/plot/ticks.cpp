#include "visual/plot/ticks.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

namespace dlmath::visual {

namespace {

// A label longer than this would not fit left of the frame (between the axis's name and the
// frame, measured on the pictures), or between two ticks.
constexpr std::size_t max_label_chars = 5;

// Written in fixed point when its size is 1e-4 up to 1e6, else as a mantissa and a power of ten.
bool fixed_point(double size) {
  return size >= 1e-4 && size < 1e6;
}

// v to the precision 10^place: "0.25", "10000000000", "2.5e10", "-3.0e-7".
std::string number(double v, int place, bool fixed) {
  char text[400];
  if (fixed) {
    std::snprintf(text, sizeof text, "%.*f", place < 0 ? -place : 0, v);
    return text;
  }
  if (v == 0) return "0";
  const int power = static_cast<int>(std::floor(std::log10(std::abs(v))));
  std::snprintf(text, sizeof text, "%.*e", power > place ? power - place : 0, v);
  // "2.5e+10" -> "2.5e10", "3.0e-07" -> "3.0e-7"
  std::string s = text;
  const auto e = s.find('e');
  std::string exponent = s.substr(e + 1);
  const bool negative = exponent[0] == '-';
  exponent.erase(0, 1);
  exponent.erase(0, std::min(exponent.find_first_not_of('0'), exponent.size() - 1));
  return s.substr(0, e + 1) + (negative ? "-" : "") + exponent;
}

// Without the zeros that end a round value's digits: "1.0000000e10" -> "1e10", "120.00" -> "120".
std::string trimmed(std::string s) {
  const auto e = std::min(s.find('e'), s.size());
  std::string digits = s.substr(0, e);
  if (digits.find('.') != std::string::npos) {
    digits.erase(digits.find_last_not_of('0') + 1);
    if (digits.back() == '.') digits.pop_back();
  }
  return digits + s.substr(e);
}

}  // namespace

AxisTicks axis_ticks(double lo, double hi) {
  AxisTicks plain;
  const double span = hi - lo, raw = span / 6;
  plain.place = static_cast<int>(std::floor(std::log10(raw)));
  const double m = raw / std::pow(10.0, plain.place);
  int k = m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10;
  if (k == 10) k = 1, ++plain.place;
  plain.step = k * std::pow(10.0, plain.place);
  plain.fixed = fixed_point(std::max(std::abs(lo), std::abs(hi)));
  auto widest = [&](const AxisTicks& t) {  // the longest label
    std::size_t w = 0;
    for (const double v : tick_values(t, lo, hi)) w = std::max(w, tick_label(t, v).size());
    return w;
  };
  if (plain.fixed && widest(plain) <= max_label_chars) return plain;  // "0.2", "1995"
  plain.fixed = false;
  if (widest(plain) <= max_label_chars) return plain;  // "4e10", "3e5", "-5e-3"
  // Offsets from the multiple of the power of ten at or above the span nearest the middle: they
  // need few digits, and lie on both sides of zero.
  AxisTicks offset = plain;
  const int base_place = static_cast<int>(std::ceil(std::log10(span)));
  const double q = std::pow(10.0, base_place);
  offset.base = std::round((lo + span / 2) / q) * q;
  if (offset.base != 0) {
    offset.base_text =
        trimmed(number(std::abs(offset.base), base_place, fixed_point(std::abs(offset.base))));
    for (const bool fixed : {true, false}) {  // "-0.02", else "-2e-5"
      offset.fixed = fixed;
      if (widest(offset) <= max_label_chars) return offset;
    }
  }
  // Far from 1 (past 1e99), a power of ten is long to write: whole numbers of the step's unit.
  offset.unit_text = trimmed(number(std::pow(10.0, offset.place), offset.place, false));
  return offset;
}

std::vector<double> tick_values(const AxisTicks& t, double lo, double hi) {
  std::vector<double> values;
  for (double j = std::ceil(lo / t.step); j <= std::floor(hi / t.step); ++j)
    values.push_back(j * t.step);
  return values;
}

std::string tick_label(const AxisTicks& t, double value) {
  // Snapped to its multiple of the step: no "-0.0", no 1e-17 for a tick at zero.
  double v = std::round((value - t.base) / t.step) * t.step;
  if (v == 0) v = 0;
  if (!t.unit_text.empty()) return number(std::round(v / std::pow(10.0, t.place)), 0, true);
  return number(v, t.place, t.fixed);
}

std::string axis_name(const AxisTicks& t, const std::string& name) {
  if (t.base_text.empty()) return t.unit_text.empty() ? name : name + " / " + t.unit_text;
  const std::string offset = name + (t.base < 0 ? " + " : " - ") + t.base_text;
  return t.unit_text.empty() ? offset : "(" + offset + ") / " + t.unit_text;
}

}  // namespace dlmath::visual
