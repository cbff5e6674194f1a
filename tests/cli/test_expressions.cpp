// dlmath eval, diff, hessian, graph, plot and repl, run as a user runs them.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "engine/multiprecision.hpp"
#include "run.hpp"

using namespace dlmath;
using testing::run_dlmath;

TEST_CASE("dlmath eval prints the value and every partial derivative") {
  const auto r = run_dlmath("eval 'sigmoid(w*x + b)' --at w=2,x=0.5 --at b=-1");
  REQUIRE(r.code == 0);
  CHECK_THAT(r.out, Catch::Contains("value = 0.5") && Catch::Contains("d/dw = 0.125") &&
                        Catch::Contains("d/dx = 0.5") && Catch::Contains("d/db = 0.25"));
}

TEST_CASE("dlmath eval --json: exactly one object, full-precision decimal strings") {
  const auto r = run_dlmath("eval 'x^3 + y' --at x=0.1,y=2 --json --precision 50");
  REQUIRE(r.code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j.size() == 2);
  // 0.1 read at 50 digits, never through double: 0.001 + 2 to about 50 digits.
  const float50 value(j["value"].get<std::string>());
  using std::abs;
  CHECK(abs(value - float50("2.001")) < float50("1e-48"));
  const float50 dx(j["gradient"]["x"].get<std::string>());
  CHECK(abs(dx - float50("0.03")) < float50("1e-49"));
  CHECK(j["gradient"]["y"] == "1");
  CHECK(j["value"].get<std::string>().size() > 40);
}

TEST_CASE("a program may start with a minus sign") {
  const auto r = run_dlmath("eval '-x^2' --at x=3");
  REQUIRE(r.code == 0);
  CHECK_THAT(r.out, Catch::Contains("value = -9") && Catch::Contains("d/dx = -6"));
  CHECK_THAT(run_dlmath("diff '-x^3' --wrt x").out, Catch::Contains("-3*x^2"));
}

TEST_CASE("dlmath eval reads -f FILE and standard input, and every precision") {
  const std::string file = testing::temp_path("p.dl");
  std::ofstream(file) << "# a neuron\nz = w*x + b\nsigmoid(z)\n";
  CHECK(run_dlmath("eval -f " + file + " --at w=1,x=0,b=0").out.find("value = 0.5") !=
        std::string::npos);
  const std::string square = testing::temp_path("square.dl");
  std::ofstream(square) << "x*x";
  CHECK_THAT(run_dlmath("eval - --at x=3 < " + square).out, Catch::Contains("value = 9"));
  for (const char* p : {"float", "double", "50", "100", "mpfr:300"}) {
    INFO(p);
    const auto r = run_dlmath(std::string("eval 'exp(x)' --at x=1 --json --precision ") + p);
    REQUIRE(r.code == 0);
    CHECK(nlohmann::json::parse(r.out)["value"].get<std::string>().rfind("2.71828", 0) == 0);
  }
}

TEST_CASE("dlmath eval: bad input is one clear error with exit 2") {
  auto r = run_dlmath("eval 'x + * 2' --at x=1");
  CHECK(r.code == 2);
  CHECK_THAT(r.err,
             Catch::Contains("1:5: expected an expression after '+'") && Catch::Contains("    ^"));
  r = run_dlmath("eval 'x + y + z' --at y=1");
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Catch::Contains("no value for the inputs x, z"));
  r = run_dlmath("eval 'x' --at x=1,q=2");
  CHECK(r.code == 0);
  CHECK_THAT(r.err, Catch::Contains("warning") && Catch::Contains("'q'"));
  for (const char* args :
       {"eval 'x' --at x=abc", "eval 'x' --at x", "eval 'x' --precision 7 --at x=1",
        "eval 'foo(x)' --at x=1", "eval 'x' --precision mpfr:zz --at x=1"}) {
    INFO(args);
    CHECK(run_dlmath(args).code == 2);
  }
}

TEST_CASE("dlmath diff prints a derivative that dlmath eval reads back") {
  const auto d = run_dlmath("diff 'sigmoid(w*x + b)' --wrt w");
  REQUIRE(d.code == 0);
  const std::string formula = testing::temp_path("d.dl");
  std::ofstream(formula) << d.out;
  const auto e = run_dlmath("eval -f " + formula + " --at w=2,x=0.5,b=-1");
  REQUIRE(e.code == 0);
  CHECK_THAT(e.out, Catch::Contains("value = 0.125"));
  CHECK_THAT(run_dlmath("diff 'x^3' --wrt x --order 2").out, Catch::Contains("6*x"));
  CHECK_THAT(run_dlmath("diff 'x/y' --wrt y --latex").out, Catch::Contains("\\frac"));
  CHECK(run_dlmath("diff 'x*y' --wrt q").code == 2);
}

