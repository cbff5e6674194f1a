// Recording a program names the nodes it assigns; a line-by-line session may read names that
// earlier lines defined.
#include <catch2/catch.hpp>

#include "engine/multiprecision.hpp"
#include "symbolic/record.hpp"

using namespace dlmath;
using namespace dlmath::symbolic;

TEST_CASE("an assigned statement names its node; a leaf or an alias keeps the first name") {
  const Program p = parse("h1 = tanh(w*x)\nout = h1 + b\nsame = out\nalias = x\nout*2");
  Graph<double> g;
  const auto r = record_program(g, p, {{"w", "1"}, {"x", "0.5"}, {"b", "0.25"}});
  const index_t out = g.operands(r.output.index())[0];
  CHECK(g.name(out) == "out");  // not "same": a node keeps its first name
  const index_t h1 = g.operands(out)[0];
  CHECK(g.name(h1) == "h1");
  CHECK(g.info(h1).name == "tanh");
  CHECK(g.name(g.operands(h1)[0]).empty());   // w*x was never assigned
  CHECK(g.name(r.inputs[1].index()) == "x");  // `alias = x` does not rename the input
  CHECK(r.output.name().empty());
}

TEST_CASE("parse with names defined earlier: reading one before assigning it is allowed") {
  CHECK_THROWS_AS(parse("x = x + 1"), SyntaxError);
  const Program p = parse("x = x + 1; y = x", [](const std::string& n) { return n == "x"; });
  CHECK(p.inputs == std::vector<std::string>{"x"});
  CHECK_THROWS_AS(parse("y = y + 1", [](const std::string& n) { return n == "x"; }), SyntaxError);
}

TEST_CASE("pi is the constant at the graph's precision, a leaf named pi") {
  Graph<float100> g;
  const auto r = record_program(g, parse("y = 4*atan(1) - pi; y + 0*x"), {{"x", "1"}});
  CHECK(r.inputs.size() == 1);
  CHECK(abs(r.output.value()) < float100("1e-98"));  // pi to 100 digits, not through double
  Graph<double> d;
  const auto c = record_program(d, parse("pi"), {});
  CHECK(c.output.value() == 3.141592653589793);
  CHECK(d.name(c.output.index()) == "pi");
  CHECK(d.op(c.output.index()) == Leaf::constant);
}
