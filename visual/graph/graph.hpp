// dlmath's pictures of graphs and networks, through Graphviz.
#pragma once

#include "visual/graph/drawing.hpp"
#include "visual/graph/graph_view.hpp"
#include "visual/graph/network_view.hpp"
