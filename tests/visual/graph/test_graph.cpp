// Graph pictures: the DOT read back with cgraph has the right nodes, edges and labels; rendered
// files are real SVG, PNG and PDF; large graphs collapse; bad paths are refused.
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <thread>

#include "../../support.hpp"
#include "network/backprop_by_hand.hpp"
#include "network/dataset.hpp"
#include "network/point_cost.hpp"
#include "visual/graph/graph.hpp"

using namespace dlmath;

namespace {

std::string dir() {
  return dlmath::testing::temp_dir();
}

std::string head(const std::string& path, std::size_t n) {
  return dlmath::testing::file_head(path, n);
}

struct OnePoint {
  PointCost<double> C{initial_network<double>(Architecture({2, 2, 3, 2}), 1)};
  OnePoint() {
    C.evaluate_at(std::vector<double>{0.1, 0.1}, std::vector<double>{1, 0});
    C.differentiate();
  }
};

}  // namespace

TEST_CASE("the one-point cost graph of the 2-2-3-2 network, read back from DOT") {
  OnePoint one;
  const auto d = visual::graph_drawing(one.C.graph, one.C.cost.index());
  Agraph_t* g = agmemread(visual::to_dot(d).c_str());
  REQUIRE(g != nullptr);
  // 23 parameters, x1 x2 y1 y2, 7 affine + 7 sigmoid, and the cost: 2 sub, 2 square, add, 0.5, mul.
  CHECK(agnnodes(g) == 23 + 4 + 14 + 7);
  // Edges: affine nodes take 2*2+1, 2*2+1 (layer 2), 3*(2*2+1) (layer 3), 2*(2*3+1) (layer 4)
  // operands; 7 sigmoids 1 each; cost: 2 sub * 2 + 2 square + add 2 + mul 2.
  CHECK(agnedges(g) == (2 * 5 + 3 * 5 + 2 * 7) + 7 + (4 + 2 + 2 + 2));
  int parameters = 0, outputs = 0;
  bool found_w = false;
  for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n)) {
    const std::string label = agget(n, const_cast<char*>("label"));
    if (label.rfind("W2[1,2]", 0) == 0) {
      found_w = true;
      CHECK_THAT(label, Catch::Contains("value 0.758") && Catch::Contains("grad -0.000869"));
    }
    const std::string fill = agget(n, const_cast<char*>("fillcolor"));
    parameters += fill == "#dbe9f6";
    outputs += fill == "#fde2c8";
  }
  CHECK(found_w);
  CHECK(parameters == 23);
  CHECK(outputs == 1);
  // Clusters: input, layers 2-4 and their 7 neurons, cost.
  int clusters = 0;
  for (Agraph_t* s = agfstsubg(g); s; s = agnxtsubg(s)) {
    ++clusters;
    for (Agraph_t* inner = agfstsubg(s); inner; inner = agnxtsubg(inner)) ++clusters;
  }
  CHECK(clusters == 1 + 3 + 7 + 1);
  agclose(g);
}

TEST_CASE("SVG, PNG and PDF files start with their magic bytes") {
  OnePoint one;
  const auto d = visual::graph_drawing(one.C.graph, one.C.cost.index());
  visual::render(d, dir() + "/cost.png");  // its time is measured by bench/render_graph.cpp
  visual::render(d, dir() + "/cost.svg");
  visual::render(d, dir() + "/cost.pdf");
  visual::render(d, dir() + "/cost.dot");
  CHECK(head(dir() + "/cost.png", 4) == "\x89PNG");
  CHECK(head(dir() + "/cost.pdf", 4) == "%PDF");
  CHECK_THAT(head(dir() + "/cost.svg", 300), Catch::Contains("<svg"));
  CHECK_THAT(head(dir() + "/cost.dot", 20), Catch::Contains("digraph"));
  for (const char* f : {"/cost.png", "/cost.svg", "/cost.pdf"})
    CHECK(std::filesystem::file_size(dir() + f) > 10000);
}

