// dlmath check (autodiff beside central differences for any program), names on drawn graphs and
// in the anomaly report, and the digits text output shows.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "engine/decimal.hpp"
#include "engine/multiprecision.hpp"
#include "run.hpp"

using namespace dlmath;
using testing::run_dlmath;

namespace {

nlohmann::json check_json(const std::string& program, const std::string& at,
                          const std::string& precision, int expected_code) {
  const auto r =
      run_dlmath("check '" + program + "' --at " + at + " --json --precision " + precision);
  INFO(program << " at " << at << " [" << precision << "]: " << r.err);
  REQUIRE(r.code == expected_code);
  return nlohmann::json::parse(r.out);
}

}  // namespace

TEST_CASE("dlmath check: programs whose derivatives are right agree, in double and at 50 digits") {
  struct Case {
    const char* program;
    const char* at;
  };
  for (const Case c :
       {Case{"sigmoid(w*x + b)", "w=2,x=0.5,b=-1"},
        Case{"h1 = tanh(w1*x); h2 = softplus(w2*h1); h2*h2 + log(x)", "w1=0.3,w2=-1.2,x=1.7"},
        Case{"sin(100*x)", "x=0.3"},
        Case{"1e10*cos(x)", "x=0"},  // derivative 0 beside a large value
        Case{"x^3/y + exp(-x*y)", "x=1e3,y=2e2"}}) {
    for (const char* precision : {"double", "50"}) {
      const auto j = check_json(c.program, c.at, precision, 0);
      CHECK(j["agree"] == true);
      const int expected = j["expected_digits"];
      CHECK(expected == (std::string(precision) == "50" ? 16 : 5));
      for (const auto& p : j["partials"]) {
        INFO(c.program << " d/d" << p["input"].get<std::string>() << " [" << precision << "]");
        CHECK(p["agrees"] == true);
        // The central difference carries about two thirds of the digits, autodiff all of them.
        if (std::string(c.program) != "1e10*cos(x)")
          CHECK(p["agree_digits"].get<double>() >= expected);
      }
    }
  }
  const auto r = run_dlmath("check 'sigmoid(w*x + b)' --at w=2,x=0.5,b=-1");
  CHECK(r.code == 0);
  CHECK_THAT(r.out, Catch::Contains("value = 0.5") && Catch::Contains("0.125") &&
                        Catch::Contains("every partial derivative does"));
}

TEST_CASE("dlmath check: a kink disagrees, exit 1, and the others still agree") {
  for (const char* precision : {"double", "50"}) {
    INFO(precision);
    // relu at 0: autodiff takes one side's slope, the central difference averages 0 and 1.
    const auto j = check_json("relu(x) + y*y", "x=0,y=3", precision, 1);
    CHECK(j["agree"] == false);
    CHECK(j["partials"][0]["agrees"] == false);
    CHECK(j["partials"][0]["agree_digits"].get<double>() < 1);
    CHECK(from_decimal<double>(j["partials"][0]["finite_difference"].get<std::string>()) ==
          Approx(0.5));
    CHECK(j["partials"][1]["agrees"] == true);
    // sqrt at 0: autodiff's partial is infinite.
    CHECK(check_json("sqrt(x)", "x=0", precision, 1)["agree"] == false);
  }
  const auto r = run_dlmath("check 'relu(x) + y*y' --at x=0,y=3");
  CHECK(r.code == 1);
  CHECK_THAT(r.out, Catch::Contains("DIFFERENT") && Catch::Contains("at least one does not"));
  CHECK_THAT(r.err, Catch::Contains("disagree on d/dx"));
  // abs at 0: sign(0) = 0 is the symmetric choice, which the central difference also gives.
  CHECK(check_json("abs(x)", "x=0", "double", 0)["agree"] == true);
}

