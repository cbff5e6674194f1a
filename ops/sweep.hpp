// Forward and backward sweeps that know every registered op at compile time: each node's op is
// picked by comparing its code with the list's (which the compiler turns into one jump table)
// and its step (ops/contract.hpp) runs inline, with no call through the op table. Operands are
// read straight from the tape's arrays; nothing is allocated. The op table holds these sweeps,
// so Tape::forward and Tape::backward run them; Tape::forward_by_table and backward_by_table
// still step node by node through the table.
//
// A neuron, an affine node followed by an activation that takes it, stays two nodes (drawings and
// formulas show both), but the sweeps step the pair as one, with z and its gradient held in
// registers. A layer's neurons are recorded one after another with the same activation: such a
// run is dispatched once and stepped by one loop. In double, a point's half squared error is
// stepped as one too (ops/sweep_squared_error.hpp).
#pragma once

#include <algorithm>
#include <type_traits>

#include "ops/registry.hpp"
#include "ops/sweep_squared_error.hpp"

namespace dlmath {

namespace sweep {

// Calls f.template operator()<Op>() for the op in Ops... whose code is `code`; returns false
// for a leaf or an op not in Ops. (Over the whole registry the compiler makes the comparisons one
// jump table; over a few ops they stay comparisons.)
template <class... Ops, class F>
inline bool dispatch(OpList<Ops...>, OpCode code, F&& f) {
  return ((code == Ops::code && (f.template operator()<Ops>(), true)) || ...);
}

// The ops of a list that say they are activations (declarations only: used in decltype).
template <class... A, class... B>
OpList<A..., B...> operator+(OpList<A...>, OpList<B...>);
template <class Op>
using activation_alone = std::conditional_t<activation_op<Op>, OpList<Op>, OpList<>>;
template <class... Ops>
auto activations_of(OpList<Ops...>) -> decltype((OpList<>{} + ... + activation_alone<Ops>{}));

}  // namespace sweep

// What the sweeps step together with an affine node before it: the ops whose files say they are
// activations (`static constexpr bool activation = true`).
using NeuronActivations = decltype(sweep::activations_of(RegisteredOps{}));

namespace sweep {

// Whether nodes i, i + 1 of n are a neuron: affine, then a unary op of it.
template <class T>
inline bool neuron_at(const Nodes<T>& s, index_t i, index_t n) {
  return s.op[i] == Affine::code && i + 1 < n && s.l[i + 1].a == i;
}

// Affine node i and its activation Act at i + 1, z held in a register.
template <class Act, index_t N, class T>
[[gnu::always_inline]] inline void forward_neuron(const Nodes<T>& s, index_t i) {
  const T z = Affine::sum<N>(s, i);
  s.v[i + 1] = unary_value<Act>(s, i + 1, z);
  s.v[i] = z;
}
// Activation node i, then the affine node i - 1 it takes, gz held in a register: the same
// arithmetic in the same order as two backward steps.
template <class Act, index_t N, class T>
[[gnu::always_inline]] inline void backward_neuron(const Nodes<T>& s, index_t i) {
  T& gz = s.g[i - 1];  // summed in place: a multiprecision gz is not copied back
  gz += s.g[i] * unary_partial<Act>(s, i, s.v[i - 1]);
  if constexpr (std::is_floating_point_v<T>)
    Affine::spread<N>(s, i - 1, T(gz));  // in a register, not reloaded after every store to g
  else
    Affine::spread<N>(s, i - 1, gz);
}

// Calls f.template operator()<N>() with N the fan-in of an affine node with `links` operands
// (2N + 1), for the fan-ins a small network has, so that its neurons' loops unroll; N = 0 for
// any other, read from the node.
template <class F>
[[gnu::always_inline]] inline void with_fan_in(index_t links, F&& f) {
  switch (links) {
    case 3:
      return f.template operator()<1>();
    case 5:
      return f.template operator()<2>();
    case 7:
      return f.template operator()<3>();
    case 9:
      return f.template operator()<4>();
    default:
      return f.template operator()<0>();
  }
}
// Whether the affine node at i has N inputs (any, for N = 0).
template <index_t N, class T>
[[gnu::always_inline]] inline bool fan_in_is(const Nodes<T>& s, index_t i) {
  return N == 0 || s.l[i].b == 2 * N + 1;
}

}  // namespace sweep

// Tape::forward with the ops of List dispatched inline.
template <class List = RegisteredOps, class T>
void forward_sweep(Tape<T>& t, index_t from = 0) {
  const Nodes<T> s(t);
  const index_t n = t.size();
  for (index_t i = std::max(from, t.first_inner()); i < n; ++i) {
    // A run of neurons with one activation and one fan-in: i ends on the last one's activation
    // node.
    if (sweep::neuron_at(s, i, n) &&
        sweep::dispatch(NeuronActivations{}, s.op[i + 1], [&]<class Act>() {
          sweep::with_fan_in(s.l[i].b, [&]<index_t N>() {
            for (;; i += 2) {
              sweep::forward_neuron<Act, N>(s, i);
              if (!(sweep::neuron_at(s, i + 2, n) && s.op[i + 3] == Act::code &&
                    sweep::fan_in_is<N>(s, i + 2)))
                break;
            }
          });
          ++i;
        }))
      continue;
    if constexpr (std::is_floating_point_v<T>) {
      if (s.op[i] == Sub::code) {
        if (const index_t end = sweep::squared_error_end(s, i, n)) {
          sweep::forward_squared_error(s, i, end);
          i = end;
          continue;
        }
      }
    }
    sweep::dispatch(List{}, s.op[i], [&]<class Op>() { forward_step<Op>(s, i); });
  }
}

// Tape::backward with the ops of List dispatched inline (the tape has set every gradient to 0
// but out's, 1).
template <class List = RegisteredOps, class T>
void backward_sweep(Tape<T>& t, index_t out) {
  const Nodes<T> s(t);
  const index_t first = t.first_inner();
  for (index_t i = out + 1; i-- > first;) {
    // A run of neurons with one activation and one fan-in, from the last: i ends on the first
    // one's affine node.
    // (Inlined: called, the run would read the tape's arrays and i through the closure, from the
    // stack, at every neuron.)
    if (i > first && sweep::neuron_at(s, i - 1, out + 1) &&
        sweep::dispatch(
            NeuronActivations{}, s.op[i], [&]<class Act>() __attribute__((always_inline)) {
              sweep::with_fan_in(
                  s.l[i - 1].b, [&]<index_t N>() __attribute__((always_inline)) {
                    for (;; i -= 2) {
                      sweep::backward_neuron<Act, N>(s, i);
                      if (!(i >= first + 3 && s.op[i - 2] == Act::code &&
                            sweep::neuron_at(s, i - 3, i) && sweep::fan_in_is<N>(s, i - 3)))
                        break;
                    }
                  });
              --i;
            }))
      continue;
    if constexpr (std::is_floating_point_v<T>) {
      index_t start = 0;
      if (s.op[i] == Mul::code && sweep::squared_error_before(s, i, first, start)) {
        sweep::backward_squared_error(s, start, i);
        i = start;
        continue;
      }
    }
    sweep::dispatch(List{}, s.op[i], [&]<class Op>() { backward_step<Op>(s, i); });
  }
}

}  // namespace dlmath
