// Forward and backward sweeps that know every registered op at compile time: each node's op is
// picked by comparing its code with the list's (which the compiler turns into one jump table)
// and its step (ops/contract.hpp) runs inline, with no call through the op table. Operands are
// read straight from the tape's arrays; nothing is allocated. The op table holds these sweeps,
// so Tape::forward and Tape::backward run them; Tape::forward_by_table and backward_by_table
// still step node by node through the table.
#pragma once

#include <algorithm>

#include "ops/registry.hpp"

namespace dlmath {

namespace sweep {

// Calls f.template operator()<Op>() for the op in Ops... (or Affine) whose code is `code`;
// returns false for a leaf.
template <class... Ops, class F>
inline bool dispatch(OpList<Ops...>, OpCode code, F&& f) {
  return ((code == Ops::code && (f.template operator()<Ops>(), true)) || ... ||
          (code == Affine::code && (f.template operator()<Affine>(), true)));
}

}  // namespace sweep

// Tape::forward with the ops of List dispatched inline.
template <class List = RegisteredOps, class T>
void forward_sweep(Tape<T>& t, index_t from = 0) {
  const Nodes<T> s(t);
  const index_t n = t.size();
  for (index_t i = std::max(from, t.first_inner()); i < n; ++i)
    sweep::dispatch(List{}, s.op[i], [&]<class Op>() { forward_step<Op>(s, i); });
}

// Tape::backward with the ops of List dispatched inline.
template <class List = RegisteredOps, class T>
void backward_sweep(Tape<T>& t, index_t out) {
  const Nodes<T> s(t);
  std::fill(s.g, s.g + out + 1, T(0));
  s.g[out] = T(1);
  const index_t first = t.first_inner();
  for (index_t i = out + 1; i-- > first;)
    sweep::dispatch(List{}, s.op[i], [&]<class Op>() { backward_step<Op>(s, i); });
}

}  // namespace dlmath