TEST_CASE("the neuron diagram: one circle per neuron, one edge per weight") {
  const auto net = initial_network<double>(Architecture({2, 2, 3, 2}), 1);
  const auto d = visual::network_drawing(net);
  Agraph_t* g = agmemread(visual::to_dot(d).c_str());
  REQUIRE(g != nullptr);
  CHECK(agnnodes(g) == 2 + 2 + 3 + 2);
  CHECK(agnedges(g) == 4 + 6 + 6);
  int negative = 0;
  for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n))
    for (Agedge_t* e = agfstout(g, n); e; e = agnxtout(g, e))
      negative += std::string(agget(e, const_cast<char*>("color"))) == "#d62728";
  int expected_negative = 0;
  for (int k = 0; k < 23; ++k) {
    const auto name = net.arch.parameter_names()[k];
    expected_negative += name[0] == 'W' && net.theta[k] < 0;
  }
  CHECK(negative == expected_negative);
  agclose(g);
  visual::render(d, dir() + "/network.png");
  CHECK(head(dir() + "/network.png", 4) == "\x89PNG");
}

TEST_CASE("a graph above the node limit collapses to one node per group") {
  const auto net = initial_network<double>(Architecture({2, 12, 12, 2}), 1);
  PointCost<double> C(net, Granularity::fine);
  C.evaluate_at(std::vector<double>{0.1, 0.1}, std::vector<double>{1, 0});
  C.differentiate();
  const auto d = visual::graph_drawing(C.graph, C.cost.index());
  CHECK(d.full_size > 400);
  CHECK(d.collapsed);
  CHECK(d.nodes.size() < 60);
  visual::GraphOptions full;
  full.full = true;
  CHECK_FALSE(visual::graph_drawing(C.graph, C.cost.index(), full).collapsed);
}

TEST_CASE("a neuron drawn as one node shows its output's value and gradient, and opens by name") {
  OnePoint one;
  const auto net = initial_network<double>(Architecture({2, 2, 3, 2}), 1);
  BackpropByHand<double> paper(net.arch);
  std::vector<double> grad(23);
  paper.cost_and_gradient(net.theta, std::vector<double>{0.1, 0.1}, std::vector<double>{1, 0},
                          grad);
  // The number after "value " or "grad " in a label (4 significant digits).
  auto read = [](const std::string& label, const std::string& key) {
    const auto at = label.find(key + " ");
    REQUIRE(at != std::string::npos);
    return std::stod(label.substr(at + key.size() + 1));
  };
  auto cluster_named = [](const visual::Drawing& d, const std::string& name) {
    for (std::size_t c = 0; c < d.clusters.size(); ++c)
      if (d.clusters[c].label == name) return static_cast<int>(c);
    return -1;
  };
  visual::GraphOptions o;
  o.node_limit = 0;
  o.expand = {"neuron 3.2"};
  const auto d = visual::graph_drawing(one.C.graph, one.C.cost.index(), o);
  REQUIRE(d.collapsed);
  // Each closed neuron: a[l][j] and dC/da[l][j] = delta[l][j] / sigma'(z[l][j]), by the paper's
  // formulas, with sigma' = a (1 - a).
  int closed = 0;
  for (const auto& n : d.nodes) {
    int l = 0, j = 0;
    if (n.kind != visual::DrawNode::group ||
        std::sscanf(n.id.c_str(), "group:neuron %d.%d", &l, &j) != 2)
      continue;
    INFO(n.label);
    const double a = paper.a(l)[j - 1], dC_da = paper.delta(l)[j - 1] / (a * (1 - a));
    CHECK(read(n.label, "value") == Approx(a).epsilon(1e-3));
    CHECK(read(n.label, "grad") == Approx(dC_da).epsilon(1e-3));
    ++closed;
  }
  CHECK(closed == 6);
  // Neuron 3.2 open: its two weights, bias, affine node z (gradient delta[3][2]) and sigmoid, in
  // its own cluster, which a page can click to close.
  const int open = cluster_named(d, "neuron 3.2");
  REQUIRE(open >= 0);
  CHECK(d.clusters[open].id == "open:neuron 3.2");
  CHECK(d.clusters[cluster_named(d, "neuron 3.1")].id.empty());
  int inside = 0;
  for (const auto& n : d.nodes) {
    if (n.cluster != open) continue;
    ++inside;
    if (n.label.rfind("affine", 0) == 0)
      CHECK(read(n.label, "grad") == Approx(paper.delta(3)[1]).epsilon(1e-3));
  }
  CHECK(inside == 5);
  // A layer opens with its neurons; a name that is no group's is refused.
  o.expand = {"layer 3"};
  const auto layer = visual::graph_drawing(one.C.graph, one.C.cost.index(), o);
  const auto groups = std::count_if(layer.nodes.begin(), layer.nodes.end(), [](const auto& n) {
    return n.kind == visual::DrawNode::group;
  });
  CHECK(groups == 2 + 2 + 2);                  // neurons 2.1, 2.2, 4.1, 4.2, the input and the cost
  CHECK(layer.nodes.size() == 6 + 3 * 5 + 1);  // and the output
  o.expand = {"neuron 9.9"};
  CHECK_THROWS_WITH(
      visual::graph_drawing(one.C.graph, one.C.cost.index(), o),
      Catch::Contains("no group is named 'neuron 9.9'") && Catch::Contains("neuron 3.2"));
}

