// A computation graph as a drawing: every node that the output depends on, with its op, value and
// gradient; leaves by name, op nodes by op after the name a program gave them ("h1 = tanh");
// nodes grouped in clusters by the tape's groups (layer, neuron).
// Above a node limit the drawing collapses to one node per innermost group (a neuron: its output's
// value and gradient), but for the groups asked to be drawn open.
#pragma once

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/decimal.hpp"
#include "engine/tape.hpp"
#include "visual/graph/drawing.hpp"

namespace dlmath::visual {

struct GraphOptions {
  int digits = 4;                // significant digits of values and gradients
  bool gradients = true;         // show gradients (after a backward sweep of the output)
  std::size_t node_limit = 400;  // above it, draw the collapsed view
  bool full = false;             // draw every node whatever the size
  std::string title;
  // Above this many groups in one group (neurons in a layer), draw the collapsed view too: the
  // full view stacks them in one column and becomes a strip many pages tall.
  std::size_t group_limit = static_cast<std::size_t>(-1);
  // Groups drawn node by node in the collapsed view, with the groups inside them ("neuron 3.2"
  // shows its weights, affine sum and activation; "layer 3" all its neurons).
  std::vector<std::string> expand = {};
};

// Throws std::invalid_argument unless each name in `expand` is a group's.
inline void check_expand(const std::vector<Group>& groups, const std::vector<std::string>& expand) {
  for (const std::string& name : expand) {
    if (std::any_of(groups.begin(), groups.end(), [&](const Group& g) { return g.name == name; }))
      continue;
    std::string known;
    for (std::size_t k = 0; k < groups.size() && k < 8; ++k)
      known += (k ? ", " : "") + groups[k].name;
    if (groups.size() > 8) known += ", ...";
    throw std::invalid_argument(
        "expand: no group is named '" + name.substr(0, 40) + "'" +
        (groups.empty() ? std::string(" (this graph has no groups)") : " (" + known + ")"));
  }
}

template <class T>
Drawing graph_drawing(const Tape<T>& t, index_t output, const GraphOptions& o = {}) {
  // The nodes the output depends on, by a reverse sweep.
  std::vector<bool> needed(output + 1, false);
  needed[output] = true;
  for (index_t i = output + 1; i-- > 0;)
    if (needed[i] && !t.is_leaf(i))
      for (index_t k : t.operands(i)) needed[k] = true;
  std::size_t count = static_cast<std::size_t>(std::count(needed.begin(), needed.end(), true));

  // Innermost group of each node: groups nest and come after their parents, so later wins.
  const auto groups = t.groups();
  check_expand(groups, o.expand);
  std::vector<int> group_of(output + 1, -1);
  for (std::size_t k = 0; k < groups.size(); ++k)
    for (index_t i = groups[k].begin; i < std::min<index_t>(groups[k].end, output + 1); ++i)
      group_of[i] = static_cast<int>(k);

  // A parameter recorded outside every group but used inside one group only (a neuron's weights)
  // is drawn in that group.
  std::vector<int> consumer(output + 1, -1);  // -1 none yet, -2 several
  for (index_t i = 0; i <= output; ++i)
    if (needed[i] && !t.is_leaf(i))
      for (index_t k : t.operands(i))
        if (t.op(k) == Leaf::parameter && group_of[k] < 0)
          consumer[k] = consumer[k] == -1 || consumer[k] == group_of[i] ? group_of[i] : -2;
  for (index_t k = 0; k <= output; ++k)
    if (consumer[k] >= 0) group_of[k] = consumer[k];

  // A group is open when asked for, or inside one that is (groups come after their parents).
  std::vector<bool> asked(groups.size(), false), open(groups.size(), false);
  for (std::size_t k = 0; k < groups.size(); ++k) {
    asked[k] = std::find(o.expand.begin(), o.expand.end(), groups[k].name) != o.expand.end();
    open[k] = asked[k] || (groups[k].parent >= 0 && open[groups[k].parent]);
  }

  Drawing d;
  d.title = o.title;
  d.full_size = count;
  for (std::size_t k = 0; k < groups.size(); ++k)
    d.clusters.push_back(DrawCluster{groups[k].name, groups[k].parent, false,
                                     asked[k] ? "open:" + groups[k].name : ""});
  auto number = [&](const T& x) { return to_decimal(x, o.digits); };
  // A leaf by its name; an op node by its op, after the name a program gave it ("h1 = tanh").
  auto title = [&](index_t i) {
    if (t.is_leaf(i)) return std::string(t.name(i));
    const std::string_view given = t.name(i);
    return given.empty() ? std::string(t.info(i).name)
                         : std::string(given) + " = " + std::string(t.info(i).name);
  };
  // The outermost group holding cluster c (input, layer 2, ..., cost), or -1.
  auto outermost = [&](int c) {
    while (c >= 0 && d.clusters[c].parent >= 0) c = d.clusters[c].parent;
    return c;
  };
  // An edge between outermost groups spans two ranks, so that each layer keeps columns of its
  // own: the inputs on the left, then layer 2, 3, ..., the cost on the right, instead of a
  // staircase of layers stacked one below the other.
  auto span = [&](int from_cluster, int to_cluster) {
    const int a = outermost(from_cluster), b = outermost(to_cluster);
    return a >= 0 && b >= 0 && a != b ? 2 : 1;
  };
  auto kind_of = [&](index_t i) {
    if (i == output) return DrawNode::output;
    switch (t.op(i)) {
      case Leaf::parameter:
        return DrawNode::parameter;
      case Leaf::input:
        return DrawNode::input;
      case Leaf::constant:
        return DrawNode::constant;
      default:
        return DrawNode::operation;
    }
  };

  std::map<int, std::size_t> children;  // group -> groups directly inside it
  for (const auto& g : groups)
    if (g.parent >= 0) ++children[g.parent];
  std::size_t widest = 0;
  for (const auto& [g, n] : children) widest = std::max(widest, n);
  if (count > o.node_limit)
    d.collapsed_because =
        std::to_string(count) + " nodes are more than --limit " + std::to_string(o.node_limit);
  else if (widest > o.group_limit)
    d.collapsed_because = "a layer of " + std::to_string(widest) + " neurons (more than " +
                          std::to_string(o.group_limit) + ") would make a strip many pages tall";

  // A node drawn on its own: its title, value and gradient.
  auto label_of = [&](index_t i) {
    std::string label;
    if (t.op(i) == Leaf::constant) {  // a named one (pi) by its name too
      label = t.name(i).empty() ? number(t.value(i))
                                : std::string(t.name(i)) + " = " + number(t.value(i));
    } else {
      label = title(i);
      label += "\\nvalue " + number(t.value(i));
    }
    if (o.gradients && t.op(i) != Leaf::constant) label += "\\ngrad " + number(t.grad(i));
    return label;
  };

  if (d.collapsed_because.empty() || o.full) {
    d.collapsed_because.clear();
    std::vector<int> at(output + 1, -1);
    for (index_t i = 0; i <= output; ++i) {
      if (!needed[i]) continue;
      at[i] = static_cast<int>(d.nodes.size());
      d.nodes.push_back(DrawNode{kind_of(i), label_of(i), group_of[i]});
      if (!t.is_leaf(i))
        for (index_t k : t.operands(i))
          d.edges.push_back(
              DrawEdge{at[k], at[i], "", "", 1, span(group_of[k], group_of[i]), false});
    }
    return d;
  }

  // Collapsed: one node per innermost group that is not open; the nodes of open groups, named
  // leaves and the output stay; other ungrouped nodes merge into one.
  d.collapsed = true;
  std::map<int, int> unit_of_group;
  std::vector<int> unit(output + 1, -1);
  std::vector<std::size_t> members;
  int rest = -1;
  for (index_t i = 0; i <= output; ++i) {
    if (!needed[i]) continue;
    const int g = group_of[i];
    if (g >= 0 && i != output && !open[g]) {
      auto [it, fresh] = unit_of_group.try_emplace(g, static_cast<int>(d.nodes.size()));
      if (fresh) {
        d.nodes.push_back(
            DrawNode{DrawNode::group, groups[g].name, groups[g].parent, "group:" + groups[g].name});
        members.push_back(0);
      }
      unit[i] = it->second;
    } else if (g >= 0 && i != output) {
      unit[i] = static_cast<int>(d.nodes.size());
      d.nodes.push_back(DrawNode{kind_of(i), label_of(i), g});
      members.push_back(0);
    } else if (i == output || (t.is_leaf(i) && !t.name(i).empty())) {
      unit[i] = static_cast<int>(d.nodes.size());
      d.nodes.push_back(DrawNode{kind_of(i), label_of(i), -1});
      members.push_back(0);
    } else {
      if (rest < 0) {
        rest = static_cast<int>(d.nodes.size());
        d.nodes.push_back(DrawNode{DrawNode::group, "other nodes", -1});
        members.push_back(0);
      }
      unit[i] = rest;
    }
    ++members[unit[i]];
  }
  // A group's cluster is its parent's; drop clusters for the collapsed groups themselves.
  // The nodes whose values leave a collapsed group: a neuron has one, its activation.
  std::vector<std::set<index_t>> leaving(d.nodes.size());
  std::set<std::pair<int, int>> seen;
  for (index_t i = 0; i <= output; ++i) {
    if (!needed[i] || t.is_leaf(i)) continue;
    for (index_t k : t.operands(i)) {
      if (unit[k] == unit[i]) continue;
      leaving[unit[k]].insert(k);
      if (seen.insert({unit[k], unit[i]}).second)
        d.edges.push_back(DrawEdge{unit[k], unit[i], "", "", 1,
                                   span(d.nodes[unit[k]].cluster, d.nodes[unit[i]].cluster)});
    }
  }
  // A collapsed group shows the value and gradient of its one output, as a neuron drawn as one
  // node should, and how many nodes it holds.
  for (std::size_t u = 0; u < d.nodes.size(); ++u) {
    if (d.nodes[u].kind != DrawNode::group) continue;
    if (leaving[u].size() == 1) {
      const index_t k = *leaving[u].begin();
      d.nodes[u].label += "\\nvalue " + number(t.value(k));
      if (o.gradients) d.nodes[u].label += "\\ngrad " + number(t.grad(k));
    }
    d.nodes[u].label += "\\n" + std::to_string(members[u]) + " nodes";
  }
  // The groups of one layer in the order they were recorded (neuron 2.1, 2.2, ..., 2.10), not in
  // the order Graphviz would pick: between complete layers every order crosses as much.
  d.keep_order = true;
  return d;
}

}  // namespace dlmath::visual
