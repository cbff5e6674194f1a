// dlmath repl driven through its input, line by line as a learner types: the values and gradients
// after each statement, the traps a learner falls into, errors, :load and :save, and 10^4 lines.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "../support.hpp"
#include "run.hpp"

using namespace dlmath;
using testing::run_dlmath;

namespace {

// Runs a session fed from a file, as `dlmath repl < script`.
testing::Run repl(const std::string& script, const std::string& options = "") {
  const std::string file = testing::temp_path("session.txt");
  std::ofstream(file) << script;
  return run_dlmath("repl " + options + " < " + file);
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("repl: each statement shows its value, :grad and :diff the last one's derivatives") {
  const auto r = repl("x = 2\ny = x^2 + 1\n:grad\n:diff x\ny*x\n:grad\n");
  CHECK(r.code == 0);
  CHECK(r.err.empty());
  CHECK(lines(r.out) == std::vector<std::string>{"x = 2 (an input)", "y = 5", "d/dx = 4", "2*x",
                                                 "= 10", "d/dx = 13"});
}

TEST_CASE("repl: inputs set on one line are inputs, and every result follows their changes") {
  // Before: a=1; b=2 made constants, :grad printed nothing, a = 3 left a*b at 2.
  const auto r = repl("a=1; b=2\ny = a*b\n:grad\na = 3\ny\na*b\n:grad\nb = -0.5\ny\n");
  CHECK(r.code == 0);
  CHECK(lines(r.out) == std::vector<std::string>{"a = 1 (an input)", "b = 2 (an input)", "y = 2",
                                                 "d/da = 2", "d/db = 1", "a = 3 (an input)", "= 6",
                                                 "= 6", "d/da = 2", "d/db = 3",
                                                 "b = -0.5 (an input)", "= -1.5"});
}

TEST_CASE("repl: a name that held an expression becomes an input when set to a number") {
  // Before: after z = x*10, z = 5 said "an input" and z stayed 20.
  const auto r = repl("x = 2\nz = x*10\nz = 5\nz\nw = z*z\n:grad\nz = 1\nw\n");
  CHECK(r.code == 0);
  CHECK(lines(r.out) == std::vector<std::string>{"x = 2 (an input)", "z = 20", "z = 5 (an input)",
                                                 "= 5", "w = 25", "d/dx = 0", "d/dz = 10",
                                                 "z = 1 (an input)", "= 1"});
}

TEST_CASE("repl: a name may be assigned from itself, and the old value is read") {
  const auto r = repl("x = 3\ns = x\ns = s*s + 1\ns\n:grad\n");
  CHECK(r.code == 0);
  CHECK(lines(r.out) ==
        std::vector<std::string>{"x = 3 (an input)", "s = 3", "s = 10", "= 10", "d/dx = 6"});
}

TEST_CASE("repl: a failed statement changes nothing; errors go to stderr under the right line") {
  // Before: x = 1e400 stayed in the program and every later line failed until :reset.
  const auto r = repl("x = 2\ny = x^2\nx = 1e400\ny\nx + 1\nx = 3; w = )\nx\nw\n");
  CHECK(r.code == 2);
  CHECK(lines(r.out) == std::vector<std::string>{"x = 2 (an input)", "y = 4", "= 4", "= 3", "= 2"});
  const auto err = lines(r.err);
  REQUIRE(err.size() >= 10);
  CHECK_THAT(err[0], Catch::StartsWith("3:5: error: number too large for double"));
  CHECK(err[1] == "x = 1e400");
  CHECK(err[2] == "    ^");
  CHECK_THAT(err[3], Catch::StartsWith("6:12: error: expected an expression"));
  CHECK(err[4] == "x = 3; w = )");
  CHECK(err[5] == "           ^");
  CHECK_THAT(err[6], Catch::StartsWith("8:1: error: 'w' has no value"));
  CHECK(err[7] == "w");
  CHECK(err[8] == "^");
  CHECK_THAT(err[9], Catch::Contains("3 lines failed, the first at line 3:5"));
}

TEST_CASE("repl: help and :help list every command, even in a fresh session") {
  // Before: help added an input named help; :help said "nothing to work on yet".
  for (const char* word : {"help\n", ":help\n"}) {
    const auto r = repl(word);
    INFO(word);
    CHECK(r.code == 0);
    for (const char* c : {":grad", ":diff NAME", ":graph FILE", ":precision P", ":digits N",
                          ":load FILE", ":save FILE", ":show", ":reset", ":help", ":quit"})
      CHECK_THAT(r.out, Catch::Contains(c));
  }
  const auto r = repl("help\nhelp + 1\n");
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Catch::Contains("'help' has no value"));
}

TEST_CASE(
    "repl: commands before any expression, and bad commands, are errors that change nothing") {
  const auto r = repl(":grad\n:diff x\nx = 1\n:diff q\n:bogus\n:graph\n:precision 7\nx*2\n");
  CHECK(r.code == 2);
  CHECK(lines(r.out) == std::vector<std::string>{"x = 1 (an input)", "= 2"});
  CHECK_THAT(r.err, Catch::Contains("1: error: nothing to work on yet") &&
                        Catch::Contains("2: error: nothing to work on yet"));
  CHECK_THAT(r.err, Catch::Contains("unknown command ':bogus'") &&
                        Catch::Contains(":graph needs FILE") &&
                        Catch::Contains("'7' is not one of"));
  const auto d = repl("x = 1\nx*x\n:diff q\n");
  CHECK(d.code == 2);
  CHECK_THAT(d.err, Catch::Contains("3: error: no input 'q' (inputs: x)"));
}

TEST_CASE("repl: :save writes the statements that worked, :load reads them back") {
  const std::string program = testing::temp_path("neuron.dl");
  std::ofstream(program) << "# one neuron\nw = 2; x = 0.5; b = -1\nh1 = sigmoid(w*x + b)\n";
  const std::string saved = testing::temp_path("saved.dl");
  const auto r = repl(":load " + program + "\n:grad\nout = h1*h1\nbad = )\n:save " + saved + "\n");
  CHECK(r.code == 2);  // the bad line
  CHECK_THAT(r.out, Catch::Contains("h1 = 0.5") && Catch::Contains("d/dw = 0.125") &&
                        Catch::Contains("d/dx = 0.5") && Catch::Contains("d/db = 0.25") &&
                        Catch::Contains("wrote 3 statements"));
  CHECK(slurp(saved) == "w = 2; x = 0.5; b = -1\nh1 = sigmoid(w*x + b)\nout = h1*h1\n");
  const auto again = repl(":load " + saved + "\n:grad\n");
  CHECK(again.code == 0);
  CHECK_THAT(again.out, Catch::Contains("out = 0.25") && Catch::Contains("d/dw = 0.125") &&
                            Catch::Contains("d/db = 0.25"));

  // A failing line in a loaded file is reported at FILE:LINE and the rest still runs.
  const std::string broken = testing::temp_path("broken.dl");
  std::ofstream(broken) << "x = 1\ny = x +\nx*4\n";
  const auto b = repl(":load " + broken + "\n");
  CHECK(b.code == 2);
  CHECK_THAT(b.err, Catch::Contains(broken + ":2:8: error: expected an expression"));
  CHECK_THAT(b.out, Catch::Contains("= 4"));
  CHECK(repl(":load /nonexistent/file.dl\n").code == 2);
  CHECK(repl("x = 1\n:save /nonexistent-dir/x.dl\n").code == 2);
}

TEST_CASE("repl: :precision records the session again; digits shown are the precision's") {
  const auto r = repl("x = 0.1\nx*3\n:precision 50\nx*3\n1/3\n:digits 4\n2/3\n");
  CHECK(r.code == 0);
  CHECK(lines(r.out) == std::vector<std::string>{"x = 0.1 (an input)", "= 0.3",
                                                 "precision 50 digits (50 digits)", "= 0.3",
                                                 "= " + std::string("0.") + std::string(50, '3'),
                                                 "digits 4", "= 0.6667"});
  // In double 0.1*3 is 0.30000000000000004: the 17th digit is not carried, so not shown.
  const auto d = repl("x = 0.1\nx*3\n:digits 17\n");
  CHECK(d.code == 2);
  CHECK(repl("1/3\n", "--digits 5").out == "= 0.33333\n");
  CHECK(repl("1/3\n", "--digits 16").code == 2);
  // A statement that fails at the new precision keeps the old one.
  const auto f = repl(":precision 100\nx = 1e400\n:precision double\nx\n");
  CHECK(f.code == 2);
  CHECK_THAT(f.err, Catch::Contains("stayed at 100 digits"));
  CHECK_THAT(f.out, Catch::Contains("= 1e+400"));
}

TEST_CASE("repl: :graph draws the learner's names on the nodes") {
  const std::string dot = testing::temp_path("repl.dot");
  const auto r = repl("w = 1; x = 0.5; b = 0\nh1 = tanh(w*x)\nout = h1 + b\n:graph " + dot + "\n");
  CHECK(r.code == 0);
  const std::string text = slurp(dot);
  CHECK_THAT(text, Catch::Contains("h1 = tanh") && Catch::Contains("out = add"));
}

TEST_CASE("repl: 10^4 lines, each recorded once, give the right values") {
  // y_k = y_{k-1} + x: after 10^4 lines y = 1 + 10^4 x, and d/dx = 10^4. Re-recording the whole
  // program on every line (as before) made this take minutes.
  std::string script = "x = 0.5\ny = 1\n";
  for (int k = 0; k < 10000; ++k) script += "y = y + x\n";
  script += "y\n:grad\nx = 2\ny\n";
  const auto r = repl(script);
  CHECK(r.code == 0);
  const auto out = lines(r.out);
  REQUIRE(out.size() == 10006);
  CHECK(out[out.size() - 4] == "= 5001");
  CHECK(out[out.size() - 3] == "d/dx = 10000");
  CHECK(out[out.size() - 1] == "= 20001");
}