TEST_CASE("dlmath diff prints the simplified derivative; --raw the reverse sweep's products") {
  CHECK(run_dlmath("diff 'x*x*x*x + x' --wrt x").out == "4*x^3 + 1\n");
  CHECK(run_dlmath("diff 'x*x*x*x + x' --wrt x --raw").out ==
        "t1 = x*x\nt2 = t1*x\n1 + t2 + x*t1 + t2 + t2\n");
  CHECK(run_dlmath("diff 'log(sigmoid(x))' --wrt x").out == "1 - sigmoid(x)\n");
  CHECK(run_dlmath("diff 'sigmoid(w*x + b)' --wrt w --latex").out ==
        "t_{1} = \\sigma\\left(w x + b\\right) \\\\\nx t_{1} \\left(1 - t_{1}\\right)\n");
  // Both read back to the same value.
  for (const char* flag : {"", " --raw"}) {
    const auto d =
        run_dlmath(std::string("diff 'exp(-x^2/2)*sigmoid(3*x)' --wrt x --order 2") + flag);
    REQUIRE(d.code == 0);
    const std::string formula = testing::temp_path("d2.dl");
    std::ofstream(formula) << d.out;
    const auto e = run_dlmath("eval -f " + formula + " --at x=0.7 --precision 50");
    INFO(flag << ": " << d.out);
    CHECK_THAT(e.out, Catch::Contains("value = -1.2104254278013886594542202777"));  // SymPy
  }
}

TEST_CASE("dlmath hessian: symmetric second derivatives") {
  const auto r = run_dlmath("hessian 'x*y^2 + exp(x*y)' --at x=0.5,y=2 --json");
  REQUIRE(r.code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["inputs"] == std::vector<std::string>{"x", "y"});
  CHECK(j["hessian"][0][1] == j["hessian"][1][0]);
  // d2/dx2 = y^2 exp(xy) = 4 e
  CHECK(std::stod(j["hessian"][0][0].get<std::string>()) ==
        Approx(4 * std::exp(1.0)).epsilon(1e-14));
}

TEST_CASE("dlmath graph draws programs and the network") {
  const std::string svg = testing::temp_path("g.svg"), png = testing::temp_path("n.png");
  CHECK(run_dlmath("graph 'sigmoid(w*x + b)' --at w=2,x=0.5,b=-1 -o " + svg).code == 0);
  std::ifstream in(svg);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK_THAT(text, Catch::Contains("<svg") && Catch::Contains("sigmoid"));
  CHECK(run_dlmath("graph --network --point 3 -o " + png).code == 0);
  CHECK(run_dlmath("graph --network --view network --gradients -o " + png).code == 0);
  CHECK(run_dlmath("graph --network -o " + testing::temp_path("x.gif")).code == 2);
  CHECK(run_dlmath("graph --network -o /nonexistent-dir/x.png").code == 2);
  CHECK(run_dlmath("graph --network --point 11 -o " + png).code == 2);
  CHECK(run_dlmath("graph -o " + png).code == 2);
}

TEST_CASE("dlmath graph --network --expand opens the neurons named, the others one node each") {
  const std::string dot = testing::temp_path("open.dot");
  const auto r = run_dlmath("graph --network --expand 'neuron 3.2' --expand cost -o " + dot);
  CHECK(r.code == 0);
  CHECK_THAT(r.out, Catch::Contains("opened by --expand"));
  std::ifstream in(dot);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK_THAT(text,
             Catch::Contains("id=\"open:neuron 3.2\"") &&
                 Catch::Contains("id=\"group:neuron 3.1\"") &&
                 Catch::Contains("label=\"neuron 3.1\\nvalue 0.6343\\ngrad -0.1057\\n5 nodes\"") &&
                 Catch::Contains("affine") && !Catch::Contains("id=\"group:neuron 3.2\""));
  const std::string none = testing::temp_path("none.dot");
  for (const auto& [args, message] :
       {std::pair{"--network --expand 'neuron 9.9'", "--expand: no group is named 'neuron 9.9'"},
        {"--network --expand cost --full", "give --full or --expand, not both"},
        {"--network --view network --expand cost", "the network view has no groups to open"},
        {"'x*2' --at x=1 --expand cost", "use it with --network"}}) {
    INFO(args);
    const auto bad = run_dlmath(std::string("graph ") + args + " -o " + none);
    CHECK(bad.code == 2);
    CHECK_THAT(bad.err, Catch::Contains(message));
    CHECK_FALSE(std::filesystem::exists(none));
  }
}

TEST_CASE("dlmath plot writes each figure; bad paths are errors") {
  for (const char* figure : {"sigmoid", "scaled-sigmoid", "data", "boundary", "history"}) {
    INFO(figure);
    const std::string out = testing::temp_path(std::string(figure) + ".svg");
    CHECK(run_dlmath(std::string("plot ") + figure + " --steps 20000 -o " + out).code == 0);
    std::ifstream in(out);
    CHECK(in.good());
  }
  CHECK(run_dlmath("plot sigmoid -o " + testing::temp_path("x.bmp")).code == 2);
  CHECK(run_dlmath("plot nothing -o " + testing::temp_path("x.png")).code == 2);
}

TEST_CASE("dlmath tutorial lists its chapters and refuses a chapter that does not exist") {
  const auto r = run_dlmath("tutorial --list");
  CHECK(r.code == 0);
  CHECK_THAT(r.out, Catch::Contains("1. The data") && Catch::Contains("9. Beyond the article"));
  CHECK(run_dlmath("tutorial 12 --no-pause").code == 2);
  CHECK(run_dlmath("tutorial 0 --no-pause").code == 2);
  CHECK(run_dlmath("tutorial 10 --no-pause").code == 2);
  // Not a chapter number: an error, never "no chapter given", which would run all nine.
  for (const char* bad : {"-1", "1.5", "0x2", "''"}) {
    const auto e = run_dlmath(std::string("tutorial ") + bad + " --no-pause");
    CHECK(e.code == 2);
    CHECK_THAT(e.err, Catch::Contains("is not a whole number"));
    CHECK(e.out.empty());
  }
}
