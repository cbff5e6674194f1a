// The expression language: precedence and associativity, errors at their place, deep input.
#include <catch2/catch.hpp>

#include "symbolic/syntax.hpp"

using namespace dlmath::symbolic;

namespace {
std::string tree(const std::string& src) {
  const Program p = parse(src);
  return to_text(p, p.statements.back().root);
}
void error_at(const std::string& src, int line, int column, const std::string& message) {
  INFO(src);
  try {
    parse(src);
    FAIL("no error");
  } catch (const SyntaxError& e) {
    CHECK(e.line() == line);
    CHECK(e.column() == column);
    CHECK_THAT(e.message(), Catch::Contains(message));
  }
}
}  // namespace

TEST_CASE("precedence and associativity") {
  const std::pair<const char*, const char*> table[] = {
      {"-x^2", "(-(x ^ 2))"},
      {"2^3^2", "(2 ^ (3 ^ 2))"},
      {"-a*b", "((-a) * b)"},
      {"a^-b", "(a ^ (-b))"},
      {"a - b - c", "((a - b) - c)"},
      {"a / b / c", "((a / b) / c)"},
      {"a + b * c", "(a + (b * c))"},
      {"(a + b) * c", "((a + b) * c)"},
      {"a * b ^ c", "(a * (b ^ c))"},
      {"-a - -b", "((-a) - (-b))"},
      {"+a", "(+a)"},
      {"a^b*c", "((a ^ b) * c)"},
      {"pow(a, b + 1) * exp(-x)", "(pow(a, (b + 1)) * exp((-x)))"},
      {"sigmoid(w*x + b)", "sigmoid(((w * x) + b))"},
      {"1.5e-3 + .5 + 2E2 + 3", "(((1.5e-3 + .5) + 2E2) + 3)"},
  };
  for (const auto& [src, expected] : table) {
    INFO(src);
    CHECK(tree(src) == expected);
  }
}

TEST_CASE("statements, assignment, comments and inputs") {
  const Program p =
      parse("# a comment\nz = w*x + b  # the neuron's input\ny = sigmoid(z); y = y * 2\n\ny + c");
  REQUIRE(p.statements.size() == 4);
  CHECK(p.statements[0].target == "z");
  CHECK(p.statements[1].target == "y");
  CHECK(p.statements[2].target == "y");
  CHECK(p.statements[3].target.empty());
  CHECK(p.inputs == std::vector<std::string>{"w", "x", "b", "c"});
  // pi is the constant, never an input, and cannot be assigned.
  CHECK(parse("sin(pi*x) + pie").inputs == std::vector<std::string>{"x", "pie"});
}

TEST_CASE("each error names its place and what was expected") {
  error_at("x + * 2", 1, 5, "expected an expression after '+'");
  error_at("(x + 1", 1, 7, "expected ')' to close the '(' at 1:1");
  error_at("x + 1)", 1, 6, "unexpected ')'");
  error_at("exp(1, 2)", 1, 1, "'exp' takes 1 argument, found 2");
  error_at("pow(1)", 1, 1, "'pow' takes 2 arguments, found 1");
  error_at("x * atan()", 1, 5, "'atan' takes 1 argument, found 0");
  error_at("pow()", 1, 1, "'pow' takes 2 arguments, found 0");
  error_at("erf(x,)", 1, 7, "expected an expression after ','");
  error_at("y = 1\nfoo(3)", 2, 1, "unknown function 'foo'");
  error_at("y = x + 1; x = 2", 1, 5, "'x' is used before it is assigned");
  error_at("exp + 1", 1, 1, "'exp' is a function");
  error_at("", 1, 1, "no expression");
  error_at("x $ y", 1, 3, "unexpected character '$'");
  error_at("1e+", 1, 4, "exponent");
  error_at("a b", 1, 3, "expected an operator");
  error_at("x = 1\n  y = (2 *", 2, 11, "expected an expression after '*'");
  error_at("exp = 3", 1, 1, "cannot assign");
  error_at("x = 1\n pi = 3", 2, 2, "cannot assign to 'pi': it is a constant");
  error_at("x, y", 1, 2, "','");
}

TEST_CASE("an error prints the source line with a caret") {
  try {
    parse("a = 1\nb = a + * 2");
    FAIL();
  } catch (const SyntaxError& e) {
    CHECK(e.formatted("a = 1\nb = a + * 2") ==
          "2:9: error: expected an expression after '+', found '*'\nb = a + * 2\n        ^");
  }
}

TEST_CASE("100,000 nested parentheses and a sum of 10^6 terms parse without recursion") {
  const std::string deep = std::string(100000, '(') + "x" + std::string(100000, ')');
  CHECK(parse(deep).inputs == std::vector<std::string>{"x"});
  std::string sum = "x";
  for (int k = 0; k < 1000000; ++k) sum += "+1";
  const Program p = parse(sum);
  CHECK(p.nodes.size() == 2000001);
  std::string statements;
  for (int k = 0; k < 1000000; ++k) statements += "y = 1\n";
  CHECK(parse(statements).statements.size() == 1000000);
  std::string unclosed = std::string(100000, '(') + "x";
  CHECK_THROWS_AS(parse(unclosed), SyntaxError);
}

TEST_CASE("printing the tree and parsing it again gives the same tree") {
  for (const char* src :
       {"-x^2*y + sin(a)/b - pow(c, 2)", "2^3^2 - -a", "sigmoid(w1*x1 + w2*x2 + b)"}) {
    const std::string once = tree(src);
    CHECK(tree(once) == once);
  }
}

TEST_CASE("on a long line the caret still points at the place") {
  std::string src;
  for (int k = 0; k < 5000; ++k) src += "x+";
  src += "*2";
  try {
    parse(src);
    FAIL();
  } catch (const SyntaxError& e) {
    CHECK(e.column() == 10001);
    const std::string f = e.formatted(src);
    const auto first = f.find('\n'), second = f.find('\n', first + 1);
    const std::string shown = f.substr(first + 1, second - first - 1), caret = f.substr(second + 1);
    CHECK(shown.size() < 140);
    CHECK(shown[caret.size() - 1] == '*');
  }
}
