// The canonical form's rules, built directly: like terms, powers, signs, exact constants, the
// activations' identities, and the bounds that keep hostile input near-linear.
#include <catch2/catch.hpp>
#include <string>

#include "ops/ops.hpp"
#include "symbolic/algebra.hpp"
#include "symbolic/write.hpp"

using namespace dlmath;
using namespace dlmath::symbolic;

namespace {

struct Fixture {
  Algebra a;
  Id x = a.name("x"), y = a.name("y");
  Id n(int v) { return a.number(Rational(v)); }
  Q r(long n, long d = 1) { return a.q(Rational(n, d)); }
  Id add(Id p, Id q) { return a.sum({{p, a.integer(1)}, {q, a.integer(1)}}); }
  Id sub(Id p, Id q) { return a.sum({{p, a.integer(1)}, {q, a.integer(-1)}}); }
  Id mul(Id p, Id q) { return a.product({{p, a.integer(1)}, {q, a.integer(1)}}); }
  Id div(Id p, Id q) { return a.product({{p, a.integer(1)}, {q, a.integer(-1)}}); }
  Id f(OpCode code, Id u) { return a.call(code, {&u, 1}); }
  std::string text(Id e) { return write(a.store(), e, {}, {"x", "y"}); }
};

}  // namespace

TEST_CASE("sums and products are flattened and like terms collected") {
  Fixture t;
  const Id x = t.x, y = t.y;
  CHECK(t.text(t.add(t.add(x, y), t.add(x, x))) == "3*x + y");
  CHECK(t.text(t.mul(t.mul(x, x), x)) == "x^3");
  CHECK(t.text(t.div(x, x)) == "1");
  CHECK(t.text(t.sub(t.mul(x, y), t.mul(y, x))) == "0");
  CHECK(t.add(x, y) == t.add(y, x));  // one node for equal expressions
  CHECK(t.mul(x, t.mul(y, x)) == t.mul(t.mul(x, x), y));
  CHECK(t.text(t.div(t.mul(x, y), t.mul(y, t.mul(x, x)))) == "1/x");
}

TEST_CASE("constants fold exactly: decimals are rationals") {
  Fixture t;
  const Id half = t.a.constant("0.5");
  CHECK(t.text(t.mul(half, t.n(4))) == "2");
  CHECK(t.text(t.mul(t.mul(half, t.n(2)), t.x)) == "x");
  CHECK(t.text(t.add(t.a.constant("0.1"), t.a.constant("0.2"))) ==
        "0.3");  // not 0.30000000000000004
  CHECK(t.text(t.div(t.n(1), t.n(3))) == "1/3");
  CHECK(t.text(t.mul(t.a.constant("1e-300"), t.x)) == "1e-300*x");
  // exp(1000) is no rational: it stays a function of its argument.
  CHECK(t.text(t.mul(t.f(Exp::code, t.n(1000)), t.n(2))) == "2*exp(1000)");
  CHECK(t.text(t.f(Exp::code, t.n(0))) == "1");
  CHECK(t.text(t.f(Sigmoid::code, t.n(0))) == "0.5");
  CHECK(t.text(t.a.power(t.n(4), t.r(1, 2))) == "2");
  CHECK(t.text(t.a.power(t.n(2), t.r(1, 2))) == "sqrt(2)");
}

TEST_CASE("signs are normalised") {
  Fixture t;
  const Id minus_x = t.a.scale(t.x, t.r(-1));
  CHECK(t.text(t.a.scale(minus_x, t.r(-1))) == "x");
  CHECK(t.text(t.add(t.x, minus_x)) == "0");
  CHECK(t.text(t.add(t.y, minus_x)) == "y - x");
  CHECK(t.text(t.f(Cos::code, minus_x)) == "cos(x)");
  CHECK(t.text(t.f(Sin::code, minus_x)) == "-sin(x)");
  CHECK(t.text(t.f(Sigmoid::code, minus_x)) == "1 - sigmoid(x)");
  CHECK(t.f(Sigmoid::code, minus_x) == t.sub(t.n(1), t.f(Sigmoid::code, t.x)));
}

TEST_CASE("sigmoid's and tanh's identities give the short forms") {
  Fixture t;
  const Id s = t.f(Sigmoid::code, t.x);
  const Id s_minus = t.f(Sigmoid::code, t.a.scale(t.x, t.r(-1)));
  // sigmoid' as recorded: sigmoid(x)*sigmoid(-x)
  CHECK(t.text(t.a.tidy(t.mul(s, s_minus))) == "sigmoid(x)*(1 - sigmoid(x))");
  // log(sigmoid(x))': 1/sigmoid(x) * sigmoid(x)*sigmoid(-x)
  CHECK(t.text(t.a.tidy(t.mul(t.div(t.n(1), s), t.mul(s, s_minus)))) == "1 - sigmoid(x)");
  // tanh' as recorded: 4*sigmoid(2x)*sigmoid(-2x), where the formula has tanh(x)
  t.f(Tanh::code, t.x);
  const Id two_x = t.a.scale(t.x, t.r(2));
  const Id p = t.a.product({{t.f(Sigmoid::code, two_x), t.r(1)},
                            {t.f(Sigmoid::code, t.a.scale(two_x, t.r(-1))), t.r(1)}},
                           t.r(4));
  CHECK(t.text(t.a.tidy(p)) == "1 - tanh(x)^2");
  // sin^2 + cos^2 = 1, cos^2 - sin^2 = cos(2x), 2 sin cos = sin(2x)
  const Id sin2 = t.a.power(t.f(Sin::code, t.x), t.r(2));
  const Id cos2 = t.a.power(t.f(Cos::code, t.x), t.r(2));
  CHECK(t.text(t.add(t.mul(sin2, t.y), t.mul(cos2, t.y))) == "y");
  CHECK(t.text(t.sub(cos2, sin2)) == "cos(2*x)");
  CHECK(t.text(t.a.product({{t.f(Sin::code, t.x), t.r(1)}, {t.f(Cos::code, t.x), t.r(1)}},
                           t.r(2))) == "sin(2*x)");
}

