// Forward and backward sweeps that know every registered op at compile time: each node's op is
// picked by comparing its code with the list's (which the compiler turns into one jump table)
// and its value and partials are computed inline, with no call through the op table. Operands
// are read straight from the tape's arrays; nothing is allocated. Tape::forward and
// Tape::backward remain for code that has only a tape and its table.
#pragma once

#include <algorithm>

#include "ops/registry.hpp"

namespace dlmath {

namespace sweep {

// Calls f.template operator()<Op>() for the op in Ops... whose code is `code`; returns false
// for a leaf.
template <class... Ops, class F>
inline bool dispatch(OpList<Ops...>, OpCode code, F&& f) {
  return ((code == Ops::code && (f.template operator()<Ops>(), true)) || ...);
}

template <class T>
struct Arrays {
  Tape<T>& t;
  T* v;
  T* g;
  const OpCode* op;
  const Links* l;
  explicit Arrays(Tape<T>& tape)
      : t(tape), v(t.values()), g(t.grads()), op(t.op_codes()), l(t.all_links()) {}
};

template <class Op, class T>
inline void forward_node(const Arrays<T>& s, index_t i) {
  if constexpr (std::is_same_v<Op, Affine>) {
    Affine::forward(s.t, i);  // n operands: its own loop, inlined
  } else if constexpr (arity_of<Op> == 1) {
    s.v[i] = Op::value(s.v[s.l[i].a]);
  } else {
    s.v[i] = Op::value(s.v[s.l[i].a], s.v[s.l[i].b]);
  }
}

template <class Op, class T>
inline void backward_node(const Arrays<T>& s, index_t i) {
  if constexpr (std::is_same_v<Op, Affine>) {
    Affine::backward(s.t, i);
  } else if constexpr (arity_of<Op> == 1) {
    const index_t a = s.l[i].a;
    s.g[a] += s.g[i] * Op::partial(s.v[a], s.v[i]);
  } else {
    const Links& l = s.l[i];
    const Partials<T> p = Op::partials(s.v[l.a], s.v[l.b], s.v[i]);
    s.g[l.a] += s.g[i] * p.da;
    s.g[l.b] += s.g[i] * p.db;
  }
}

}  // namespace sweep

// Tape::forward with the ops of List dispatched inline.
template <class List = RegisteredOps, class T>
void forward_sweep(Tape<T>& t, index_t from = 0) {
  const sweep::Arrays<T> s(t);
  const index_t n = t.size();
  for (index_t i = from; i < n; ++i)
    sweep::dispatch(List{}, s.op[i], [&]<class Op>() { sweep::forward_node<Op>(s, i); });
}

// Tape::backward with the ops of List dispatched inline.
template <class List = RegisteredOps, class T>
void backward_sweep(Tape<T>& t, index_t out) {
  const sweep::Arrays<T> s(t);
  std::fill(s.g, s.g + out + 1, T(0));
  s.g[out] = T(1);
  for (index_t i = out + 1; i-- > 0;)
    sweep::dispatch(List{}, s.op[i], [&]<class Op>() { sweep::backward_node<Op>(s, i); });
}

}  // namespace dlmath
