// Every op of the op table, near saturation and at the edges of its domain: its value, its
// numeric partials (backward) and its recorded partials (derivative()) against MPFR, within 4 ulps
// of the working precision, in double, float50 and float100. The references are values only,
// written out here independently of ops/ and evaluated at 130 digits; a reference partial is the
// central difference of that value taken at a precision high enough that its step and its
// rounding are both far below 130 digits. Where a partial is defined only by convention (relu,
// step, sign at 0; sqrt and powers at base 0) the point states the convention.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "../support.hpp"
#include "engine/multiprecision.hpp"
#include "ops/derivative.hpp"
#include "ops/ops.hpp"

using namespace dlmath;
using testing::text;

namespace {

using Ref = mpfr_float;  // 130 digits for values; more for the differences
using Args = std::vector<Ref>;
constexpr int reference_digits = 130;

struct Point {
  std::vector<std::string> at;  // the operands as decimal text, rounded to the working type
  // The recorded partials are the plain formulas; at this point only the numeric step reaches
  // full accuracy (a limit at a = 0 for powers, an overflow or a rounding the formula magnifies).
  bool numeric_only = false;
  // Partials that hold by convention at a kink or an end of the domain, where no difference
  // gives them: "0", "inf", or empty for "take the difference".
  std::vector<std::string> convention = {};
};

// One op's value written out independently of ops/, and where to check it: `points` in every
// type, `wide` only in types whose range goes far beyond double's.
struct Reference {
  std::function<Ref(const Args&)> value;
  std::vector<Point> points, wide = {};
};

Ref sig(const Ref& x) {
  return 1 / (1 + exp(-x));
}
Ref sign_of(const Ref& x) {
  return Ref(x > 0 ? 1 : (x < 0 ? -1 : 0));
}

std::vector<Point> unary(std::initializer_list<const char*> xs) {
  std::vector<Point> p;
  for (const char* x : xs) p.push_back({{x}});
  return p;
}

const std::map<OpCode, Reference>& references() {
  static const std::map<OpCode, Reference> r = [] {
    std::map<OpCode, Reference> m;
    m[Add::code] = {[](const Args& a) { return a[0] + a[1]; },
                    {{{"1", "1e-20"}}, {{"0.1", "0.2"}}, {{"-3", "1e300"}}}};
    m[Sub::code] = {[](const Args& a) { return a[0] - a[1]; },
                    {{{"1", "1e-20"}}, {{"0.1", "0.3"}}}};
    m[Mul::code] = {[](const Args& a) { return a[0] * a[1]; },
                    {{{"1e-200", "1e-100"}}, {{"3", "-7.1"}}, {{"0", "5"}}}};
    m[Div::code] = {[](const Args& a) { return a[0] / a[1]; },
                    {{{"1", "3"}}, {{"-2", "1e-150"}}, {{"1e-300", "7"}}, {{"1e300", "0.5"}}}};
    m[Neg::code] = {[](const Args& a) { return -a[0]; }, unary({"0.3", "-1e-300", "0"})};
    // a^b at a = 0: the slope in a is b 0^(b-1), infinite for b < 1.
    m[Pow::code] = {[](const Args& a) { return pow(a[0], a[1]); },
                    {{{"2", "0.5"}},
                     {{"0.5", "100"}},
                     {{"10", "-300"}},
                     {{"1e-10", "3"}},
                     {{"3", "1e-20"}},
                     {{"0", "2"}, true},
                     {{"0", "1"}, true},
                     {{"0", "0.5"}, true, {"inf", ""}}}};
    // x^c, c constant (no partial in c: the registry says so): x^0 has slope 0 even at x = 0.
    m[PowConst::code] = {[](const Args& a) { return pow(a[0], a[1]); },
                         {{{"0", "0"}},
                          {{"0", "1"}},
                          {{"0", "2"}},
                          {{"0", "3"}},
                          {{"-2", "3"}},
                          {{"2", "-1"}},
                          {{"1e-100", "0.5"}},
                          {{"-1.5", "0"}}}};
    m[Square::code] = {[](const Args& a) { return a[0] * a[0]; },
                       unary({"-3", "1e150", "1e-150", "0"})};
    m[Exp::code] = {[](const Args& a) { return exp(a[0]); },
                    unary({"0", "1e-20", "709", "-700", "-20", "20"}), unary({"-1000", "1e5"})};
    m[Log::code] = {[](const Args& a) { return log(a[0]); },
                    unary({"1e-300", "1.0000000000000002", "0.9999999999999999", "1.5", "1e300"}),
                    unary({"1e-1000", "1e1000"})};
    m[Sqrt::code] = {[](const Args& a) { return sqrt(a[0]); },
                     {{{"0"}, false, {"inf"}}, {{"1e-300"}}, {{"4.9e-324"}}, {{"2"}}, {{"1e300"}}},
                     unary({"1e-1000"})};
    // sin and cos reduce large arguments exactly: 1e22 is exact in double, 1e50 at 50 digits.
    m[Sin::code] = {[](const Args& a) { return sin(a[0]); },
                    unary({"0.5", "1e-30", "1e22", "-1e22", "1e300", "3.141592653589793"}),
                    unary({"1e50", "1e100", "-1e40"})};
    m[Cos::code] = {[](const Args& a) { return cos(a[0]); },
                    unary({"0.5", "1e-30", "1e22", "-1e22", "1e300", "1.5707963267948966"}),
                    unary({"1e50", "1e100", "-1e40"})};
    m[Tanh::code] = {
        [](const Args& a) { return tanh(a[0]); },
        unary({"0", "1e-30", "7", "-7", "20", "-20", "50", "-50", "350", "700", "-700"}),
        unary({"1000", "-1000"})};
    m[Sigmoid::code] = {[](const Args& a) { return sig(a[0]); },
                        unary({"0", "1e-30", "20", "-20", "50", "-50", "700", "-700"}),
                        unary({"1000", "-1000", "1e5"})};
    // relu'(0) = step(0) = 0; the difference would give 1/2.
    m[Relu::code] = {[](const Args& a) { return a[0] > 0 ? a[0] : Ref(0); },
                     {{{"-1"}}, {{"0"}, false, {"0"}}, {{"1e-300"}}, {{"2"}}}};
    m[Softplus::code] = {[](const Args& a) { return log1p(exp(a[0])); },
                         unary({"0", "1e-30", "20", "-20", "50", "-50", "700", "-700"}),
                         unary({"1000", "-1000"})};
    m[Abs::code] = {[](const Args& a) { return abs(a[0]); }, unary({"-2", "0", "2", "-1e-300"})};
    m[Step::code] = {[](const Args& a) { return Ref(a[0] > 0 ? 1 : 0); },
                     {{{"-1"}}, {{"0"}, false, {"0"}}, {{"1e-300"}}}};
    m[Sign::code] = {[](const Args& a) { return sign_of(a[0]); },
                     {{{"-1"}}, {{"0"}, false, {"0"}}, {{"1e-300"}}}};
    // atan at 1e155: the recorded 1/(1 + x^2) overflows in double, the numeric slope does not.
    m[Atan::code] = {[](const Args& a) { return atan(a[0]); },
                     {{{"0"}},
                      {{"1e-30"}},
                      {{"0.5"}},
                      {{"-1"}},
                      {{"3"}},
                      {{"-1e8"}},
                      {{"1e150"}},
                      {{"1e155"}, true},
                      {{"-1e300"}}},
                     unary({"1e400", "-1e-400"})};
    // erf: where x^2 is not exact in binary, the recorded exp(-(x*x)) carries its rounding
    // magnified by x^2; the numeric slope splits x and keeps every digit.
    m[Erf::code] = {[](const Args& a) { return erf(a[0]); },
                    {{{"0"}},
                     {{"1e-30"}},
                     {{"0.5"}},
                     {{"-1.5"}},
                     {{"3"}},
                     {{"4.3"}, true},
                     {{"-5.9"}, true},
                     {{"26"}},
                     {{"27.3"}, true}},
                    {{{"-40"}}, {{"100.1"}, true}}};
    // Operands w1, x1, w2, x2, b.
    m[Affine::code] = {
        [](const Args& a) { return a[0] * a[1] + a[2] * a[3] + a[4]; },
        {{{"0.5", "2", "-0.25", "4", "3"}}, {{"1e100", "1e-100", "2", "3", "1e-20"}}}};
    return m;
  }();
  return r;
}

// d value / d a[k] at a, from central differences D(h) = (f(a + h) - f(a - h)) / 2h: Richardson's
// (4 D(h/2) - D(h)) / 3, whose error is of order h^4, with h = 2^-333 (about 1e-100) times the
// operand's scale, a power of two so that x^3 at 0 gives exactly 0. The precision is raised until
// the cancellation in f(a + h) - f(a - h) leaves 130 digits. A difference that stays 0 at 40,000
// digits is a slope of 0 (step and sign away from 0).
Ref reference_partial(const Reference& ref, const Args& a, std::size_t k) {
  const int step_bits = 333, step_digits = 100;
  const Ref scale = abs(a[k]) < 1 && a[k] != 0 ? abs(a[k]) : Ref(1);
  const int magnitude = a[k] == 0 ? 0 : std::max(0, static_cast<int>(log10(abs(a[k]))));
  int digits = reference_digits + step_digits + magnitude + 20;
  for (;;) {
    Ref::default_precision(digits);
    // f(a + h) - f(a - h), and the larger of |f(a + h)| and |f(a - h)|.
    auto difference = [&](const Ref& h) {
      Args up(a.begin(), a.end()), down(a.begin(), a.end());
      for (auto& v : up) v.precision(digits);
      for (auto& v : down) v.precision(digits);
      up[k] += h;
      down[k] -= h;
      const Ref fu = ref.value(up), fd = ref.value(down);
      return std::pair<Ref, Ref>{fu - fd, std::max(abs(fu), abs(fd))};
    };
    const Ref h = ldexp(scale, -step_bits);
    const auto [wide, wide_size] = difference(h);
    const auto [narrow, size] = difference(h / 2);
    if (isnan(wide) || isnan(narrow)) return wide + narrow;  // outside the domain: a convention
    // The rounding of f, 10^-digits |f|, must stay 130 digits below the difference.
    const bool enough =
        narrow != 0 &&
        (size == 0 || log10(size / abs(narrow)) + reference_digits + 10 < Ref(digits));
    if (enough || digits > 40000) {
      Ref d = (4 * (narrow / h) - wide / (2 * h)) / 3;
      Ref::default_precision(reference_digits);
      d.precision(reference_digits);
      return d;
    }
    const int cancelled = narrow == 0 ? digits : static_cast<int>(log10(size / abs(narrow)));
    digits = std::max(2 * digits, cancelled + reference_digits + step_digits + 40);
  }
}

Ref convention_value(const std::string& c) {
  return c == "inf" ? std::numeric_limits<Ref>::infinity() : Ref(c);
}

template <class T>
T parse(const std::string& text) {
  if constexpr (std::is_floating_point_v<T>)
    return std::strtod(text.c_str(), nullptr);  // keeps subnormals, unlike std::stod
  else
    return T(text);
}

// Within 4 ulps of T relative to the reference, or (for a result beyond T's normal range) of the
// smallest subnormal; infinities and zeros exactly.
template <class T>
bool within(const T& got, const Ref& ref) {
  using std::isinf, std::isnan;
  if (isnan(got)) return false;
  if (isinf(ref) || ref == 0) return Ref(got) == ref;
  if (isinf(got)) return false;
  const Ref eps(std::numeric_limits<T>::epsilon());
  const Ref tiny(std::numeric_limits<T>::denorm_min());
  return abs(Ref(got) - ref) <= 4 * eps * abs(ref) + 4 * tiny;
}

template <class T>
void check_every_op(bool wide) {
  Ref::default_precision(reference_digits);
  const OpTable<T>& table = op_table<T>();
  int checked = 0;
  for (OpCode code = first_op; code < op_count; ++code) {
    const std::string name(table.ops[code].name);
    INFO("op " << name << " (code " << int(code) << ")");
    const auto ref = references().find(code);
    REQUIRE(ref != references().end());  // a new op needs its references here
    std::vector<Point> points = ref->second.points;
    if (wide) points.insert(points.end(), ref->second.wide.begin(), ref->second.wide.end());
    for (const Point& p : points) {
      Graph<T> g;
      std::vector<Var<T>> x;
      Args at;
      for (const std::string& s : p.at) {
        x.push_back(g.parameter("x" + std::to_string(x.size()), parse<T>(s)));
        at.push_back(Ref(x.back().value()));  // exact: the reference sees the rounded operand
      }
      const int arity = table.ops[code].arity;
      REQUIRE((arity < 0 || static_cast<std::size_t>(arity) == x.size()));
      Var<T> y;
      if (arity == 1)
        y = g.record(code, x[0].index());
      else if (arity == 2)
        y = g.record(code, x[0].index(), x[1].index());
      else
        y = g.record_nary(code, x.size(), [&](index_t* args) {
          for (const auto& v : x) *args++ = v.index();
        });
      backward(y);
      std::string where = name + "(";
      for (std::size_t k = 0; k < p.at.size(); ++k) where += (k ? ", " : "") + p.at[k];
      where += ")";
      INFO(where << " = " << text(y.value()) << ", reference "
                 << ref->second.value(at).str(40, std::ios_base::scientific));
      CHECK(within(y.value(), ref->second.value(at)));
      const int constant = op_entries[code - first_op].constant_operand;
      for (std::size_t k = 0; k < x.size(); ++k) {
        const std::string by = k < p.convention.size() ? p.convention[k] : "";
        const Ref d = static_cast<int>(k) == constant ? Ref(0)  // gets no gradient
                      : by.empty()                    ? reference_partial(ref->second, at, k)
                                                      : convention_value(by);
        INFO("d/dx" << k << ": backward " << text(x[k].grad()) << ", reference "
                    << d.str(40, std::ios_base::scientific));
        CHECK(within(x[k].grad(), d));
        if (p.numeric_only) continue;
        const T recorded = derivative(y, x[k]).value();
        INFO("derivative() " << text(recorded));
        CHECK(within(recorded, d));
      }
      ++checked;
    }
  }
  CHECK(checked >= 2 * (int(op_count) - int(first_op)));
}

// d^n/dx^n of f at x, by derivative() of derivative() (the recorded partials).
template <class T>
std::vector<T> derivatives_at(std::function<Var<T>(Graph<T>&, Var<T>)> f, T at, int n) {
  Graph<T> g;
  auto x = g.parameter("x", at);
  Var<T> d = f(g, x);
  std::vector<T> out{d.value()};
  for (int k = 0; k < n; ++k) {
    d = derivative(d, x);
    out.push_back(d.value());
  }
  return out;
}

template <class T>
void check_powers_at_zero() {
  using V = Var<T>;
  using Fn = std::function<V(Graph<T>&, V)>;
  // x^c with c = 0, 1, 2, 3: exactly the Taylor coefficients times k! at 0, never NaN.
  const std::vector<std::pair<Fn, std::vector<T>>> cases = {
      {[](Graph<T>&, V x) { return pow(x, 0); }, {1, 0, 0, 0}},
      {[](Graph<T>&, V x) { return pow(x, 1); }, {0, 1, 0, 0}},
      {[](Graph<T>&, V x) { return pow(x, 2); }, {0, 0, 2, 0}},
      {[](Graph<T>&, V x) { return pow(x, 3); }, {0, 0, 0, 6}},
      // 0^x at x = 2 (the base a constant leaf): 0 with every derivative 0.
      {[](Graph<T>& g, V x) { return pow(g.constant(0), x); }, {0, 0, 0, 0}}};
  int which = 0;
  for (const auto& [f, expected] : cases) {
    const T at = which == 4 ? T(2) : T(0);
    INFO("case " << which++);
    const auto got = derivatives_at<T>(f, at, 3);
    for (std::size_t k = 0; k < expected.size(); ++k) {
      INFO("derivative " << k << " = " << text(got[k]));
      CHECK(got[k] == expected[k]);
    }
  }
  // x^y at x = 0: the numeric step gives d/dx x^0 = 0 and d/dy 0^2 = 0.
  for (auto [b, da, db] : {std::tuple{0, 0, 1}, {2, 0, 0}, {1, 1, 0}}) {
    Graph<T> g;
    auto x = g.parameter("x", T(0)), y = g.parameter("y", T(b));
    backward(pow(x, y));
    INFO("0^" << b << ": d/dx " << text(x.grad()) << ", d/dy " << text(y.grad()));
    CHECK(x.grad() == T(da));
    if (db == 0) CHECK(y.grad() == T(0));
  }
}

}  // namespace

TEST_CASE("every op's value and partials within 4 ulps at its edges, in double") {
  check_every_op<double>(false);
}

TEST_CASE("every op's value and partials within 4 ulps at its edges, in float50") {
  check_every_op<float50>(true);
}

TEST_CASE("every op's value and partials within 4 ulps at its edges, in float100") {
  check_every_op<float100>(true);
}

TEST_CASE("powers at base 0 have exact derivatives of every order, recorded and numeric") {
  check_powers_at_zero<double>();
  check_powers_at_zero<float50>();
}

TEST_CASE("sin(1e50) at 50 digits and sin(1e100) at 100 digits are right to the last digit") {
  // 10^50 is exact in float50; the true values are from MPFR at 130 digits.
  Ref::default_precision(130);
  Graph<float50> g;
  auto x = g.parameter("x", float50("1e50"));
  auto s = sin(x);
  CHECK(within(s.value(), sin(Ref("1e50"))));
  CHECK(abs(Ref(s.value()) - Ref("-0.78967249342931008271028953991740775396008340462140")) <
        Ref("1e-49"));
  Graph<float100> h;
  auto z = h.parameter("z", float100("1e100"));
  CHECK(within(sin(z).value(), sin(Ref("1e100"))));
}
