// The tape: leaves and their kinds, fan-out, repeated backward, replay, groups, anomalies.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>

#include "engine/anomaly.hpp"
#include "ops/ops.hpp"

using namespace dlmath;

TEST_CASE("leaves have names and kinds; inner nodes know their op and operands") {
  Graph<double> g;
  auto w = g.parameter("w", 2.0);
  auto x = g.input("x", 3.0);
  auto c = g.constant(1.5);
  auto y = w * x + c;
  CHECK(w.name() == "w");
  CHECK(x.name() == "x");
  CHECK(c.name().empty());
  CHECK(g.op(w.index()) == Leaf::parameter);
  CHECK(g.op(x.index()) == Leaf::input);
  CHECK(g.op(c.index()) == Leaf::constant);
  CHECK(g.info(y.index()).name == "add");
  const auto ops = g.operands(y.index());
  REQUIRE(ops.size() == 2);
  CHECK(g.info(ops[0]).name == "mul");
  CHECK(ops[1] == c.index());
  CHECK(g.leaves(Leaf::parameter) == std::vector<index_t>{w.index()});
  CHECK(g.leaves(Leaf::input) == std::vector<index_t>{x.index()});
  CHECK(y.value() == 7.5);
  CHECK_THROWS(g.parameter("", 1.0));
}

TEST_CASE("gradients accumulate over fan-out: x*x*x*x + x") {
  Graph<double> g;
  auto x = g.parameter("x", 1.7);
  auto y = x * x * x * x + x;
  backward(y);
  CHECK(x.grad() == Approx(4 * std::pow(1.7, 3) + 1).epsilon(1e-15));
}

TEST_CASE("backward twice gives the same gradients, not doubled") {
  Graph<double> g;
  auto x = g.parameter("x", 0.3);
  auto y = sigmoid(x * x) * x;
  backward(y);
  const double first = x.grad();
  backward(y);
  CHECK(x.grad() == first);
}

// Gradients are cleared by plain stores on a small tape and by memset on a large one
// (engine/tape.hpp, zero_gradients): both ways, a second sweep must not add to the first.
TEST_CASE("backward twice on a tape of more than 4096 nodes gives the same gradients") {
  Graph<double> g;
  auto x = g.parameter("x", 0.3);
  Var<double> y = x * x;
  for (int k = 1; k < 3000; ++k) y = y + x * x;  // 6000 nodes: dy/dx = 3000 * 2x
  REQUIRE(g.size() > 4096);
  for (int sweep = 0; sweep < 2; ++sweep) {
    backward(y);
    CHECK(x.grad() == Approx(3000 * 2 * 0.3).epsilon(1e-12));
    CHECK(y.grad() == 1);
  }
}

// A forward sweep clears the gradients and the backward sweep after it does not clear them again
// (engine/tape.hpp, Tape::forward): in any order of sweeps and recordings, and through the op
// table too, no gradient is added to an old one, on a small and a large tape.
TEST_CASE("gradients are the same whatever sweeps and recordings came before") {
  for (const int terms : {3, 3000}) {
    Graph<double> g;
    auto x = g.parameter("x", 0.3);
    Var<double> y = x * x;
    for (int k = 1; k < terms; ++k) y = y + x * x;  // dy/dx = terms * 2x
    const double slope = terms * 2 * 0.3;
    auto check = [&] {
      CHECK(x.grad() == Approx(slope).epsilon(1e-12));
      CHECK(y.grad() == 1);
    };
    g.backward(y.index());  // after recording: cleared by the backward sweep
    check();
    g.forward();
    g.backward(y.index());  // cleared by the forward sweep
    check();
    g.backward(y.index());
    check();
    g.forward();
    const Var<double> z = y * 1;  // recorded after the forward sweep, before the backward one
    g.backward(z.index());
    check();
    g.forward_by_table();
    g.backward_by_table(y.index());
    check();
    g.forward();
    g.backward_by_table(y.index());
    g.backward(y.index());
    check();
    CHECK(g.grad(z.index()) == 0);  // after out: left at 0 by the forward sweep
  }
}

TEST_CASE("backward from a node that is not on the tape is an error, not a stray write") {
  Graph<double> g;
  auto x = g.parameter("x", 0.3);
  (void)(x * x);
  CHECK_THROWS_AS(g.backward(g.size()), std::out_of_range);
}

TEST_CASE("inner nodes have gradients too") {
  Graph<double> g;
  auto x = g.parameter("x", 2.0);
  auto u = x * 3;  // u = 6
  auto y = u * u;  // dy/du = 2u = 12
  backward(y);
  CHECK(u.grad() == 12);
  CHECK(x.grad() == 36);
}

