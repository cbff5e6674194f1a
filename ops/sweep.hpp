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
// run is dispatched once and stepped by one loop. In double, the backward sweep steps the neurons
// of a layer (those that take the same inputs) with the inputs' gradients summed in registers
// (backward_dense), and a point's half squared error as one (ops/sweep_squared_error.hpp).
//
// Where those runs and tails lie is worked out once per shape of a graph (plan_sweeps) and kept
// with the tape: a replayed graph is then stepped segment by segment, not looked at node by node
// for neurons at every sweep (about 400 instructions fewer in a training step of the paper's
// network, 1,891 against 2,295; bench_higham_sgd's replay 1.44 to 1.48 times the tight loop
// against 1.58 to 1.65). The plan is made at the first forward sweep of a shape. A graph recorded
// afresh and swept only backward (the rebuild path) is never planned: its backward sweep looks at
// every node for neurons and cost tails as it goes.
#pragma once

#include <algorithm>
#include <cstdint>
#include <type_traits>
#include <vector>

#include "ops/registry.hpp"
#include "ops/sweep_squared_error.hpp"

namespace dlmath {

namespace sweep {

// Calls f.template operator()<Op>() for the op in Ops... whose code is `code`; returns false
// for a leaf or an op not in Ops. (Over the whole registry the compiler makes the comparisons one
// jump table; over a few ops they stay comparisons.)
template <class... Ops, class F>
[[gnu::always_inline]] inline bool dispatch(OpList<Ops...>, OpCode code, F&& f) {
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

// A layer: neurons b .. e - 1 that take the same N inputs, from the last, the inputs' gradients
// summed in registers and stored once, in the order the neurons would add them one by one (the
// same numbers to the last bit). Summed in memory, each neuron's addition waits for the one before
// it to be stored and loaded again, and the next layer down waits for them all: in the paper's
// network that path made the replay 6 to 12 ns a step slower (bench_higham_sgd, 1.44 to 1.50
// times the tight loop against 1.35 and 1.36), though this takes 47 instructions more a step.
template <class Act, index_t N, class T>
[[gnu::always_inline]] inline void backward_dense(const Nodes<T>& s, index_t b, index_t e) {
  const index_t* in = s.args + s.l[b].a;
  T x[N], gx[N];
  for (index_t k = 0; k < N; ++k) x[k] = s.v[in[2 * k + 1]], gx[k] = s.g[in[2 * k + 1]];
  for (index_t i = e - 1;; i -= 2) {
    T& gz = s.g[i - 1];
    gz += s.g[i] * unary_partial<Act>(s, i, s.v[i - 1]);
    const T g = gz;
    const index_t* w = s.args + s.l[i - 1].a;
    for (index_t k = 0; k < N; ++k) {
      s.g[w[2 * k]] += g * x[k];
      gx[k] += g * s.v[w[2 * k]];
    }
    s.g[w[2 * N]] += g;
    if (i == b + 1) break;
  }
  for (index_t k = 0; k < N; ++k) s.g[in[2 * k + 1]] = gx[k];
}

// The most operands of an affine node whose fan-in the sweeps unroll (4 inputs).
inline constexpr index_t unrolled_links = 9;
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

namespace sweep {

// A plan of a graph's sweeps, worked out once per shape of the graph (Tape::sweep_memo): its inner
// nodes as segments [begin, end) of four kinds, three words each. Replayed, a sweep then steps
// segment after segment instead of looking again at every node for neurons and cost tails.
enum Segment : std::uint32_t { nodes = 0, neurons = 1, squared_error = 2, dense = 3 };
// The third word: the kind; for neurons and layers (dense: neurons that take the same inputs,
// in double) also the activation's code and the affine nodes' links.
inline std::uint32_t segment_word(Segment kind, OpCode act = 0, index_t links = 0) {
  return kind | std::uint32_t(act) << 8 | links << 16;
}

// Whether the affine nodes a and c take the same inputs (every other operand but the bias).
template <class T>
bool same_inputs(const Nodes<T>& s, index_t a, index_t c) {
  const index_t *p = s.args + s.l[a].a, *q = s.args + s.l[c].a;
  for (index_t k = 1; k + 1 < s.l[a].b; k += 2)
    if (p[k] != q[k]) return false;
  return true;
}
// Whether neurons b .. e - 1 (same inputs) can have their inputs' gradients summed in registers:
// the inputs differ from one another and from every weight and bias. (They come before the
// layer: an affine node's operands are recorded before it.)
template <class T>
bool dense_ok(const Nodes<T>& s, index_t b, index_t e) {
  const index_t links = s.l[b].b;
  const index_t* in = s.args + s.l[b].a;
  for (index_t k = 1; k + 1 < links; k += 2) {
    for (index_t m = k + 2; m + 1 < links; m += 2)
      if (in[m] == in[k]) return false;
    for (index_t i = b; i < e; i += 2) {
      const index_t* w = s.args + s.l[i].a;
      for (index_t m = 0; m < links; m += 2)  // the weights, then the bias (links is odd)
        if (w[m] == in[k]) return false;
    }
  }
  return true;
}

// The segments of nodes first.. n - 1, as the sweeps below would find them node by node.
template <class T>
void plan_sweeps(const Nodes<T>& s, index_t first, index_t n, std::vector<std::uint32_t>& w) {
  w.clear();
  index_t loose = first;  // nodes from here on are stepped one by one
  // Nodes loose .. b - 1 as a segment, without the leaves at its ends (the targets y, recorded
  // between the network and its cost): leaves have no step, and a segment of them alone cost a
  // training step of the paper's network 69 instructions of 1,893 (callgrind).
  auto push_loose = [&](index_t b) {
    while (loose < b && s.op[loose] < first_op) ++loose;
    while (b > loose && s.op[b - 1] < first_op) --b;
    if (b > loose) w.insert(w.end(), {loose, b, segment_word(nodes)});
  };
  auto push = [&](index_t b, index_t e, std::uint32_t word) {
    push_loose(b);
    w.insert(w.end(), {b, e, word});
    loose = e;
  };
  for (index_t i = first; i < n; ++i) {
    if (neuron_at(s, i, n) && s.l[i].b < (1u << 16) &&
        dispatch(NeuronActivations{}, s.op[i + 1], []<class>() {})) {
      const OpCode act = s.op[i + 1];
      const index_t links = s.l[i].b;
      index_t j = i;
      while (neuron_at(s, j + 2, n) && s.op[j + 3] == act && s.l[j + 2].b == links) j += 2;
      if constexpr (std::is_floating_point_v<T>) {
        // The run cut into layers: neurons that take the same inputs (the paper's layers 2 and 3
        // have the same fan-in and activation, and make one run).
        for (index_t b = i; b <= j;) {
          index_t e = b;  // the layer's last affine node
          while (e + 2 <= j && same_inputs(s, b, e + 2)) e += 2;
          const bool layer = e > b && links <= unrolled_links && dense_ok(s, b, e + 2);
          push(b, e + 2, segment_word(layer ? dense : neurons, act, links));
          b = e + 2;
        }
      } else {
        push(i, j + 2, segment_word(neurons, act, links));
      }
      i = j + 1;
      continue;
    }
    if constexpr (std::is_floating_point_v<T>) {
      if (s.op[i] == Sub::code) {
        if (const index_t end = squared_error_end(s, i, n)) {
          push(i, end + 1, segment_word(squared_error));
          i = end;
          continue;
        }
      }
    }
  }
  push_loose(n);
}

// The plan of t's sweeps in its present shape, worked out at the first forward sweep of that shape.
template <class T>
const std::vector<std::uint32_t>& plan_of(Tape<T>& t) {
  typename Tape<T>::SweepMemo& m = t.sweep_memo();
  if (!m.fits(t)) {
    plan_sweeps(Nodes<T>(t), t.first_inner(), t.size(), m.words);
    m.made_for(t);
  }
  return m.words;
}

// Calls f.template operator()<Act, N>() for a neurons segment's activation and fan-in. (Inlined
// at every level: GCC otherwise made the layers' backward sweep a call per segment, reading the
// tape's arrays through the closure, 433 instructions a step where 254 do.)
template <class F>
[[gnu::always_inline]] inline void with_neurons(std::uint32_t word, F&& f) {
  dispatch(
      NeuronActivations{},
      OpCode((word >> 8) & 0xff), [&]<class Act>() __attribute__((always_inline)) {
        with_fan_in(
            word >> 16, [&]<index_t N>()
                            __attribute__((always_inline)) { f.template operator()<Act, N>(); });
      });
}

}  // namespace sweep

// Tape::forward with the ops of List dispatched inline, segment by segment of t's plan. A sweep
// from a node inside a neuron or a cost tail (the tail's constant 1/2, say) steps that segment
// whole: its nodes before `from` cannot depend on a leaf at `from` or later, and compute the values
// they hold already.
template <class List = RegisteredOps, class T>
void forward_sweep(Tape<T>& t, index_t from = 0) {
  const Nodes<T> s(t);
  const std::vector<std::uint32_t>& plan = sweep::plan_of(t);
  auto w = plan.begin();
  while (w != plan.end() && w[1] <= from) w += 3;  // segments before from
  for (; w != plan.end(); w += 3) {
    const index_t b = w[0], e = w[1];
    switch (w[2] & 0xff) {
      case sweep::neurons:
      case sweep::dense:
        sweep::with_neurons(w[2], [&]<class Act, index_t N>() {
          for (index_t i = b; i < e; i += 2) sweep::forward_neuron<Act, N>(s, i);
        });
        break;
      case sweep::squared_error:
        if constexpr (std::is_floating_point_v<T>) sweep::forward_squared_error(s, b, e - 1);
        break;
      default:
        for (index_t i = std::max(b, from); i < e; ++i)
          sweep::dispatch(List{}, s.op[i], [&]<class Op>() { forward_step<Op>(s, i); });
    }
  }
}

namespace sweep {

// The backward sweep from `out` by t's plan, if it has one whose segments allow it (out is the
// last node of a segment, or inside one stepped node by node); false if not, and nothing done.
template <class List, class T>
bool backward_by_plan(Tape<T>& t, index_t out) {
  const typename Tape<T>::SweepMemo& m = t.sweep_memo();
  if (!m.fits(t)) return false;
  const Nodes<T> s(t);
  auto w = m.words.end();
  while (w != m.words.begin() && w[-3] > out) w -= 3;  // segments after out
  if (w == m.words.begin()) return false;
  // (the segments cover every node with a step: the one found holds out, or out is a leaf after it)
  if ((w[-1] & 0xff) != nodes && out + 1 != w[-2]) return false;  // out inside a neuron or tail
  for (bool top = true; w != m.words.begin(); w -= 3, top = false) {
    const index_t b = w[-3], e = top ? out + 1 : w[-2];
    switch (w[-1] & 0xff) {
      case neurons:
        with_neurons(
            w[-1], [&]<class Act, index_t N>() __attribute__((always_inline)) {
              for (index_t i = e - 1;; i -= 2) {  // the activation nodes, from the last
                backward_neuron<Act, N>(s, i);
                if (i == b + 1) break;
              }
            });
        break;
      case squared_error:
        if constexpr (std::is_floating_point_v<T>) backward_squared_error(s, b, e - 1);
        break;
      case dense:  // (a case of its own: joined to the one above, the step took 21 instructions
                   // more)
        with_neurons(
            w[-1], [&]<class Act, index_t N>() __attribute__((always_inline)) {
              if constexpr (N > 0) {
                backward_dense<Act, N>(s, b, e);
              } else {  // (not planned: a layer has a fan-in the sweeps unroll)
                for (index_t i = e - 1;; i -= 2) {
                  backward_neuron<Act, N>(s, i);
                  if (i == b + 1) break;
                }
              }
            });
        break;
      default:
        for (index_t i = e; i-- > b;)
          dispatch(List{}, s.op[i], [&]<class Op>() { backward_step<Op>(s, i); });
    }
  }
  return true;
}

}  // namespace sweep

// Tape::backward with the ops of List dispatched inline (the tape has set every gradient to 0
// but out's, 1).
template <class List = RegisteredOps, class T>
void backward_sweep(Tape<T>& t, index_t out) {
  if (sweep::backward_by_plan<List>(t, out)) return;
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
