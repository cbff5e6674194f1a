// The inline sweeps of ops/sweep.hpp (what Graph<T> replays with) against the tape's sweeps
// through the op table: every registered op (affine among them), in one graph where each node feeds
// the next, so a wrong kernel or a wrong operand shows in the values or the gradients; and neurons,
// which the inline sweeps step two nodes at a time, in runs of one activation and one fan-in.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "ops/ops.hpp"

using namespace dlmath;

namespace {

// Each op applied to the running value u and a second leaf; the results summed into one output.
template <class T>
index_t record_every_op(Graph<T>& g) {
  const Var<T> x = g.input("x", T(0.3)), c = g.parameter("c", T(0.7));
  Var<T> sum = g.constant(T(0));
  [&]<class... Ops>(OpList<Ops...>) {
    auto one = [&]<class Op>() {
      if (arity_of<Op> < 0) return;  // affine: recorded below
      // Operands kept inside every op's domain (log, sqrt, pow take positive a).
      const Var<T> a = sigmoid(x) + 0.5, b = c;
      Var<T> y = arity_of<Op> == 1 ? record<Op>(a) : record<Op>(a, b);
      sum = sum + y;
    };
    (one.template operator()<Ops>(), ...);
  }(RegisteredOps{});
  const std::vector<Var<T>> w{c, x}, in{x, c};
  sum = sum + affine<T>(w, in, c);
  return sum.index();
}

// Neurons: an affine node followed by each activation that the sweeps step together with it
// (ops/sweep.hpp), runs of them, and the cases that must not be fused: an activation of an
// affine node recorded earlier, and an affine node followed by an activation of something else.
template <class T>
index_t record_neurons(Graph<T>& g) {
  const Var<T> x = g.input("x", T(0.3)), c = g.parameter("c", T(0.7));
  const std::vector<Var<T>> w{c, x}, in{x, c};
  Var<T> sum = g.constant(T(0));
  [&]<class... Acts>(OpList<Acts...>) {
    auto one = [&]<class Act>() {
      const Var<T> z = affine<T>(w, in, c);
      const Var<T> a = record<Act>(z);  // fused
      const Var<T> z2 = affine<T>(w, std::vector<Var<T>>{a, z}, x);
      const Var<T> b = record<Act>(x * c);          // follows z2 but does not take it
      sum = sum + a + z * z2 + b + record<Act>(z);  // an activation of an earlier affine node
      // A layer of three neurons with Act (one run for the sweeps), then straight after it a
      // neuron with another activation (a run of its own), taking the layer's outputs.
      std::vector<Var<T>> layer;
      for (int j = 0; j < 3; ++j)
        layer.push_back(
            record<Act>(affine<T>(w, std::vector<Var<T>>{a, layer.empty() ? x : layer.back()}, c)));
      const Var<T> zo = affine<T>(w, std::vector<Var<T>>{layer[0], layer[2]}, x);
      const Var<T> other = std::is_same_v<Act, Sigmoid> ? tanh(zo) : sigmoid(zo);
      sum = sum + layer[0] * layer[1] + layer[2] + other;
      // Neurons with Act and 1 to 5 inputs back to back, each taking the one before: the sweeps
      // unroll the fan-ins they know (5 is read from the node) and split a run where it changes.
      Var<T> prev = a;
      for (const int n : {1, 2, 2, 3, 4, 5, 5, 1}) {
        std::vector<Var<T>> ws, ins{prev};
        for (int k = 0; k < n; ++k) ws.push_back(k % 2 ? x : c);
        for (int k = 1; k < n; ++k) ins.push_back(k % 2 ? c : x);
        prev = record<Act>(affine<T>(ws, ins, c));
        sum = sum + prev;
      }
    };
    (one.template operator()<Acts>(), ...);
  }(NeuronActivations{});
  return sum.index();
}

// Sweeps the graph both ways at several values of its input; values and gradients must agree
// exactly, and (unless `out` need not depend on them) the two leaves must get gradients. The
// graph's own sweeps run three times in its present shape, all forward ones by the plan the first
// worked out.
void check_both_ways(Graph<double>& g, index_t out, bool reaches_leaves = true) {
  const index_t x = g.leaves(Leaf::input).front(), c = g.leaves(Leaf::parameter).front();
  Tape<double>& tape = g;  // the same nodes, swept through the table
  for (const double at : {0.3, -1.2, 2.5}) {
    g.set_value(x, at);
    tape.forward_by_table();
    tape.backward_by_table(out);
    std::vector<double> value, grad;
    for (index_t i = 0; i < g.size(); ++i) value.push_back(g.value(i)), grad.push_back(g.grad(i));
    g.set_value(x, 0.0);  // so that a sweep that skipped a node would show stale values
    tape.forward_by_table();
    g.set_value(x, at);
    g.forward();
    g.backward(out);
    for (index_t i = 0; i < g.size(); ++i) {
      CAPTURE(at, i, g.info(i).name);
      CHECK(g.value(i) == value[i]);
      CHECK(g.grad(i) == grad[i]);
    }
    if (reaches_leaves) {
      CHECK(g.grad(x) != 0);
      CHECK(g.grad(c) != 0);
    }
  }
}

}  // namespace