TEST_CASE("replay after leaf changes equals a fresh recording") {
  auto build = [](Graph<double>& g, double a, double b) {
    auto x = g.parameter("x", a);
    auto w = g.input("w", b);
    auto y = tanh(w * x + 1) * exp(-x) + softplus(x / w) - sqrt(x * x + 1) + sigmoid(x * w);
    return std::tuple{x, w, y};
  };
  Graph<double> replayed, fresh;
  auto [x, w, y] = build(replayed, 0.5, -1.25);
  backward(y);
  x.set(-0.75);
  w.set(2.5);
  replayed.forward();
  backward(y);
  auto [x2, w2, y2] = build(fresh, -0.75, 2.5);
  backward(y2);
  CHECK(y.value() == y2.value());
  CHECK(x.grad() == x2.grad());
  CHECK(w.grad() == w2.grad());
  CHECK_THROWS(replayed.set_value(y.index(), 1.0));  // only leaves can be set
}

TEST_CASE("truncate keeps the first nodes; what is recorded after equals a fresh graph") {
  // Parameters, then a step's graph (n-ary affine, sigmoid keeping a value, named nodes,
  // groups), truncated back to the parameters and recorded again at other inputs.
  auto step = [](Graph<double>& g, const Var<double>& w1, const Var<double>& w2, double at) {
    const auto x = g.input("x", at);
    g.begin_group("neuron");
    const std::vector<Var<double>> w{w1, w2}, in{x, x * x};
    const auto a = sigmoid(affine<double>(w, in, w1));
    g.end_group();
    g.set_name(a.index(), "a");
    const auto y = a * tanh(x) + sigmoid(-a);
    backward(y);
    return y;
  };
  Graph<double> g, fresh;
  const auto w1 = g.parameter("w1", 0.5), w2 = g.parameter("w2", -1.5);
  const auto f1 = fresh.parameter("w1", 0.5), f2 = fresh.parameter("w2", -1.5);
  const index_t parameters = g.size();
  step(g, w1, w2, 0.25);
  const std::size_t bytes = g.node_bytes();
  g.truncate(parameters);
  CHECK(g.size() == parameters);
  CHECK(g.groups().empty());
  CHECK(g.first_inner() == parameters);
  CHECK(g.name(w2.index()) == "w2");
  const auto y = step(g, w1, w2, -2.0);
  const auto z = step(fresh, f1, f2, -2.0);
  CHECK(g.size() == fresh.size());
  CHECK(g.node_bytes() == bytes);  // argument list and kept values went with their nodes
  CHECK(y.value() == z.value());
  CHECK(w1.grad() == f1.grad());
  CHECK(w2.grad() == f2.grad());
  CHECK(g.name(g.size() - 1).empty());
  REQUIRE(g.groups().size() == 1);
  CHECK(g.groups()[0].name == "neuron");
  CHECK(g.groups()[0].end == fresh.groups()[0].end);
  CHECK(g.leaves(Leaf::input).size() == 1);
  g.begin_group("open");
  CHECK_THROWS(g.truncate(parameters));
}

TEST_CASE("truncate keeps the names of kept nodes given after newer ones") {
  Graph<double> g;
  const auto p1 = g.parameter("p1", 2.0), p2 = g.parameter("p2", 3.0);
  const auto h = p1 * p2, k = h * p1;
  CHECK(g.set_name(k.index(), "k"));
  CHECK(g.set_name(h.index(), "h"));  // an older node named later: its characters come last
  const auto x = g.input("x", 1.0);
  g.truncate(x.index());
  CHECK(g.name(h.index()) == "h");
  CHECK(g.name(k.index()) == "k");
  CHECK(g.name(p2.index()) == "p2");
  const auto y = g.input("y", 4.0);
  CHECK(g.name(y.index()) == "y");
  CHECK(g.name(h.index()) == "h");
  g.truncate(y.index());
  g.truncate(k.index());  // drops k and its name; h and the parameters keep theirs
  CHECK(g.name(h.index()) == "h");
  CHECK(g.name(p1.index()) == "p1");
  CHECK(g.set_name(g.input("z", 0.0).index(), "zz") == false);
  CHECK(g.name(g.size() - 1) == "z");
}

TEST_CASE("groups are nested contiguous ranges") {
  Graph<double> g;
  auto x = g.input("x", 1.0);
  g.begin_group("layer 2");
  g.begin_group("neuron 2.1");
  auto a = sigmoid(x * 2);
  g.end_group();
  auto b = a + 1;
  g.end_group();
  const auto groups = g.groups();
  REQUIRE(groups.size() == 2);
  CHECK(groups[0].name == "layer 2");
  CHECK(groups[0].parent == -1);
  CHECK(groups[1].name == "neuron 2.1");
  CHECK(groups[1].parent == 0);
  CHECK(groups[1].begin == x.index() + 1);
  CHECK(groups[1].end == a.index() + 1);
  CHECK(groups[0].end == b.index() + 1);
  CHECK_THROWS(g.end_group());
}

