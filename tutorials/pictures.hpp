// Pictures of graphs and networks for the chapters, and small text helpers.
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include "tutorials/lesson.hpp"
#include "visual/graph/graph.hpp"

namespace dlmath::tutorials {

template <class T>
void draw_graph(Lesson& L, const Tape<T>& t, index_t output, const std::string& file,
                const std::string& caption) {
  L.picture(file, caption,
            visual::graph_drawing(t, output, visual::GraphOptions{4, true, 400, false, ""}));
}

template <class T>
void draw_network(Lesson& L, const Network<T>& net, const std::string& file,
                  const std::string& caption) {
  L.picture(file, caption, visual::network_drawing(net, visual::NetworkOptions{3, nullptr, ""}));
}

inline std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace dlmath::tutorials
