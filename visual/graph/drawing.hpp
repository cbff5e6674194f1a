// A picture of a graph, before Graphviz lays it out: nodes with their label text and kind, edges,
// and nested clusters. Both the computation-graph view and the neuron diagram are built as one.
#pragma once

#include <string>
#include <vector>

namespace dlmath::visual {

struct DrawNode {
  enum Kind { parameter, input, constant, operation, output, neuron, group } kind = operation;
  std::string label;
  int cluster = -1;  // innermost cluster, -1 for none
};

struct DrawEdge {
  int from = 0, to = 0;
  std::string label, color;  // color "" for the default
  double width = 1;
};

struct DrawCluster {
  std::string label;
  int parent = -1;
  bool same_rank = false;  // lay the members out in one column (a layer of neurons)
};

struct Drawing {
  std::vector<DrawNode> nodes;
  std::vector<DrawEdge> edges;
  std::vector<DrawCluster> clusters;
  std::string title;
  bool collapsed = false;     // a summary of a graph too large to draw node by node
  std::size_t full_size = 0;  // nodes of the full graph
};

// Lays the drawing out with Graphviz (dot, left to right) and writes it in the format of the
// file's extension: .dot, .svg, .png or .pdf. Throws std::invalid_argument on an unknown
// extension and std::runtime_error when the file cannot be written.
void render(const Drawing& d, const std::string& path);

// The drawing laid out and rendered as SVG text, in memory (no file is touched).
std::string render_svg(const Drawing& d);

// The drawing as DOT text (not laid out), e.g. for tests to read back.
std::string to_dot(const Drawing& d);

// Throws unless `path` has a known extension and can be written.
void check_graph_path(const std::string& path);

}  // namespace dlmath::visual