TEST_CASE("unknown extensions and unwritable paths are refused") {
  OnePoint one;
  const auto d = visual::graph_drawing(one.C.graph, one.C.cost.index());
  CHECK_THROWS_WITH(visual::render(d, dir() + "/x.gif"),
                    Catch::Contains("unknown picture format '.gif'"));
  CHECK_THROWS_WITH(visual::render(d, "/nonexistent-dir/x.png"), Catch::Contains("cannot write"));
}

TEST_CASE("many renders in one process, from several threads, share one Graphviz context") {
  // A fresh gvContext per render freed Graphviz's font cache under the previous one: the second
  // render in a process read freed memory. Render to memory and to files, repeatedly and at once.
  OnePoint one;
  const auto d = visual::graph_drawing(one.C.graph, one.C.cost.index());
  // Layouts may differ by a fraction of a point once cairo's text measurement is loaded, so the
  // renders are compared by what they say: every label.
  auto labels = [](const std::string& svg) {
    std::vector<std::string> out;
    for (std::size_t end = 0; (end = svg.find("</text>", end)) != std::string::npos; ++end)
      out.push_back(svg.substr(svg.rfind('>', end) + 1, end - svg.rfind('>', end) - 1));
    std::sort(out.begin(), out.end());  // Graphviz may write the clusters in another order
    return out;
  };
  const std::string first_svg = visual::render_svg(d);
  const auto first = labels(first_svg);
  REQUIRE(first.size() > 2 * d.nodes.size());
  REQUIRE(first_svg.find("<svg") != std::string::npos);
  for (int k = 0; k < 3; ++k) {
    visual::render(d, dir() + "/again-" + std::to_string(k) + ".png");
    CHECK(labels(visual::render_svg(d)) == first);
  }
  std::vector<std::string> svgs(4);
  std::vector<std::thread> threads;
  for (auto& s : svgs) threads.emplace_back([&] { s = visual::render_svg(d); });
  for (auto& t : threads) t.join();
  for (const auto& s : svgs) CHECK(labels(s) == first);
}

TEST_CASE("the neuron diagram names its inputs by a data set's columns, shown as written") {
  const auto net = initial_network<double>(Architecture({2, 2, 1}), 1);
  visual::NetworkOptions o;
  o.inputs = {"length", "a\\Nb"};  // \N would be Graphviz's node name
  const std::string svg = visual::render_svg(visual::network_drawing(net, o));
  CHECK(svg.find(">length<") != std::string::npos);
  CHECK(svg.find(">a\\Nb<") != std::string::npos);
  CHECK(svg.find(">x1<") == std::string::npos);
  // Without names, or with a wrong number of them, the article's x1, x2.
  o.inputs = {"length"};
  CHECK(visual::render_svg(visual::network_drawing(net, o)).find(">x1<") != std::string::npos);
}

TEST_CASE("names that look like markup are escaped in the SVG") {
  visual::Drawing d;
  d.nodes.push_back({visual::DrawNode::input, "x<script>alert(1)</script>", -1});
  d.nodes.push_back({visual::DrawNode::output, "a & b", -1});
  d.edges.push_back({0, 1, "", "", 1});
  const std::string svg = visual::render_svg(d);
  CHECK(svg.find("<script>") == std::string::npos);
  CHECK(svg.find("x&lt;script&gt;") != std::string::npos);
  CHECK(svg.find("a &amp; b") != std::string::npos);
}