TEST_CASE("a group named by a literal and numbers reads as its text, also after truncate") {
  Graph<double> g;
  auto x = g.input("x", 1.0);
  const index_t kept = g.size();
  for (int step = 0; step < 2; ++step) {
    g.truncate(kept);
    g.begin_group("layer ", 12);
    g.begin_group("neuron ", 12, 3);
    auto a = sigmoid(x * 2);
    g.end_group();
    g.begin_group("cost");  // a name given as text, among them
    auto c = a * a;
    g.end_group();
    g.end_group();
    const auto groups = g.groups();
    REQUIRE(groups.size() == 3);
    CHECK(groups[0].name == "layer 12");
    CHECK(groups[1].name == "neuron 12.3");
    CHECK(groups[1].parent == 0);
    CHECK(groups[1].end == a.index() + 1);
    CHECK(groups[2].name == "cost");
    CHECK(groups[2].parent == 0);
    CHECK(groups[0].end == c.index() + 1);
  }
}

TEST_CASE("the anomaly check finds the first non-finite node and names its op") {
  Graph<double> g;
  auto x = g.parameter("x", -1.0);
  auto ok = x * 2;
  auto bad = log(x);  // NaN
  auto y = ok + bad;
  backward(y);
  const auto a = find_anomaly(g);
  REQUIRE(a.has_value());
  CHECK(a->node == bad.index());
  CHECK(a->op == "log");
  CHECK_FALSE(a->in_gradient);
  REQUIRE(a->operand_values.size() == 1);
  CHECK(a->operand_values[0] == -1.0);
  CHECK_THAT(a->describe(), Catch::Contains("log"));

  Graph<double> clean;
  auto z = clean.parameter("z", 0.5);
  backward(sigmoid(z) * z);
  CHECK_FALSE(find_anomaly(clean).has_value());

  Graph<double> grad_only;  // sqrt(0) is finite, its derivative is not
  auto u = grad_only.parameter("u", 0.0);
  backward(sqrt(u));
  const auto b = find_anomaly(grad_only);
  REQUIRE(b.has_value());
  CHECK(b->in_gradient);
}

TEST_CASE("derivatives(y, wrt(a, b)) reads like the maths") {
  Graph<double> g;
  auto a = g.parameter("a", 3.0), b = g.parameter("b", 0.5);
  auto y = a * a * b + b;
  const auto [dy_da, dy_db] = derivatives(y, wrt(a, b));
  CHECK(dy_da == 3.0);   // 2ab
  CHECK(dy_db == 10.0);  // a^2 + 1
}

TEMPLATE_TEST_CASE("the argument list and the kept numbers grow with the graph", "", double,
                   float50) {
  // 150 neurons in a chain, a = sigmoid(w a + b): 450 arguments and 150 kept numbers, so both
  // move to larger storage several times while the graph is recorded (for float50, numbers that
  // are not plain bytes). Values must equal the same arithmetic done directly, and the sweeps'
  // gradients those of the node-by-node sweep through the op table.
  using T = TestType;
  Graph<T> g;
  const auto w = g.parameter("w", T(3) / 4), b = g.parameter("b", T(-1) / 8);
  Var<T> a = g.input("x", T(1) / 2);
  T direct = T(1) / 2;
  for (int k = 0; k < 150; ++k) {
    const std::vector<Var<T>> ws{w}, in{a};
    a = sigmoid(affine<T>(ws, in, b));
    T z = T(-1) / 8;
    z += T(3) / 4 * direct;
    direct = Sigmoid::value(z);
  }
  CHECK(a.value() == direct);
  g.forward();
  CHECK(a.value() == direct);
  g.backward(a.index());
  const T dw = w.grad(), db = b.grad();
  g.backward_by_table(a.index());
  CHECK(w.grad() == dw);
  CHECK(b.grad() == db);
  CHECK(dw != 0);
}

// The sweeps' speed depends on it (engine/column.hpp, Tape::on_placed_stack): a graph's values
// and gradients lie at places of their pages of their own, in the first 2.5 KiB, away from each
// other and from where the sweeps' stack is placed, however often the arrays have grown.
TEST_CASE("a graph's values and gradients lie apart in their pages") {
  Graph<double> g;
  auto x = g.parameter("x", 0.3);
  for (int k = 0; k < 100; ++k) {
    x = x * 1.01;
    const auto v = reinterpret_cast<std::uintptr_t>(g.values()) % 4096,
               d = reinterpret_cast<std::uintptr_t>(g.grads()) % 4096;
    CHECK(v + 64 * sizeof(double) <= d);
    CHECK(d < 2560);
  }
}
