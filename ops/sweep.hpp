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

// The activations a neuron applies to its affine node. The two stay two nodes (drawings and
// formulas show both) but the sweeps step such a pair as one: a neuron costs one dispatch.
using NeuronActivations = OpList<Sigmoid, Tanh, Relu>;

namespace sweep {

// Calls f.template operator()<Op>() for the op in Ops... whose code is `code`; returns false
// for a leaf or an op not in Ops. (Over the whole registry the compiler makes the comparisons one
// jump table; over a few ops they stay comparisons.)
template <class... Ops, class F>
inline bool dispatch(OpList<Ops...>, OpCode code, F&& f) {
  return ((code == Ops::code && (f.template operator()<Ops>(), true)) || ...);
}

// Affine node i and its activation Act at i + 1, z held in a register.
template <class Act, class T>
[[gnu::always_inline]] inline void forward_neuron(const Nodes<T>& s, index_t i) {
  const T z = Affine::sum(s, i);
  s.v[i + 1] = unary_value<Act>(s, i + 1, z);
  s.v[i] = z;
}
// Activation node i, then the affine node i - 1 it takes, gz held in a register: the same
// arithmetic in the same order as two backward steps.
template <class Act, class T>
[[gnu::always_inline]] inline void backward_neuron(const Nodes<T>& s, index_t i) {
  const T gz = s.g[i - 1] + s.g[i] * unary_partial<Act>(s, i, s.v[i - 1]);
  s.g[i - 1] = gz;
  Affine::spread(s, i - 1, gz);
}

}  // namespace sweep

// Tape::forward with the ops of List dispatched inline.
template <class List = RegisteredOps, class T>
void forward_sweep(Tape<T>& t, index_t from = 0) {
  const Nodes<T> s(t);
  const index_t n = t.size();
  for (index_t i = std::max(from, t.first_inner()); i < n; ++i) {
    if (s.op[i] == Affine::code && i + 1 < n && s.l[i + 1].a == i &&
        sweep::dispatch(NeuronActivations{}, s.op[i + 1],
                        [&]<class Act>() { sweep::forward_neuron<Act>(s, i); })) {
      ++i;
      continue;
    }
    sweep::dispatch(List{}, s.op[i], [&]<class Op>() { forward_step<Op>(s, i); });
  }
}

// Tape::backward with the ops of List dispatched inline.
template <class List = RegisteredOps, class T>
void backward_sweep(Tape<T>& t, index_t out) {
  const Nodes<T> s(t);
  std::fill(s.g, s.g + out + 1, T(0));
  s.g[out] = T(1);
  const index_t first = t.first_inner();
  for (index_t i = out + 1; i-- > first;) {
    if (i > first && s.op[i - 1] == Affine::code && s.l[i].a == i - 1 &&
        sweep::dispatch(NeuronActivations{}, s.op[i],
                        [&]<class Act>() { sweep::backward_neuron<Act>(s, i); })) {
      --i;
      continue;
    }
    sweep::dispatch(List{}, s.op[i], [&]<class Op>() { backward_step<Op>(s, i); });
  }
}

}  // namespace dlmath
