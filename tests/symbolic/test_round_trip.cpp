// Symbolic derivatives printed as programs and read back: the printed derivative (simplified, and
// raw), evaluated, equals the gradient of the original to 45 digits at precision 50, and so do
// printed derivatives of order 2 and 3; second derivatives agree with finite differences of the
// gradient at 100 digits; Hessians are symmetric.
#include <algorithm>
#include <catch2/catch.hpp>

#include "../support.hpp"
#include "ops/derivative.hpp"
#include "symbolic/formula.hpp"
#include "symbolic/record.hpp"

using namespace dlmath;
using namespace dlmath::symbolic;
using testing::close;

namespace {

const char* programs[] = {
    "sigmoid(w*x + b)",
    "x^3 - 2*x*y + y^2/x",
    "z = w*x + b; a = tanh(z); a*a + log(x)",
    "exp(-x^2) * sin(3*y) + cos(x*y)",
    "softplus(x - y) + sqrt(x*x + y*y)",
    "pow(x, y) + pow(y, 2)",
    "relu(x - 0.25) * abs(y) + 1/(1 + x)",
    "t = sigmoid(x); u = sigmoid(t*y); u - t",
    "-(y*log(sigmoid(x)) + (1 - y)*log(1 - sigmoid(x)))",
    "tanh(2*x + y)^3 + x/(x + y)",
    "exp(3)*x^2 + log(1e-300*y) + 0.1*x*y",
    "sin(x)*cos(y) - sin(x)^2 + cos(x)^2*y",
    "(x - 1)^3/(y + 2)^2 + sqrt(x)*y^1.5",
};
const std::map<std::string, std::string> point = {
    {"x", "0.7"}, {"y", "1.3"}, {"w", "-0.4"}, {"b", "0.2"}};

template <class T>
std::map<std::string, std::string> values_for(const Program& p) {
  std::map<std::string, std::string> v;
  for (const auto& name : p.inputs) v[name] = point.at(name);
  return v;
}

}  // namespace

// The printed text of a node, read back at float50 at the test's point.
static float50 read_back(const std::string& printed) {
  const Program dp = parse(printed);
  std::map<std::string, std::string> v;
  for (const auto& name : dp.inputs) v[name] = point.at(name);
  Graph<float50> g;
  return record_program(g, dp, v).output.value();
}

TEST_CASE("diff printed, parsed and evaluated equals eval's gradient to 45 digits (float50)") {
  for (const char* src : programs) {
    const Program p = parse(src);
    for (std::size_t k = 0; k < p.inputs.size(); ++k) {
      INFO(src << "  d/d" << p.inputs[k]);
      Graph<float50> g;
      const auto r = record_program(g, p, values_for<float50>(p));
      backward(r.output);
      const float50 gradient = r.inputs[k].grad();
      const index_t d = derivative(r.output, r.inputs[k]).index();
      for (const bool raw : {false, true}) {
        const std::string printed = formula(g, d, FormulaOptions{false, 0, raw});
        INFO((raw ? "raw: " : "simplified: ") << printed);
        CHECK(close(read_back(printed), gradient, float50("1e-45")));
      }
    }
  }
}

TEST_CASE("derivatives of order 2 and 3, printed and read back, equal their values to 45 digits") {
  for (const char* src : programs) {
    const Program p = parse(src);
    Graph<float50> g;
    const auto r = record_program(g, p, values_for<float50>(p));
    for (std::size_t k = 0; k < p.inputs.size(); ++k) {
      Var<float50> d = derivative(r.output, r.inputs[k]);
      for (int order = 2; order <= 3; ++order) {
        d = derivative(d, r.inputs[(k + 1) % p.inputs.size()]);
        const std::string printed = formula(g, d.index());
        INFO(src << "  order " << order << ": " << printed);
        // An absolute floor: a derivative that is 0 (and printed as 0) has rounding noise of
        // about 1e-50 in d.value().
        const float50 a = read_back(printed), b = d.value();
        CHECK(abs(a - b) <= float50("1e-45") * std::max({float50(1), abs(a), abs(b)}));
      }
    }
  }
}