TEST_CASE("a neuron's affine node and activation, stepped as one, agree with two steps",
          "[sweep]") {
  Graph<double> g;
  const index_t out = record_neurons(g);
  check_both_ways(g, out);
}

TEST_CASE("inline sweeps agree with the op table's sweeps for every registered op", "[sweep]") {
  Graph<double> g;
  const index_t out = record_every_op(g);
  check_both_ways(g, out);
}

namespace {

// 1/2 sum_k (y_k - F_k)^2 as network/record.hpp records a point's cost, over `terms` pairs whose
// values depend on x and c.
template <class T>
Var<T> half_squared_error(Graph<T>& g, int terms) {
  const index_t x = g.leaves(Leaf::input).front(), c = g.leaves(Leaf::parameter).front();
  std::vector<Var<T>> y, F;
  for (int k = 0; k < terms; ++k) {
    y.push_back(sigmoid(Var<T>(g, c) * (k + 1)));
    F.push_back(tanh(Var<T>(g, x) - 0.3 * k));
  }
  Var<T> sum = square(y[0] - F[0]);
  for (int k = 1; k < terms; ++k) sum = sum + square(y[k] - F[k]);
  return 0.5 * sum;
}

}  // namespace

TEST_CASE("a half squared error, stepped as one, agrees with its nodes' steps", "[sweep]") {
  for (const int terms : {1, 2, 3, 5}) {
    CAPTURE(terms);
    Graph<double> g;
    g.input("x", 0.3), g.parameter("c", 0.7);
    const Var<double> cost = half_squared_error(g, terms);
    // Recognised: from its first difference (3 nodes per term after the first, 2 for the first,
    // the constant and the product) to the product.
    const index_t first = cost.index() + 1 - (3 * terms + 1);
    CHECK(sweep::squared_error_end(Nodes<double>(g), first, g.size()) == cost.index());
    index_t start = 0;
    CHECK(sweep::squared_error_before(Nodes<double>(g), cost.index(), 0, start));
    CHECK(start == first);
    check_both_ways(g, cost.index());
    // Gradients that reach the tail's inner nodes from after it, and a sweep from inside it.
    const Var<double> more = cost + Var<double>(g, first) * Var<double>(g, first + 1);
    check_both_ways(g, more.index());
    if (terms > 1) check_both_ways(g, cost.index() - 2);
  }
}

TEST_CASE("sums of squares that are not a half squared error are stepped node by node", "[sweep]") {
  Graph<double> g;
  const Var<double> x = g.input("x", 0.3), c = g.parameter("c", 0.7);
  const Var<double> a = sigmoid(x), b = tanh(c);
  auto not_fused = [&](const Var<double>& out, index_t from) {
    CHECK(sweep::squared_error_end(Nodes<double>(g), from, g.size()) == 0);
    index_t start = 0;
    CHECK_FALSE(sweep::squared_error_before(Nodes<double>(g), out.index(), 0, start));
    check_both_ways(g, out.index());
  };
  // The constant after the sum (sum * 0.5).
  index_t from = g.size();
  not_fused((square(a - b) + square(b - a)) * 0.5, from);
  // A difference that takes a node of the tail itself.
  from = g.size();
  const Var<double> s0 = square(a - b);
  not_fused(0.5 * (s0 + square(s0 - a)), from);
  // No constant: a product of two inputs' sum.
  from = g.size();
  not_fused(c * (square(a - b) + square(a - c)), from);
}

