// The op table (every op of ops/, by code) and Graph<T>: a tape that knows them.
#pragma once

#include "ops/registry.hpp"
#include "ops/sweep.hpp"

namespace dlmath {

template <class T>
OpTable<T> make_op_table() {
  OpTable<T> t;
  t.ops.resize(op_count);
  t.ops[Leaf::parameter].name = "parameter";
  t.ops[Leaf::input].name = "input";
  t.ops[Leaf::constant].name = "constant";
  [&t]<class... Ops>(OpList<Ops...>) {
    ((t.ops[Ops::code] = op_info<Ops, T>()), ...);
  }(RegisteredOps{});
  t.forward_sweep = forward_sweep<RegisteredOps, T>;
  t.backward_sweep = backward_sweep<RegisteredOps, T>;
  return t;
}

// The one table per scalar type.
template <class T>
const OpTable<T>& op_table() {
  static const OpTable<T> table = make_op_table<T>();
  return table;
}

// A tape whose nodes may be any op of ops/: what the rest of dlmath records on.
template <class T>
class Graph : public Tape<T> {
 public:
  Graph() : Tape<T>(op_table<T>()) {}
  Graph(const Graph&) = delete;  // Vars point at their graph: it must not move
  Graph& operator=(const Graph&) = delete;
};

}  // namespace dlmath
