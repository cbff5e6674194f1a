// Printing a derivative of 10^6 terms: the simplified formula (symbolic/formula.hpp) against the
// raw one (symbolic/print.hpp, the printer before simplification), in the same process, on two
// programs: a sum whose derivative collapses to one term, and one whose terms all differ.
//
// usage: bench_print_derivative [TERMS]   (default 1000000)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "ops/derivative.hpp"
#include "symbolic/formula.hpp"
#include "symbolic/record.hpp"

using namespace dlmath;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

void run(const char* what, const std::string& source, const std::string& wrt) {
  const auto start = Clock::now();
  const symbolic::Program p = symbolic::parse(source);
  std::map<std::string, std::string> values;
  for (const auto& name : p.inputs) values[name] = "0.5";
  Graph<double> g;
  const auto r = symbolic::record_program(g, p, values);
  std::size_t k = 0;
  while (p.inputs[k] != wrt) ++k;
  const index_t d = derivative(r.output, r.inputs[k]).index();
  const double build = seconds_since(start);

  auto t = Clock::now();
  const std::string raw = symbolic::formula(g, d, {false, 0, true});
  const double raw_time = seconds_since(t);
  t = Clock::now();
  const std::string simplified = symbolic::formula(g, d);
  const double simplified_time = seconds_since(t);
  std::printf("%s: %u nodes (parsed, recorded, differentiated in %.2f s)\n", what, g.size(), build);
  std::printf("  raw        %8.2f s  %10zu characters\n", raw_time, raw.size());
  std::printf("  simplified %8.2f s  %10zu characters   %.2f times the raw time\n", simplified_time,
              simplified.size(), simplified_time / raw_time);
  std::printf("  simplified begins: %.60s\n", simplified.c_str());
}

}  // namespace

int main(int argc, char** argv) {
  const int terms = argc > 1 ? std::atoi(argv[1]) : 1000000;
  std::string same = "x*y";
  for (int k = 1; k < terms; ++k) same += "+x*y";
  run("d/dx of x*y + x*y + ... (one term after collecting)", same, "x");
  std::string different = "sin(x)";
  for (int k = 2; k <= terms; ++k) different += "+sin(" + std::to_string(k) + "*x)";
  run("d/dx of sin(x) + sin(2*x) + ... (every term different)", different, "x");
}
