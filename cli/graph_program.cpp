#include "cli/graph_program.hpp"

#include <cstdio>

#include "cli/limits.hpp"
#include "cli/program.hpp"
#include "cli/shared_output.hpp"
#include "symbolic/record.hpp"
#include "visual/graph/graph.hpp"

namespace dlmath::cli {

std::string too_large_to_draw(const visual::Drawing& d) {
  if (d.nodes.size() <= limits::max_drawn_nodes && d.edges.size() <= limits::max_drawn_edges)
    return "";
  return "the drawing has " + std::to_string(d.nodes.size()) + " nodes and " +
         std::to_string(d.edges.size()) + " edges, more than the limit of " +
         std::to_string(limits::max_drawn_nodes) + " nodes and " +
         std::to_string(limits::max_drawn_edges) +
         " edges that can be laid out in seconds (draw a smaller graph, or without --full or --expand)";
}

void render_checked(const visual::Drawing& d, const std::string& output) {
  if (const std::string why = too_large_to_draw(d); !why.empty()) throw UsageError(why);
  try {
    visual::render(d, output);
  } catch (const std::runtime_error& e) {
    throw UsageError(e.what());
  }
}

void draw_program(const std::string& program, const std::string& file,
                  const std::vector<std::string>& at, const std::string& output, int digits,
                  std::size_t limit, bool full) {
  const auto d = program_drawing(read_program(program, file), at, digits, limit, full);
  render_checked(d, output);
  if (d.collapsed)
    std::printf("note: %zu nodes are more than --limit %zu: drew a summary (use --full for all)\n",
                d.full_size, limit);
}

}  // namespace dlmath::cli
