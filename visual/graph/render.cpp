#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <stdexcept>

#include "visual/graph/drawing.hpp"

namespace dlmath::visual {

namespace {

// cgraph takes char*, never const char*.
char* s(const std::string& text) {
  return const_cast<char*>(text.c_str());
}
char* s(const char* text) {
  return const_cast<char*>(text);
}

struct Style {
  const char* shape;
  const char* fill;
  const char* extra;
};

Style style_of(DrawNode::Kind k) {
  switch (k) {
    case DrawNode::parameter:
      return {"box", "#dbe9f6", "rounded,filled"};
    case DrawNode::input:
      return {"box", "#e3f1dc", "rounded,filled"};
    case DrawNode::constant:
      return {"box", "#f0f0f0", "rounded,filled"};
    case DrawNode::output:
      return {"box", "#fde2c8", "rounded,filled,bold"};
    case DrawNode::neuron:
      return {"circle", "#ffffff", "filled"};
    case DrawNode::group:
      return {"box3d", "#fff6d5", "filled"};
    default:
      return {"box", "#ffffff", "rounded,filled"};
  }
}

// Graphviz reports problems on stderr; keep normal use quiet and let errors surface as exceptions.
int quiet(char*) {
  return 0;
}

struct Graph {
  Agraph_t* g = nullptr;
  ~Graph() {
    if (g) agclose(g);
  }
};

void build(const Drawing& d, Graph& out) {
  agseterrf(quiet);
  agseterr(AGMAX);
  out.g = agopen(s("dlmath"), Agdirected, nullptr);
  Agraph_t* g = out.g;
  agattr(g, AGRAPH, s("rankdir"), s("LR"));
  agattr(g, AGRAPH, s("fontname"), s("Helvetica"));
  agattr(g, AGRAPH, s("nodesep"), s("0.25"));
  agattr(g, AGRAPH, s("ranksep"), s("0.45"));
  agattr(g, AGRAPH, s("bgcolor"), s("white"));
  agattr(g, AGRAPH, s("label"), s(d.title));
  agattr(g, AGRAPH, s("labelloc"), s("t"));
  agattr(g, AGRAPH, s("style"), s("rounded"));
  agattr(g, AGRAPH, s("color"), s("#999999"));
  agattr(g, AGRAPH, s("rank"), s(""));
  // Almost no crossing minimisation: dot then keeps the order in which nodes and edges come.
  if (d.keep_order) agattr(g, AGRAPH, s("mclimit"), s("0.0001"));
  agattr(g, AGNODE, s("fontname"), s("Helvetica"));
  agattr(g, AGNODE, s("fontsize"), s("11"));
  agattr(g, AGNODE, s("shape"), s("box"));
  agattr(g, AGNODE, s("style"), s("rounded,filled"));
  agattr(g, AGNODE, s("fillcolor"), s("white"));
  agattr(g, AGNODE, s("label"), s("\\N"));
  agattr(g, AGNODE, s("width"), s("0.75"));
  agattr(g, AGNODE, s("fixedsize"), s("false"));
  agattr(g, AGEDGE, s("fontname"), s("Helvetica"));
  agattr(g, AGEDGE, s("fontsize"), s("10"));
  agattr(g, AGEDGE, s("color"), s("#555555"));
  agattr(g, AGEDGE, s("penwidth"), s("1"));
  agattr(g, AGEDGE, s("label"), s(""));
  agattr(g, AGEDGE, s("arrowsize"), s("0.6"));

  // Clusters: parents are listed before their children.
  std::vector<Agraph_t*> cluster(d.clusters.size());
  for (std::size_t c = 0; c < d.clusters.size(); ++c) {
    Agraph_t* parent = d.clusters[c].parent < 0 ? g : cluster[d.clusters[c].parent];
    cluster[c] = agsubg(parent, s("cluster_" + std::to_string(c)), 1);
    agset(cluster[c], s("label"), s(d.clusters[c].label));
    if (d.clusters[c].same_rank) agset(cluster[c], s("rank"), s("same"));
    if (!d.clusters[c].id.empty()) agsafeset(cluster[c], s("id"), s(d.clusters[c].id), s(""));
  }
  std::vector<Agnode_t*> node(d.nodes.size());
  for (std::size_t i = 0; i < d.nodes.size(); ++i) {
    const DrawNode& n = d.nodes[i];
    Agraph_t* home = n.cluster < 0 ? g : cluster[n.cluster];
    node[i] = agnode(home, s("n" + std::to_string(i)), 1);
    const Style st = style_of(n.kind);
    agset(node[i], s("label"), s(n.label));
    agset(node[i], s("shape"), s(st.shape));
    agset(node[i], s("fillcolor"), s(st.fill));
    agset(node[i], s("style"), s(st.extra));
    if (!n.id.empty()) agsafeset(node[i], s("id"), s(n.id), s(""));
  }
  for (const DrawEdge& e : d.edges) {
    Agedge_t* edge = agedge(g, node[e.from], node[e.to], nullptr, 1);
    if (!e.label.empty()) agset(edge, s("label"), s(e.label));
    if (!e.color.empty()) agset(edge, s("color"), s(e.color));
    agset(edge, s("penwidth"), s(std::to_string(e.width)));
    if (e.minlen > 1) agsafeset(edge, s("minlen"), s(std::to_string(e.minlen)), s("1"));
    if (e.invisible) agsafeset(edge, s("style"), s("invis"), s(""));
  }
}

std::string format_of(const std::string& path) {
  const std::string ext = std::filesystem::path(path).extension().string();
  if (ext == ".dot" || ext == ".gv") return "dot";
  if (ext == ".svg") return "svg";
  if (ext == ".png") return "png";
  if (ext == ".pdf") return "pdf";
  throw std::invalid_argument(path + ": unknown picture format '" + ext +
                              "' (use .dot, .svg, .png or .pdf)");
}

// One Graphviz context for the whole process: a second gvContext frees the font cache the first
// still points into (a heap use-after-free under ASan). Graphviz is not thread-safe either, so
// every use of it holds this lock.
struct Graphviz {
  std::mutex lock;
  GVC_t* gvc = gvContext();
};
Graphviz& graphviz() {
  static Graphviz* g = new Graphviz;  // never freed: other statics may still render at exit
  return *g;
}

// Lays `g` out, calls `use`, and frees the layout whatever happens.
template <class F>
void with_layout(Graph& g, const std::string& what, F&& use) {
  GVC_t* gvc = graphviz().gvc;
  if (gvLayout(gvc, g.g, "dot") != 0)
    throw std::runtime_error(what + "graphviz could not lay out the graph");
  try {
    use(gvc);
  } catch (...) {
    gvFreeLayout(gvc, g.g);
    throw;
  }
  gvFreeLayout(gvc, g.g);
}

std::string render_data(const Drawing& d, const char* renderer, const std::string& what) {
  std::lock_guard<std::mutex> hold(graphviz().lock);
  Graph g;
  build(d, g);
  std::string out;
  with_layout(g, "", [&](GVC_t* gvc) {
    char* text = nullptr;
    unsigned length = 0;
    const int rc = gvRenderData(gvc, g.g, renderer, &text, &length);
    if (rc == 0 && text) out.assign(text, length);
    gvFreeRenderData(text);
    if (rc != 0) throw std::runtime_error("graphviz could not write " + what);
  });
  return out;
}

}  // namespace

void check_graph_path(const std::string& path) {
  format_of(path);
  std::ofstream probe(path, std::ios::binary | std::ios::app);
  if (!probe) throw std::runtime_error(path + ": cannot write the file");
}

std::string to_dot(const Drawing& d) {
  return render_data(d, "canon", "DOT");
}

std::string laid_out_dot(const Drawing& d) {
  return render_data(d, "dot", "DOT");
}

std::string render_svg(const Drawing& d) {
  return render_data(d, "svg", "SVG");
}

void render(const Drawing& d, const std::string& path) {
  const std::string format = format_of(path);
  check_graph_path(path);
  std::lock_guard<std::mutex> hold(graphviz().lock);
  Graph g;
  build(d, g);
  // "canon" writes the graph as DOT without layout attributes, "png" goes through cairo.
  const char* renderer = format == "dot"   ? "canon"
                         : format == "png" ? "png:cairo"
                         : format == "pdf" ? "pdf:cairo"
                                           : "svg";
  with_layout(g, path + ": ", [&](GVC_t* gvc) {
    if (gvRenderFilename(gvc, g.g, renderer, path.c_str()) != 0)
      throw std::runtime_error(path + ": graphviz could not write the file");
  });
}

}  // namespace dlmath::visual