TEST_CASE("a graph replayed in one shape is stepped by its plan, and planned anew when it changes",
          "[sweep]") {
  Graph<double> g;
  const index_t out = record_neurons(g);
  const index_t size = g.size();
  check_both_ways(g, out);
  CHECK(g.sweep_memo().ready);  // the plan was made and used
  // Backward sweeps from inner nodes: inside a run stepped node by node (by the plan), at the
  // end of a neuron (by the plan), or inside one (the plan cannot: node by node).
  for (index_t from = out; from + 40 > out; --from) {
    CAPTURE(from);
    check_both_ways(g, from, false);
  }
  // The same number of nodes, recorded anew with other ops where the neurons were: a plan kept
  // from the old shape would step affine nodes that are no longer there.
  const index_t x = g.leaves(Leaf::input).front(), c = g.leaves(Leaf::parameter).front();
  g.truncate(c + 1);
  Var<double> v = Var<double>(g, x) * Var<double>(g, c);
  while (g.size() + 1 < size) v = v + Var<double>(g, x);
  if (g.size() < size) v = -v;
  REQUIRE(g.size() == size);
  check_both_ways(g, v.index());
}

TEST_CASE("a forward sweep from any node, inside a neuron or a cost tail too, recomputes the rest",
          "[sweep]") {
  Graph<double> g;
  record_neurons(g);
  const Var<double> cost = half_squared_error(g, 3);
  // A leaf recorded after inner nodes (as the REPL does), and a neuron and a cost tail of it.
  const Var<double> late = g.input("late", 0.4);
  const std::vector<Var<double>> w{late, cost}, in{cost, late};
  const Var<double> a = sigmoid(affine<double>(w, in, late));
  const Var<double> e1 = square(a - late), e2 = square(cost - a);  // recorded in this order
  const Var<double> out = 0.5 * (e1 + e2);
  g.forward();
  REQUIRE(g.sweep_memo().fits(g));       // a plan made at the first forward sweep of this shape
  const index_t half = out.index() - 1;  // the last cost tail's constant, stepped inside it
  const std::vector<std::uint32_t>& plan = g.sweep_memo().words;
  bool inside = false;
  for (std::size_t k = 0; k < plan.size(); k += 3)
    inside = inside ||
             ((plan[k + 2] & 0xff) == sweep::squared_error && plan[k] < half && half < plan[k + 1]);
  CHECK(inside);
  std::vector<double> right;
  for (index_t i = 0; i < g.size(); ++i) right.push_back(g.value(i));
  double* v = g.values();
  for (index_t from = g.first_inner(); from < g.size(); ++from) {
    CAPTURE(from, g.info(from).name);
    for (index_t i = from; i < g.size(); ++i)
      if (!g.is_leaf(i)) v[i] = std::nan("");  // stale: must all be recomputed
    g.forward(from);
    for (index_t i = 0; i < g.size(); ++i) REQUIRE(g.value(i) == right[i]);
  }
  // A changed leaf among the inner nodes (`late`, the cost tails' constants 1/2) replays from
  // itself; the later nodes must then hold what a whole sweep gives.
  std::vector<index_t> changed;
  for (index_t leaf = g.first_inner(); leaf < g.size(); ++leaf) {
    if (!g.is_leaf(leaf)) continue;
    CAPTURE(leaf, g.info(leaf).name);
    changed.push_back(leaf);
    g.set_value(leaf, g.value(leaf) - 0.75);
    g.forward(leaf);
    std::vector<double> replayed;
    for (index_t i = 0; i < g.size(); ++i) replayed.push_back(g.value(i));
    g.forward();
    for (index_t i = 0; i < g.size(); ++i) REQUIRE(g.value(i) == replayed[i]);
    CHECK(g.value(out.index()) != right[out.index()]);
    right[out.index()] = g.value(out.index());
  }
  CHECK(std::count(changed.begin(), changed.end(), late.index()) == 1);
  CHECK(std::count(changed.begin(), changed.end(), half) == 1);
}