TEST_CASE("powers combine only where that keeps the value") {
  Fixture t;
  const Id root = t.a.power(t.x, t.r(1, 2));
  CHECK(t.text(t.mul(root, root)) == "x");
  CHECK(t.text(t.div(t.x, root)) == "sqrt(x)");
  // (x^2)^(1/2) is |x|, not x: left as written.
  CHECK(t.text(t.a.power(t.a.power(t.x, t.r(2)), t.r(1, 2))) == "sqrt(x^2)");
  CHECK(t.text(t.a.power(t.a.power(t.x, t.r(3)), t.r(2))) == "x^6");
  CHECK(t.text(t.a.power(t.x, t.r(3, 2))) == "x^1.5");
  CHECK(t.text(t.a.power(t.x, t.r(-1, 3))) == "1/x^(1/3)");
}

TEST_CASE("expanding and factoring are used where they make the formula shorter") {
  Fixture t;
  const Id x = t.x, y = t.y;
  const Id x1 = t.add(x, t.n(1)), xm1 = t.sub(x, t.n(1));
  // (x + 1)(x - 1) = x^2 - 1
  CHECK(t.text(t.a.tidy(t.mul(x1, xm1))) == "x^2 - 1");
  // x*(x + 1) stays: x^2 + x is no shorter
  CHECK(t.text(t.a.tidy(t.mul(x, x1))) == "x*(x + 1)");
  // 1/(x + 1) - x/(x + 1)^2 = 1/(x + 1)^2
  const Id inv = t.a.power(x1, t.r(-1));
  const Id s = t.sub(inv, t.mul(x, t.a.power(x1, t.r(-2))));
  CHECK(t.text(t.a.tidy(s)) == "1/(x + 1)^2");
  // 12 x^2 - 24 x = 12 x (x - 2)
  const Id q = t.a.sum({{t.a.power(x, t.r(2)), t.r(12)}, {x, t.r(-24)}});
  CHECK(t.text(t.a.tidy(q)) == "12*x*(x - 2)");
  // -(y - x) is x - y: a coefficient goes into a single sum
  CHECK(t.text(t.a.scale(t.sub(y, x), t.r(-1))) == "x - y");
}

TEST_CASE("work stays bounded on hostile shapes") {
  Fixture t;
  const Id x1 = t.add(t.x, t.n(1));
  // (x + 1)^1000 is never multiplied out
  const Id big = t.a.tidy(t.a.power(x1, t.r(1000)));
  CHECK(t.text(big) == "(x + 1)^1000");
  CHECK(t.text(t.a.tidy(t.a.scale(t.a.power(x1, t.r(999)), t.r(1000)))) == "1000*(x + 1)^999");
  // 3^100000 has 158,497 bits: it is not folded, but kept as a power
  CHECK(t.text(t.a.power(t.n(3), t.r(100000))) == "3^100000");
  // a 10^5-term sum of distinct terms is built once, in order
  std::vector<Term> terms;
  for (int k = 1; k <= 100000; ++k)
    terms.push_back({t.f(Cos::code, t.a.scale(t.x, t.r(k))), t.r(k)});
  const Id s = t.a.tidy(t.a.sum(terms));
  const std::string text = t.text(s);
  CHECK(text.rfind("cos(x) + 2*cos(2*x) + 3*cos(3*x)", 0) == 0);
  CHECK(text.size() > 1000000);
}

TEST_CASE("a node's size is the number of tokens it prints as") {
  Fixture t;
  auto tokens = [](const std::string& s) {
    int n = 0;
    for (std::size_t i = 0; i < s.size();) {
      const char c = s[i];
      if (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_') {
        const bool number = std::isdigit(static_cast<unsigned char>(c)) || c == '.';
        while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '.' ||
                                s[i] == '_' || (number && s[i] == '-' && s[i - 1] == 'e')))
          ++i;
        ++n;
      } else {
        n += std::string("+-*/^=").find(c) != std::string::npos;
        ++i;
      }
    }
    return n;
  };
  const Id x = t.x, y = t.y;
  const Id s = t.f(Sigmoid::code, x);
  const std::vector<Id> forms = {
      t.a.tidy(t.mul(s, t.f(Sigmoid::code, t.a.scale(x, t.r(-1))))),
      t.a.sum({{t.a.power(x, t.r(3)), t.r(4)}}, t.r(1)),
      t.div(t.n(2), t.a.power(t.add(x, t.n(1)), t.r(2))),
      t.a.scale(t.div(t.add(x, t.n(2)), t.a.power(x, t.r(3))), t.r(-1)),
      t.div(t.mul(x, y), t.n(4)),
      t.a.power(x, t.r(3, 2)),
      t.a.scale(t.a.power(x, t.r(-3, 2)), t.r(-1, 4)),
      t.sub(t.n(1), t.a.power(t.f(Tanh::code, x), t.r(2))),
      t.a.sum({{t.a.power(x, t.r(2)), t.r(-1)}, {y, t.r(2)}}, t.r(-3)),
      t.a.power(t.f(Exp::code, x), t.y),
      t.mul(t.a.constant("0.1"), t.f(Log::code, t.a.constant("1e-300"))),
  };
  for (Id e : forms) {
    const std::string text = t.text(e);
    INFO(text);
    CHECK(t.a.store()[e].size == static_cast<std::uint64_t>(tokens(text)));
  }
}
