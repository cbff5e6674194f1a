// Every registered op, taken from the registry alone: no op is named here, so a new op is tested
// by being registered. At each sample point its file declares, its partials, numeric (backward)
// and recorded (derivative()), agree with central differences of its value: in double, and in
// float50 with differences computed at 100 digits. Its symbol parses to it, and what it prints
// reads back to the same value. What its file tells the algebra (how it reads the op, parity,
// exact points, inverse) holds for its numbers.
#include <array>
#include <catch2/catch.hpp>
#include <charconv>
#include <map>
#include <string>
#include <vector>

#include "../support.hpp"
#include "engine/multiprecision.hpp"
#include "ops/derivative.hpp"
#include "ops/ops.hpp"
#include "symbolic/formula.hpp"
#include "symbolic/print.hpp"
#include "symbolic/rational.hpp"
#include "symbolic/record.hpp"

using namespace dlmath;
using testing::close;
using testing::text;

namespace {

// The op's sample points, one vector of operands each.
template <class Op>
std::vector<std::vector<double>> samples_of() {
  std::vector<std::vector<double>> out;
  for (const auto& point : Op::samples) {
    if constexpr (std::is_array_v<std::remove_cvref_t<decltype(point)>>)
      out.emplace_back(std::begin(point), std::end(point));
    else
      out.push_back({point});
  }
  return out;
}

// The op recorded on g with the given leaves as operands, through the tape alone.
template <class T>
Var<T> record_entry(Graph<T>& g, const OpEntry& op, const std::vector<Var<T>>& x) {
  if (op.arity == 1) return g.record(op.code, x[0].index());
  if (op.arity == 2) return g.record(op.code, x[0].index(), x[1].index());
  return g.record_nary(op.code, x.size(), [&](index_t* args) {
    for (const auto& v : x) *args++ = v.index();
  });
}

// One op at one point, in T: its value, and per operand the numeric and the recorded partial,
// and the central difference (f(x + h) - f(x - h)) / 2h with h = step * max(1, |x|).
template <class T>
struct AtPoint {
  T value;
  std::vector<T> numeric, recorded, difference;
};

template <class T>
AtPoint<T> evaluate(const OpEntry& op, const std::vector<double>& point, const T& step) {
  Graph<T> g;
  std::vector<Var<T>> x;
  for (double v : point) x.push_back(g.parameter("x" + std::to_string(x.size()), T(v)));
  const Var<T> y = record_entry(g, op, x);
  AtPoint<T> r;
  r.value = y.value();
  backward(y);
  for (const auto& v : x) r.numeric.push_back(v.grad());
  std::vector<Var<T>> d;
  for (const auto& v : x) d.push_back(derivative(y, v));
  for (const auto& v : d) r.recorded.push_back(v.value());
  for (std::size_t k = 0; k < x.size(); ++k) {
    using std::abs;
    const T at = x[k].value(), h = step * (abs(at) > 1 ? abs(at) : T(1));
    x[k].set(at + h);
    g.forward();
    const T up = y.value();
    x[k].set(at - h);
    g.forward();
    const T down = y.value();
    x[k].set(at);
    g.forward();
    r.difference.push_back((up - down) / (2 * h));
  }
  return r;
}

// The shortest decimal text that reads back as x.
std::string decimal(double x) {
  std::array<char, 32> buf{};
  const auto r = std::to_chars(buf.data(), buf.data() + buf.size(), x);
  return std::string(buf.data(), r.ptr);
}

// Checks one op's partials at every sample point.
template <class Op>
void check_partials() {
  constexpr const OpEntry& op = op_entries[Op::code - first_op];
  const auto points = samples_of<Op>();
  INFO("op " << op.name);
  REQUIRE(points.size() >= 3);  // several points of its domain
  for (const auto& point : points) {
    std::string where = std::string(op.name) + "(";
    for (std::size_t k = 0; k < point.size(); ++k) where += (k ? ", " : "") + decimal(point[k]);
    INFO("at " << where << ")");
    REQUIRE(static_cast<int>(point.size()) == (op.arity < 0 ? 5 : op.arity));

    const AtPoint<double> d = evaluate<double>(op, point, 1e-5);
    const AtPoint<float50> m = evaluate<float50>(op, point, float50("1e-30"));
    const AtPoint<float100> reference = evaluate<float100>(op, point, float100("1e-30"));
    CHECK(std::isfinite(d.value));
    CHECK(close(float100(m.value), reference.value, float100("1e-48")));
    for (std::size_t k = 0; k < point.size(); ++k) {
      INFO("d/dx" << k << " in double: numeric " << text(d.numeric[k]) << ", recorded "
                  << text(d.recorded[k]) << ", central difference " << text(d.difference[k]));
      INFO("at 50 digits: numeric " << text(m.numeric[k]) << ", recorded " << text(m.recorded[k])
                                    << ", central difference at 100 digits "
                                    << text(reference.difference[k]));
      if (static_cast<int>(k) == op.constant_operand) {
        // A constant operand has no gradient, whatever its value would do.
        CHECK(d.numeric[k] == 0);
        CHECK(d.recorded[k] == 0);
        CHECK(m.numeric[k] == 0);
        continue;
      }
      CHECK(close(d.numeric[k], d.difference[k], 1e-7));
      CHECK(close(d.recorded[k], d.difference[k], 1e-7));
      const float100 relative("1e-45");
      CHECK(close(float100(m.numeric[k]), reference.difference[k], relative));
      CHECK(close(float100(m.recorded[k]), reference.difference[k], relative));
    }
  }
}

// The op written in the language at its first sample point: x0 + x1, -x0, f(x0), pow(x0, x1),
// with a constant operand written as a number.
std::vector<std::string> written_forms(const OpEntry& op, const std::vector<double>& point) {
  std::vector<std::string> operand;
  for (std::size_t k = 0; k < point.size(); ++k)
    operand.push_back(static_cast<int>(k) == op.constant_operand ? decimal(point[k])
                                                                 : "x" + std::to_string(k));
  const std::string symbol(op.symbol);
  std::vector<std::string> forms;
  if (op.is_operator())
    forms.push_back(op.arity == 1 ? symbol + operand[0]
                                  : operand[0] + " " + symbol + " " + operand[1]);
  const std::string name = op.is_function() ? symbol : std::string(op.call);
  if (!name.empty())
    forms.push_back(name + "(" + operand[0] + (op.arity == 2 ? ", " + operand[1] : "") + ")");
  return forms;
}

template <class Op>
void check_language() {
  constexpr const OpEntry& op = op_entries[Op::code - first_op];
  if (!op.in_language()) return;
  const std::vector<double> point = samples_of<Op>().front();
  std::map<std::string, std::string> values;
  for (std::size_t k = 0; k < point.size(); ++k)
    values["x" + std::to_string(k)] = decimal(point[k]);
  const auto forms = written_forms(op, point);
  REQUIRE(!forms.empty());
  for (const std::string& source : forms) {
    INFO("op " << op.name << " written " << source);
    Graph<double> g;
    const auto r = symbolic::record_program(g, symbolic::parse(source), values);
    CHECK(g.op(r.output.index()) == op.code);  // the symbol parses to this op
    Graph<double> direct;
    std::vector<Var<double>> x;
    for (double v : point) x.push_back(direct.constant(v));
    CHECK(r.output.value() == record_entry(direct, op, x).value());

    const std::string printed = symbolic::print(g, r.output.index());
    INFO("prints as " << printed);
    Graph<double> again;
    const auto p = symbolic::parse(printed);
    std::map<std::string, std::string> used;
    for (const auto& name : p.inputs) used[name] = values.at(name);
    CHECK(close(symbolic::record_program(again, p, used).output.value(), r.output.value(), 1e-15));
  }
}

// The op's value at the given operands, in T, through the tape alone.
template <class T>
T value_of(const OpEntry& op, const std::vector<T>& at) {
  Graph<T> g;
  std::vector<Var<T>> x;
  for (const T& v : at) x.push_back(g.constant(v));
  return record_entry(g, op, x).value();
}

// The sample points of the op whose code is `code`.
std::vector<std::vector<double>> samples_of_code(OpCode code) {
  std::vector<std::vector<double>> out;
  [&]<class... Ops>(OpList<Ops...>) {
    ((Ops::code == code ? (out = samples_of<Ops>(), 0) : 0), ...);
  }(RegisteredOps{});
  return out;
}

// The formula that `source` simplifies to, as `dlmath diff` writes it.
std::string simplified(const std::string& source) {
  Graph<double> g;
  const auto p = symbolic::parse(source);
  std::map<std::string, std::string> values;
  for (const auto& name : p.inputs) values[name] = "0.375";
  const auto r = symbolic::record_program(g, p, values);
  return symbolic::formula(g, r.output.index());
}

// What the op's file tells the algebra (ops/reading.hpp) holds for its numbers, at 50 digits
// against its own value: its reading, its parity, its exact points, its inverse; and the algebra
// uses what it is told.
template <class Op>
void check_facts() {
  constexpr const OpEntry& op = op_entries[Op::code - first_op];
  INFO("op " << op.name);
  const float50 tolerance("1e-45");
  for (const auto& point : samples_of<Op>()) {
    std::vector<float50> at(point.begin(), point.end());
    const float50 f = value_of<float50>(op, at);
    const float50 a = at[0], b = at.size() > 1 ? at[1] : float50(0);
    INFO("at " << text(a) << ", " << text(b) << ": " << text(f));
    switch (op.reading.shape) {
      case Reading::linear:
        CHECK(close(f, a + op.reading.sign * b, tolerance));
        break;
      case Reading::product:
        CHECK(close(f, op.reading.sign > 0 ? a * b : a / b, tolerance));
        break;
      case Reading::negate:
        CHECK(f == -a);
        break;
      case Reading::power:
        CHECK(close(f, pow(a, b), tolerance));
        break;
      case Reading::square:
        CHECK(close(f, a * a, tolerance));
        break;
      case Reading::root:
        CHECK(close(f, pow(a, float50(0.5)), tolerance));
        break;
      case Reading::affine:
        CHECK(close(f, at[0] * at[1] + at[2] * at[3] + at[4], tolerance));
        break;
      case Reading::call:
        break;
    }
    const float50 g = op.arity == 1 ? value_of<float50>(op, {-a}) : float50(0);
    switch (op.parity) {
      case Parity::even:
        CHECK(close(g, f, tolerance));
        break;
      case Parity::odd:
        CHECK(close(g, -f, tolerance));
        break;
      case Parity::complement:
        CHECK(close(g, 1 - f, tolerance));
        break;
      case Parity::none:
        break;
    }
    if constexpr (op.exact_on_rationals && arity_of<Op> == 1) {
      // Every double is a rational: the value at it, taken exactly, is the value in double.
      for (double x : {point[0], -point[0], 0.0}) {
        const symbolic::Rational exact = Op::value(symbolic::Rational(x));
        CHECK(exact.convert_to<double>() == value_of<double>(op, {x}));
      }
    }
  }
  for (const ExactPoint& e : op.exact) {
    const float50 f = value_of<float50>(op, {float50(e.at.p) / e.at.q});
    INFO("exact point " << e.at.p << "/" << e.at.q << " gives " << text(f));
    CHECK(f == float50(e.value.p) / e.value.q);
  }
  if (op.inverse) {
    const OpEntry& inner = op_entries[op.inverse - first_op];
    for (const auto& point : samples_of_code(op.inverse)) {
      const float50 u = float50(point[0]);
      INFO(op.name << "(" << inner.name << "(" << text(u) << "))");
      CHECK(close(value_of<float50>(op, {value_of<float50>(inner, {u})}), u, tolerance));
    }
  }
  // The identities between two functions, where this op plays a part in one and the other part
  // is played too.
  const OpCode cosine = op_in_role(Role::cosine), tanh_op = op_in_role(Role::tanh);
  if (op.role == Role::sine && cosine) {
    const OpEntry& c = op_entries[cosine - first_op];
    for (const auto& point : samples_of<Op>()) {
      const float50 u(point[0]), s = value_of<float50>(op, {u}), co = value_of<float50>(c, {u});
      INFO("at " << text(u));
      CHECK(close(s * s + co * co, float50(1), tolerance));
      CHECK(close(value_of<float50>(op, {2 * u}), 2 * s * co, tolerance));
      CHECK(close(value_of<float50>(c, {2 * u}), co * co - s * s, tolerance));
    }
    const std::string f(op.symbol), g(c.symbol);
    CHECK(simplified("3*" + f + "(y)^2 + 3*" + g + "(y)^2") == "3");
    CHECK(simplified("2*" + f + "(y)*" + g + "(y)") == f + "(2*y)");
  }
  if (op.role == Role::logistic && tanh_op) {
    const OpEntry& t = op_entries[tanh_op - first_op];
    for (const auto& point : samples_of<Op>()) {
      const float50 u(point[0]);
      INFO("at " << text(u));
      CHECK(close(value_of<float50>(op, {2 * u}), (1 + value_of<float50>(t, {u})) / 2, tolerance));
    }
  }
  // The algebra uses the facts: f(-y) folds into f(y), f(inverse(y)) into y.
  if (op.is_function() && op.arity == 1) {
    const std::string f(op.symbol);
    switch (op.parity) {
      case Parity::even:
        CHECK(simplified(f + "(-y) - " + f + "(y)") == "0");
        break;
      case Parity::odd:
        CHECK(simplified(f + "(-y) + " + f + "(y)") == "0");
        break;
      case Parity::complement:
        CHECK(simplified(f + "(-y) + " + f + "(y)") == "1");
        break;
      case Parity::none:
        CHECK(simplified(f + "(-y) + " + f + "(y)") != "0");
        break;
    }
    if (op.inverse) {
      const std::string g(op_entries[op.inverse - first_op].symbol);
      CHECK(simplified(f + "(" + g + "(y))") == "y");
    }
  }
}

}  // namespace

TEST_CASE("what every registered op's file tells the algebra holds, and the algebra uses it") {
  int ops = 0;
  [&]<class... Ops>(OpList<Ops...>) { ((check_facts<Ops>(), ++ops), ...); }(RegisteredOps{});
  CHECK(ops == static_cast<int>(op_entries.size()));
}

TEST_CASE("every registered op's partials agree with central differences, double and 50 digits") {
  int ops = 0;
  [&]<class... Ops>(OpList<Ops...>) { ((check_partials<Ops>(), ++ops), ...); }(RegisteredOps{});
  CHECK(ops == static_cast<int>(op_entries.size()));
}

TEST_CASE("every registered op of the language parses from its symbol and prints back") {
  int written = 0;
  [&]<class... Ops>(OpList<Ops...>) {
    ((check_language<Ops>(), written += op_entries[Ops::code - first_op].in_language()), ...);
  }(RegisteredOps{});
  CHECK(written >= static_cast<int>(op_entries.size()) - 1);  // all but affine
}