TEST_CASE("leaves recorded among inner nodes get no segment, and sweeps across them are right",
          "[sweep]") {
  Graph<double> g;
  const Var<double> x = g.input("x", 0.3), c = g.parameter("c", 0.7);
  const std::vector<Var<double>> w{c, x}, in{x, c};
  const Var<double> a = sigmoid(affine<double>(w, in, c)), b = sigmoid(affine<double>(w, in, x));
  // Targets recorded between the network and its cost, as a point's cost records y: a run of
  // leaves between a run of neurons and a cost tail.
  const Var<double> y0 = g.input("y0", 0.2), y1 = g.input("y1", 0.9);
  const Var<double> e0 = square(y0 - a);  // (one statement each: recorded in this order)
  const Var<double> cost = 0.5 * (e0 + square(y1 - b));
  const Var<double> late = g.input("late", 0.4);  // and a leaf after everything
  const Var<double> out = cost * late + exp(y1) * tanh(cost);
  g.forward();
  const std::vector<std::uint32_t>& plan = g.sweep_memo().words;
  REQUIRE(plan.size() >= 9);  // the neurons, the cost tail, the nodes after it
  for (std::size_t k = 0; k < plan.size(); k += 3) {
    CAPTURE(plan[k], plan[k + 1]);
    for (const Var<double>& leaf : {y0, y1, late})
      CHECK_FALSE((plan[k] <= leaf.index() && leaf.index() < plan[k + 1]));
  }
  check_both_ways(g, out.index());
  check_both_ways(g, cost.index());
  check_both_ways(g, y1.index(), false);    // from a leaf in no segment
  check_both_ways(g, late.index(), false);  // the same after the cost tail
  check_both_ways(g, b.index());            // from the neuron before the leaves
  CHECK(g.grad(y0.index()) == 0);           // (recorded after that neuron: no gradient reaches it)
  // A forward sweep from each leaf recomputes what a whole sweep gives.
  for (const Var<double>& leaf : {y0, y1, late}) {
    g.set_value(leaf.index(), g.value(leaf.index()) + 0.5);
    g.forward(leaf.index());
    const double replayed = g.value(out.index());
    g.forward();
    CHECK(g.value(out.index()) == replayed);
  }
}

TEST_CASE("layers of neurons that take the same inputs agree with the op table's steps",
          "[sweep]") {
  Graph<double> g;
  const Var<double> x = g.input("x", 0.3), c = g.parameter("c", 0.7);
  double next = 0.1;  // each weight and bias its own parameter, as in a network
  auto parameter = [&] { return g.parameter("p", next = -next * 1.1 + 0.05); };
  Var<double> sum = g.constant(0.0);
  std::size_t layers = 0;  // that should be summed in registers
  [&]<class... Acts>(OpList<Acts...>) {
    auto one = [&]<class Act>() {
      std::vector<Var<double>> in{x * c, x - c};
      for (const int n : {1, 2, 3, 4, 5, 2}) {  // fan-ins: 5 is read from the node
        while (in.size() < std::size_t(n)) in.push_back(in.back() * 0.5 + x);
        in.resize(n);
        std::vector<std::vector<Var<double>>> w(3);  // recorded before the layer, as a network's
        std::vector<Var<double>> b, out;
        for (auto& row : w)
          for (int k = 0; k < n; ++k) row.push_back(parameter());
        for (int j = 0; j < 3; ++j) b.push_back(parameter());
        for (int j = 0; j < 3; ++j) out.push_back(record<Act>(affine<double>(w[j], in, b[j])));
        // The inputs taken again after the layer: their gradients are not 0 when it is stepped.
        for (const Var<double>& a : in) sum = sum + a * 0.5;
        in = out;
        layers += n <= 4;  // (the fan-ins the sweeps unroll)
      }
      for (const Var<double>& a : in) sum = sum + a;
      // Layers that must not have their inputs' gradients summed apart from the rest: an input
      // that is also a weight, an input taken twice, a bias that is an input.
      const Var<double> u = in[0], v = in[1];
      for (const auto& [w, ins, bias] :
           {std::tuple{std::vector{u, parameter()}, std::vector{u, v}, parameter()},
            std::tuple{std::vector{parameter(), parameter()}, std::vector{u, u}, parameter()},
            std::tuple{std::vector{parameter(), parameter()}, std::vector{u, v}, v}}) {
        std::vector<Var<double>> pair;
        for (int j = 0; j < 2; ++j) pair.push_back(record<Act>(affine<double>(w, ins, bias)));
        sum = sum + pair[0] * pair[1];
      }
    };
    (one.template operator()<Acts>(), ...);
  }(NeuronActivations{});
  g.forward();
  std::size_t dense = 0;
  const std::vector<std::uint32_t>& plan = g.sweep_memo().words;
  for (std::size_t k = 0; k < plan.size(); k += 3) dense += (plan[k + 2] & 0xff) == sweep::dense;
  CHECK(dense == layers);
  check_both_ways(g, sum.index());
  for (index_t from = sum.index(); from + 60 > sum.index(); --from) {
    CAPTURE(from);
    check_both_ways(g, from, false);
  }
}