TEST_CASE("dlmath check: bad input is exit 2") {
  for (const char* args :
       {"check 'x +' --at x=1", "check '1 + 2'", "check 'x' --at x=abc", "check 'x*y' --at x=1",
        "check 'x' --at x=1 --precision 7", "check 'x' --at x=1 --digits 40"}) {
    INFO(args);
    const auto r = run_dlmath(args);
    CHECK(r.code == 2);
    CHECK_THAT(r.err, Catch::StartsWith("dlmath"));
  }
}

TEST_CASE("a drawn program carries the names it assigned") {
  const std::string dot = testing::temp_path("named.dot");
  const auto r = run_dlmath("graph 'h1 = tanh(w*x); out = h1 + b' --at w=1,x=0.5,b=0.25 -o " + dot);
  REQUIRE(r.code == 0);
  std::ifstream in(dot);
  std::stringstream s;
  s << in.rdbuf();
  const std::string text = s.str();
  CHECK_THAT(text, Catch::Contains("h1 = tanh\\nvalue 0.4621") &&
                       Catch::Contains("out = add\\nvalue 0.7121") &&
                       Catch::Contains("\"mul\\nvalue 0.5"));  // unnamed nodes keep their op
}

TEST_CASE("the anomaly report blames the node that made the NaN or infinity, by name") {
  // Before: log(x) at 0 blamed the input x, whose gradient is infinite, not the log.
  auto r = run_dlmath("eval 'log(x)' --at x=0");
  CHECK(r.code == 0);
  CHECK_THAT(r.err, Catch::Contains("node 1 (log): value -inf"));
  r = run_dlmath("eval 'y = log(x); 2*y' --at x=0");
  CHECK_THAT(r.err, Catch::Contains("(y = log): value -inf"));
  // Finite values, an infinite partial: sqrt(x) at 0 is 0, its slope is not finite.
  r = run_dlmath("eval 'r = sqrt(x); r + 1' --at x=0");
  CHECK_THAT(r.err, Catch::Contains("(r = sqrt): a partial derivative is not finite"));
}

TEST_CASE("text shows the digits the precision carries; JSON round-trips exactly") {
  for (const char* precision : {"float", "double", "50", "100", "mpfr:300"}) {
    INFO(precision);
    const auto r = run_dlmath(std::string("eval 'x' --at x=0.1 --precision ") + precision);
    REQUIRE(r.code == 0);
    CHECK_THAT(r.out, Catch::StartsWith("value = 0.1   ["));
    CHECK_THAT(r.out, Catch::Contains("d/dx = 1\n"));
  }
  // 50 digits of 1/3 at precision 50, 15 in double, 6 in float; --digits asks for fewer.
  CHECK_THAT(run_dlmath("eval 'x/3' --at x=1 --precision 50").out,
             Catch::StartsWith("value = 0." + std::string(50, '3') + "   ["));
  CHECK_THAT(run_dlmath("eval 'x/3' --at x=1").out,
             Catch::StartsWith("value = 0." + std::string(15, '3') + "   ["));
  CHECK_THAT(run_dlmath("eval 'x/3' --at x=1 --precision float").out,
             Catch::StartsWith("value = 0.333333   ["));
  CHECK_THAT(run_dlmath("eval 'x/3' --at x=1 --digits 4").out,
             Catch::StartsWith("value = 0.3333   ["));
  CHECK(run_dlmath("eval 'x' --at x=1 --digits 16").code == 2);
  CHECK(run_dlmath("eval 'x' --at x=1 --digits 0").code == 0);
  CHECK_THAT(run_dlmath("hessian 'x^3*y' --at x=0.1,y=1 --digits 3").out,
             Catch::Contains("0.6") && Catch::Contains("0.03"));
  CHECK_THAT(run_dlmath("diff '0.1*x^2' --wrt x").out, Catch::Contains("0.2*x"));
  // JSON keeps the exact text: 0.1 at 50 digits reads back to the same number.
  const auto j = nlohmann::json::parse(run_dlmath("eval 'x' --at x=0.1 --precision 50 --json").out);
  CHECK(from_decimal<float50>(j["value"].get<std::string>()) == from_decimal<float50>("0.1"));
  CHECK(j["value"].get<std::string>().size() > 50);
}
