// A picture of a graph, before Graphviz lays it out: nodes with their label text and kind, edges,
// and nested clusters. Both the computation-graph view and the neuron diagram are built as one.
#pragma once

#include <string>
#include <vector>

namespace dlmath::visual {

// A user's text (a CSV column's name) as a label shows it: Graphviz reads \N, \n, \l in a label
// as escapes, so each backslash is doubled.
inline std::string graphviz_text(const std::string& text) {
  std::string out;
  for (const char c : text) out += c == '\\' ? std::string("\\\\") : std::string(1, c);
  return out;
}

struct DrawNode {
  enum Kind { parameter, input, constant, operation, output, neuron, group } kind = operation;
  std::string label;
  int cluster = -1;     // innermost cluster, -1 for none
  std::string id = {};  // the SVG element's id ("group:neuron 3.2", for a page to click); "" none
};

struct DrawEdge {
  int from = 0, to = 0;
  std::string label, color;  // color "" for the default
  double width = 1;
  int minlen = 1;          // ranks the edge spans at least: 2 keeps layers in their own columns
  bool invisible = false;  // only orders nodes (neuron 2.1 above 2.2), not drawn
};

struct DrawCluster {
  std::string label;
  int parent = -1;
  bool same_rank = false;  // lay the members out in one column (a layer of neurons)
  std::string id = {};     // the SVG element's id ("open:neuron 3.2"); "" none
};

struct Drawing {
  std::vector<DrawNode> nodes;
  std::vector<DrawEdge> edges;
  std::vector<DrawCluster> clusters;
  std::string title;
  bool collapsed = false;         // a summary of a graph too large to draw node by node
  std::size_t full_size = 0;      // nodes of the full graph
  std::string collapsed_because;  // why, e.g. "217 nodes are more than --limit 100"
  // Keep the nodes in the order given (neuron 2.1 above 2.2 ... above 2.10) instead of letting
  // Graphviz reorder them to reduce crossings.
  bool keep_order = false;
};

// Lays the drawing out with Graphviz (dot, left to right) and writes it in the format of the
// file's extension: .dot, .svg, .png or .pdf. Throws std::invalid_argument on an unknown
// extension and std::runtime_error when the file cannot be written.
void render(const Drawing& d, const std::string& path);

// The drawing laid out and rendered as SVG text, in memory (no file is touched).
std::string render_svg(const Drawing& d);

// The drawing as DOT text (not laid out), e.g. for tests to read back.
std::string to_dot(const Drawing& d);
// The drawing laid out, as DOT with every node's position ("pos"), from the one Graphviz context.
std::string laid_out_dot(const Drawing& d);

// Throws unless `path` has a known extension and can be written.
void check_graph_path(const std::string& path);

}  // namespace dlmath::visual
