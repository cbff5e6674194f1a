// Drawing the one-point cost graph of the 2-2-3-2 network: seconds per picture in each format,
// and the ratio of each to SVG (the quickest) in this same process.
#include <chrono>
#include <cstdio>
#include <filesystem>

#include "network/point_cost.hpp"
#include "visual/graph/graph.hpp"

using namespace dlmath;

int main() {
  PointCost<double> C(initial_network<double>(Architecture({2, 2, 3, 2}), 1));
  C.evaluate_at(std::vector<double>{0.1, 0.1}, std::vector<double>{1, 0});
  C.differentiate();
  const auto d = visual::graph_drawing(C.graph, C.cost.index());
  const auto dir = std::filesystem::temp_directory_path() / "dlmath-bench-render";
  std::filesystem::create_directories(dir);
  std::printf("one-point cost graph: %zu nodes, %zu edges\n", d.nodes.size(), d.edges.size());
  double svg = 0;
  for (const char* ext : {".svg", ".dot", ".png", ".pdf"}) {
    double best = 1e300;
    for (int r = 0; r < 3; ++r) {
      const auto t0 = std::chrono::steady_clock::now();
      visual::render(d, (dir / (std::string("cost") + ext)).string());
      best = std::min(best,
                      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    if (svg == 0) svg = best;
    std::printf("  %-4s %8.3f s   ratio to svg %.2f\n", ext + 1, best, best / svg);
  }
}
