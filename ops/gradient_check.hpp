// A gradient check: each partial derivative by autodiff beside a central difference
// (f(x + h) - f(x - h)) / 2h, the decimal digits on which they agree, and a verdict. One
// implementation for `dlmath check` (any program) and `dlmath inspect` (the network's cost).
#pragma once

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "engine/decimal.hpp"

namespace dlmath {

template <class T>
struct PartialCheck {
  T autodiff{}, finite_difference{}, step{};
  T relative_difference{};       // |autodiff - fd| / max(|autodiff|, |fd|), 0 when both are 0
  double digits = 0;             // decimal digits on which they agree, 0 to the precision's digits
  bool within_rounding = false;  // the difference is below the rounding noise of the difference
  bool agrees = false;
};

template <class T>
struct GradientCheck {
  std::vector<PartialCheck<T>> partials;
  int carried_digits = 0;   // the precision's decimal digits
  int expected_digits = 0;  // the agreement a correct derivative reaches
  bool all_agree = true;
};

// The agreement a correct derivative reaches. With h ~ eps^(1/3) the central difference's
// truncation error (~h^2) and rounding error (~eps/h) are both ~eps^(2/3): two thirds of the
// digits in good cases. A third leaves room for large third derivatives and cancellation, and
// is still far above what a wrong partial or a kink (relu at 0 gives 1 against 0.5) reaches.
inline int expected_agreement(int carried_digits) {
  return std::max(1, carried_digits / 3);
}

// `gradient` is autodiff's gradient at `point`, `value` the function there. `f(k, v)` sets
// coordinate k to v, leaving the others, and returns the function's value; the check puts every
// coordinate back as it found it.
template <class T, class F>
GradientCheck<T> check_gradient(const std::vector<T>& point, const std::vector<T>& gradient,
                                const T& value, F&& f) {
  using std::abs, std::cbrt, std::isfinite, std::log10;
  GradientCheck<T> out;
  out.carried_digits = carried_digits(value);
  out.expected_digits = expected_agreement(out.carried_digits);
  const T eps = std::numeric_limits<T>::epsilon();
  for (std::size_t k = 0; k < point.size(); ++k) {
    PartialCheck<T> c;
    const T& x = point[k];
    // Scaled by the coordinate's size so that x + h differs from x in the same digits.
    c.step = cbrt(eps) * (abs(x) > 1 ? abs(x) : T(1));
    const T up = f(k, x + c.step), down = f(k, x - c.step);
    f(k, x);
    c.autodiff = gradient[k];
    c.finite_difference = (up - down) / (2 * c.step);
    const T diff = abs(c.autodiff - c.finite_difference);
    const T scale = std::max(abs(c.autodiff), abs(c.finite_difference));
    const bool finite = isfinite(c.autodiff) && isfinite(c.finite_difference);
    c.relative_difference = scale == 0 ? T(0) : diff / scale;
    if (!finite) {
      c.digits = 0;
    } else if (diff == 0) {
      c.digits = out.carried_digits;
    } else {
      const double r = static_cast<double>(c.relative_difference);
      // + 0.0: -log10(1) is -0, which would print as "-0.0".
      c.digits = r <= 0 ? out.carried_digits
                        : std::clamp(-std::log10(r), 0.0, double(out.carried_digits)) + 0.0;
    }
    // A partial near 0 beside a large value: f(x +- h) carry rounding error eps |f|, which the
    // difference divides by h. A disagreement below that is noise, not a wrong derivative.
    const T noise = 16 * eps * (abs(up) + abs(down)) / (2 * c.step);
    c.within_rounding = finite && diff <= noise;
    c.agrees = finite && (c.digits >= out.expected_digits || c.within_rounding);
    out.all_agree = out.all_agree && c.agrees;
    out.partials.push_back(c);
  }
  return out;
}

}  // namespace dlmath
