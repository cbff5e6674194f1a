// Drawing an expression program's graph (dlmath graph PROGRAM).
#pragma once

#include <string>
#include <vector>

namespace dlmath::visual {
struct Drawing;
}

namespace dlmath::cli {

// Why a drawing is too large to lay out in a few seconds (limits::max_drawn_nodes,
// max_drawn_edges), or "" when it is not.
std::string too_large_to_draw(const visual::Drawing& d);

// Lays out and writes a drawing, after refusing one larger than Graphviz lays out in a few
// seconds (limits::max_drawn_nodes, max_drawn_edges), whatever --full says.
void render_checked(const visual::Drawing& d, const std::string& output);

void draw_program(const std::string& program, const std::string& file,
                  const std::vector<std::string>& at, const std::string& output, int digits,
                  std::size_t limit, bool full);

}  // namespace dlmath::cli
