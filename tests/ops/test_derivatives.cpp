// Every op's derivative by autodiff against its analytic form (written here independently) and
// against central differences; in double, and in float50 against a float100 evaluation.
#include <catch2/catch.hpp>
#include <functional>

#include "../support.hpp"
#include "ops/ops.hpp"

using namespace dlmath;
using testing::close;

namespace {

// One unary case: the op recorded on a graph, and f and f' written out by hand.
template <class T>
struct Case {
  const char* name;
  std::function<Var<T>(Var<T>)> record;
  std::function<T(T)> f, df;
  T at;
};

template <class T>
std::vector<Case<T>> unary_cases() {
  using std::cos, std::exp, std::log, std::sin, std::sqrt, std::tanh, std::pow;
  auto sig = [](T x) { return 1 / (1 + exp(-x)); };
  return {
      {"neg", [](Var<T> x) { return -x; }, [](T x) { return -x; }, [](T) { return T(-1); }, T(0.3)},
      {"square", [](Var<T> x) { return square(x); }, [](T x) { return x * x; },
       [](T x) { return 2 * x; }, T(-0.7)},
      {"exp", [](Var<T> x) { return exp(x); }, [](T x) { return exp(x); },
       [](T x) { return exp(x); }, T(0.4)},
      {"log", [](Var<T> x) { return log(x); }, [](T x) { return log(x); },
       [](T x) { return 1 / x; }, T(1.9)},
      {"sqrt", [](Var<T> x) { return sqrt(x); }, [](T x) { return sqrt(x); },
       [](T x) { return 1 / (2 * sqrt(x)); }, T(2.3)},
      {"sin", [](Var<T> x) { return sin(x); }, [](T x) { return sin(x); },
       [](T x) { return cos(x); }, T(0.8)},
      {"cos", [](Var<T> x) { return cos(x); }, [](T x) { return cos(x); },
       [](T x) { return -sin(x); }, T(0.8)},
      {"tanh", [](Var<T> x) { return tanh(x); }, [](T x) { return tanh(x); },
       [](T x) { return 1 / (cosh(x) * cosh(x)); }, T(-0.6)},
      {"sigmoid", [](Var<T> x) { return sigmoid(x); }, sig,
       [](T x) { return exp(-x) / ((1 + exp(-x)) * (1 + exp(-x))); }, T(0.9)},
      {"sigmoid<0", [](Var<T> x) { return sigmoid(x); }, sig,
       [](T x) { return exp(-x) / ((1 + exp(-x)) * (1 + exp(-x))); }, T(-2.1)},
      {"relu>0", [](Var<T> x) { return relu(x); }, [](T x) { return x; }, [](T) { return T(1); },
       T(0.5)},
      {"relu<0", [](Var<T> x) { return relu(x); }, [](T) { return T(0); }, [](T) { return T(0); },
       T(-0.5)},
      {"softplus", [](Var<T> x) { return softplus(x); }, [](T x) { return log(1 + exp(x)); },
       [](T x) { return exp(x) / (1 + exp(x)); }, T(-1.3)},
      {"abs<0", [](Var<T> x) { return abs(x); }, [](T x) { return -x; }, [](T) { return T(-1); },
       T(-1.1)},
      {"pow const", [](Var<T> x) { return pow(x, 3); }, [](T x) { return x * x * x; },
       [](T x) { return 3 * x * x; }, T(1.4)},
      {"pow base const", [](Var<T> x) { return pow(2, x); }, [](T x) { return pow(T(2), x); },
       [](T x) { return pow(T(2), x) * log(T(2)); }, T(0.7)},
      {"pow both", [](Var<T> x) { return pow(x, x); }, [](T x) { return pow(x, x); },
       [](T x) { return pow(x, x) * (log(x) + 1); }, T(1.2)},
      {"div", [](Var<T> x) { return 1 / x; }, [](T x) { return 1 / x; },
       [](T x) { return -1 / (x * x); }, T(0.6)},
      {"mul fan-out", [](Var<T> x) { return x * x * x; }, [](T x) { return x * x * x; },
       [](T x) { return 3 * x * x; }, T(0.6)},
      {"sub", [](Var<T> x) { return x - x * x; }, [](T x) { return x - x * x; },
       [](T x) { return 1 - 2 * x; }, T(0.6)},
      {"add", [](Var<T> x) { return x + x * x; }, [](T x) { return x + x * x; },
       [](T x) { return 1 + 2 * x; }, T(0.6)},
  };
}

template <class T>
T autodiff(const Case<T>& c, T at, T* value = nullptr) {
  Graph<T> g;
  auto x = g.parameter("x", at);
  auto y = c.record(x);
  backward(y);
  if (value) *value = y.value();
  return x.grad();
}

}  // namespace

TEST_CASE("every op's derivative in double: analytic to 1e-13, central differences to 1e-7") {
  for (const auto& c : unary_cases<double>()) {
    INFO(c.name);
    double value = 0;
    const double d = autodiff(c, c.at, &value);
    CHECK(close(value, c.f(c.at), 1e-14));
    CHECK(close(d, c.df(c.at), 1e-13));
    const double h = 1e-6;
    const double fd = (c.f(c.at + h) - c.f(c.at - h)) / (2 * h);
    CHECK(close(d, fd, 1e-7));
  }
}