TEST_CASE("second derivatives agree with finite differences of the gradient at 100 digits") {
  for (const char* src : programs) {
    const Program p = parse(src);
    Graph<float100> g;
    const auto r = record_program(g, p, values_for<float100>(p));
    const std::size_t n = r.inputs.size();
    for (std::size_t i = 0; i < n; ++i) {
      const Var<float100> di = derivative(r.output, r.inputs[i]);
      for (std::size_t j = 0; j < n; ++j) {
        INFO(src << "  d2/d" << p.inputs[i] << " d" << p.inputs[j]);
        const float100 h("1e-30");
        const float100 at = r.inputs[j].value();
        auto gradient_at = [&](const float100& v) {
          r.inputs[j].set(v);
          g.forward();
          return di.value();
        };
        const float100 fd = (gradient_at(at + h) - gradient_at(at - h)) / (2 * h);
        r.inputs[j].set(at);
        g.forward();
        const float100 exact = derivative(di, r.inputs[j]).value();
        CHECK(close(exact, fd, float100("1e-50")));
      }
    }
  }
}

TEST_CASE("the Hessian is symmetric") {
  for (const char* src : programs) {
    const Program p = parse(src);
    Graph<float50> g;
    const auto r = record_program(g, p, values_for<float50>(p));
    for (std::size_t i = 0; i < r.inputs.size(); ++i)
      for (std::size_t j = 0; j < i; ++j) {
        INFO(src);
        const float50 hij = derivative(derivative(r.output, r.inputs[i]), r.inputs[j]).value();
        const float50 hji = derivative(derivative(r.output, r.inputs[j]), r.inputs[i]).value();
        CHECK(close(hij, hji, float50("1e-45")));
      }
  }
}

TEST_CASE("printing simplifies: constants fold, x*1, x+0, x*0 and -(-x) disappear") {
  Graph<double> g;
  auto x = g.input("x", 2.0);
  CHECK(print(g, (x * 1 + 0).index()) == "x");
  CHECK(print(g, (x * 0 + x).index()) == "x");
  CHECK(print(g, (-(-x)).index()) == "x");
  CHECK(print(g, (x * (g.constant(2) + 3)).index()) == "5*x");
  CHECK(print(g, derivative(x * x * x, x).index()) == "t1 = x*x\nt1 + t1 + t1");
  CHECK(print(g, derivative(pow(x, 3), x).index()) == "3*x^2");
  CHECK(print(g, (x - (-x)).index()) == "x + x");
  CHECK(print(g, exp(sigmoid(x) * sigmoid(x)).index()) ==
        "exp(sigmoid(x)*sigmoid(x))");  // short: written out
  CHECK(print(g, exp(sigmoid(x + 1) * sigmoid(x + 1)).index()) ==
        "t1 = sigmoid(x + 1)\nexp(t1*t1)");
  CHECK(print(g, pow(x, 3).index(), PrintOptions{true, 0}) == "x^{3}");
  CHECK(print(g, (x / (x + 1)).index(), PrintOptions{true, 0}) == "\\frac{x}{x + 1}");
}

TEST_CASE("a 10^6-term sum and 10^5-deep nesting record and differentiate") {
  std::string sum = "x";
  for (int k = 0; k < 1000000; ++k) sum += "+x";
  const Program p = parse(sum);
  Graph<double> g;
  const auto r = record_program(g, p, {{"x", "0.5"}});
  backward(r.output);
  CHECK(r.inputs[0].grad() == 1000001);
  // The derivative of a long sum of products prints term by term (and in linear time: each
  // subexpression's text is moved into its parent, not copied).
  std::string products = "x*y";
  for (int k = 0; k < 100000; ++k) products += "+x*y";
  Graph<double> gp;
  const auto rp = record_program(gp, parse(products), {{"x", "2"}, {"y", "3"}});
  const std::string d = print(gp, derivative(rp.output, rp.inputs[0]).index());
  CHECK(std::count(d.begin(), d.end(), 'y') == 100001);
  const std::string deep = std::string(100000, '(') + "x" + std::string(100000, ')') + "*2";
  Graph<double> g2;
  const auto r2 = record_program(g2, parse(deep), {{"x", "3"}});
  CHECK(r2.output.value() == 6);
}
