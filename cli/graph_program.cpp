#include "cli/graph_program.hpp"

#include <cstdio>

#include "cli/program.hpp"
#include "cli/shared_output.hpp"
#include "symbolic/record.hpp"
#include "visual/graph/graph.hpp"

namespace dlmath::cli {

void draw_program(const std::string& program, const std::string& file,
                  const std::vector<std::string>& at, const std::string& output, int digits,
                  std::size_t limit, bool full) {
  const auto d = program_drawing(read_program(program, file), at, digits, limit, full);
  visual::render(d, output);
  if (d.collapsed)
    std::printf("note: %zu nodes are more than --limit %zu: drew a summary (use --full for all)\n",
                d.full_size, limit);
}

}  // namespace dlmath::cli