TEST_CASE("every op's derivative in float50 agrees with float100 to 40 digits") {
  const auto cases50 = unary_cases<float50>();
  const auto cases100 = unary_cases<float100>();
  for (std::size_t k = 0; k < cases50.size(); ++k) {
    INFO(cases50[k].name);
    const float50 d = autodiff(cases50[k], cases50[k].at);
    // The same point, read exactly at 100 digits, and the analytic derivative there.
    const float100 at(cases50[k].at);
    const float100 exact = cases100[k].df(at);
    CHECK(close(float100(d), exact, float100("1e-40")));
    // Central differences at 50 digits with h = 1e-15: truncation error ~h^2, rounding ~1e-50/h.
    const float50 h("1e-15");
    const float50 fd =
        (cases50[k].f(cases50[k].at + h) - cases50[k].f(cases50[k].at - h)) / (2 * h);
    CHECK(close(d, fd, float50("1e-25")));
  }
}

TEST_CASE("binary partials: both operands variable") {
  Graph<double> g;
  auto a = g.parameter("a", 1.5), b = g.parameter("b", -0.4);
  backward(a / b);
  CHECK(close(a.grad(), 1 / -0.4, 1e-15));
  CHECK(close(b.grad(), -1.5 / (0.4 * 0.4), 1e-15));
  backward(a * b - b);
  CHECK(a.grad() == -0.4);
  CHECK(b.grad() == 0.5);
  backward(pow(a, b));
  CHECK(close(a.grad(), -0.4 * std::pow(1.5, -1.4), 1e-15));
  CHECK(close(b.grad(), std::pow(1.5, -0.4) * std::log(1.5), 1e-15));
}

TEMPLATE_TEST_CASE("sigmoid, softplus and tanh stay finite with finite gradients at |z| = 1000", "",
                   double, float50) {
  for (int sign : {-1, 1}) {
    Graph<TestType> g;
    auto z = g.parameter("z", TestType(1000 * sign));
    for (auto y : {sigmoid(z), softplus(z), tanh(z)}) {
      backward(y);
      CHECK(is_finite_value(y.value()));
      CHECK(is_finite_value(z.grad()));
    }
    // sigma(1000) is 1 and sigma(-1000) is 0 to within e^-1000 (float50 resolves e^-1000 ~ 5e-435).
    const TestType tiny = TestType(1e-300);
    const TestType s = sigmoid(z).value();
    CHECK((sign > 0 ? 1 - s : s) <= tiny);
    CHECK(s >= 0);
    backward(softplus(z));
    CHECK((sign > 0 ? 1 - z.grad() : z.grad()) <= tiny);  // softplus' = sigma
  }
}

TEST_CASE("softplus keeps its digits for large negative z") {
  Graph<double> g;
  auto z = g.parameter("z", -40.0);
  CHECK(close(softplus(z).value(), std::exp(-40.0), 1e-14));  // log(1 + e^z) ~ e^z
}

TEST_CASE("affine equals the same sum built from binary ops") {
  Graph<double> g;
  std::vector<Var<double>> w{g.parameter("w1", 0.3), g.parameter("w2", -1.2),
                             g.parameter("w3", 2.0)};
  std::vector<Var<double>> x{g.input("x1", 0.5), g.input("x2", 0.25), g.input("x3", -0.125)};
  auto b = g.parameter("b", 0.1);
  auto fused = sigmoid(affine<double>(w, x, b));
  auto fine = sigmoid(w[0] * x[0] + w[1] * x[1] + w[2] * x[2] + b);
  CHECK(fused.value() == Approx(fine.value()).epsilon(1e-15));
  backward(fused);
  std::vector<double> gf;
  for (auto v : {w[0], w[1], w[2], x[0], x[1], x[2], b}) gf.push_back(v.grad());
  backward(fine);
  int k = 0;
  for (auto v : {w[0], w[1], w[2], x[0], x[1], x[2], b})
    CHECK(v.grad() == Approx(gf[k++]).epsilon(1e-15));
}

TEMPLATE_TEST_CASE("every scalar type runs the same engine", "", float, double, long double,
                   float50, float100, decimal50, mpfr_float) {
  mpfr_float::default_precision(60);
  Graph<TestType> g;
  auto x = g.parameter("x", TestType(1) / 4);
  auto y = sigmoid(3 * x) * x + log(x);  // dy/dx = 3 s(1-s) x + s + 1/x, s = sigma(3/4)
  backward(y);
  using std::exp;
  const TestType s = 1 / (1 + exp(-TestType(3) / 4));
  const TestType expected = 3 * s * (1 - s) / 4 + s + 4;
  // mpfr_float's epsilon is a run-time quantity: 60 digits here.
  const TestType tolerance = std::is_same_v<TestType, mpfr_float>
                                 ? from_decimal<TestType>("1e-55")
                                 : TestType(100 * std::numeric_limits<TestType>::epsilon());
  CHECK(close(x.grad(), expected, tolerance));
}