namespace {

// The laid-out x and y of every drawn node (DOT names them n0, n1, ...): laid out by dot as
// render() does, written with positions and read back.
struct Layout {
  std::vector<double> x, y;
  Layout(const visual::Drawing& d) {
    // Laid out by the process's one Graphviz context: a second context freed the font cache
    // under the first (a use-after-free under ASan).
    Agraph_t* g = agmemread(visual::laid_out_dot(d).c_str());
    REQUIRE(g != nullptr);
    for (std::size_t i = 0; i < d.nodes.size(); ++i) {
      Agnode_t* n = agnode(g, const_cast<char*>(("n" + std::to_string(i)).c_str()), 0);
      REQUIRE(n != nullptr);
      double px = 0, py = 0;
      const char* pos = agget(n, const_cast<char*>("pos"));
      REQUIRE(pos != nullptr);
      REQUIRE(std::sscanf(pos, "%lf,%lf", &px, &py) == 2);
      x.push_back(px);
      y.push_back(py);
    }
    agclose(g);
  }
};

// The label of the outermost cluster holding node i: "input", "layer 2", ..., "cost".
std::string outermost(const visual::Drawing& d, int i) {
  int c = d.nodes[i].cluster;
  if (c < 0) return "";
  while (d.clusters[c].parent >= 0) c = d.clusters[c].parent;
  return d.clusters[c].label;
}

// Each outermost cluster's nodes lie in a column of their own, in this order from left to right.
void check_columns(const visual::Drawing& d, const Layout& at) {
  const std::vector<std::string> order = {"input", "layer 2", "layer 3", "layer 4", "cost"};
  std::vector<double> lo(order.size(), INFINITY), hi(order.size(), -INFINITY);
  for (std::size_t i = 0; i < d.nodes.size(); ++i) {
    const auto it = std::find(order.begin(), order.end(), outermost(d, static_cast<int>(i)));
    if (it == order.end()) continue;
    const auto k = it - order.begin();
    lo[k] = std::min(lo[k], at.x[i]);
    hi[k] = std::max(hi[k], at.x[i]);
  }
  for (std::size_t k = 0; k + 1 < order.size(); ++k) {
    INFO(order[k] << " ends at x = " << hi[k] << ", " << order[k + 1] << " starts at "
                  << lo[k + 1]);
    CHECK(hi[k] < lo[k + 1]);
  }
}

}  // namespace

TEST_CASE("the one-point cost graph: inputs on the left, then each layer in its own columns") {
  OnePoint one;
  const auto d = visual::graph_drawing(one.C.graph, one.C.cost.index());
  REQUIRE_FALSE(d.collapsed);
  check_columns(d, Layout(d));
}

TEST_CASE("wide layers collapse, neurons in numeric order 2.1, 2.2, ..., 2.10") {
  const auto net = initial_network<double>(Architecture({2, 10, 10, 2}), 1);
  PointCost<double> C(net);
  C.evaluate_at(std::vector<double>{0.1, 0.1}, std::vector<double>{1, 0});
  C.differentiate();
  visual::GraphOptions o;
  o.group_limit = 6;
  const auto d = visual::graph_drawing(C.graph, C.cost.index(), o);
  CHECK(d.full_size < o.node_limit);  // collapsed for its width, not its size
  REQUIRE(d.collapsed);
  CHECK_THAT(d.collapsed_because, Catch::Contains("a layer of 10 neurons"));
  const Layout at(d);
  check_columns(d, at);
  for (int layer : {2, 3}) {
    std::vector<double> y;
    for (int j = 1; j <= 10; ++j) {
      const std::string name = "neuron " + std::to_string(layer) + "." + std::to_string(j) + "\\n";
      for (std::size_t i = 0; i < d.nodes.size(); ++i)
        if (d.nodes[i].label.rfind(name, 0) == 0) y.push_back(at.y[i]);
    }
    REQUIRE(y.size() == 10);
    // Graphviz's y grows upwards: neuron 1 on top, each next one below.
    for (int j = 0; j + 1 < 10; ++j) CHECK(y[j] > y[j + 1]);
  }
  // Without the group limit (as for programs), the same graph is drawn in full.
  CHECK_FALSE(visual::graph_drawing(C.graph, C.cost.index()).collapsed);
}

TEST_CASE("a constant is drawn by its value, a named one (pi) by its name and value") {
  Graph<double> g;
  const Var<double> x = g.input("x", 0.25);
  const Var<double> y = named_constant(g, "pi") * x + g.constant(2) * x;
  g.backward(y.index());
  const auto d = visual::graph_drawing(g, y.index());
  std::vector<std::string> constants;
  for (const auto& n : d.nodes)
    if (n.kind == visual::DrawNode::constant) constants.push_back(n.label);
  std::sort(constants.begin(), constants.end());
  CHECK(constants == std::vector<std::string>{"2", "pi = 3.142"});
}
