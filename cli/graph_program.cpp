#include "cli/graph_program.hpp"

#include <cstdio>

#include "cli/program.hpp"
#include "symbolic/record.hpp"
#include "visual/graph/graph.hpp"

namespace dlmath::cli {

void draw_program(const std::string& program, const std::string& file,
                  const std::vector<std::string>& at, const std::string& output, int digits,
                  std::size_t limit, bool full) {
  auto values = parse_at(at);
  const symbolic::Program p = parse_program(read_program(program, file));
  check_values(p, values);
  Graph<double> g;
  const symbolic::Recorded<double> r = record_checked(g, p, values);
  backward(r.output);
  const auto d = visual::graph_drawing(g, r.output.index(),
                                       visual::GraphOptions{digits, true, limit, full, ""});
  visual::render(d, output);
  if (d.collapsed)
    std::printf("note: %zu nodes are more than --limit %zu: drew a summary (use --full for all)\n",
                d.full_size, limit);
}

}  // namespace dlmath::cli
