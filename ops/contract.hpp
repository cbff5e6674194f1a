// The op contract, written once.
//
// An op is a struct with
//   static constexpr OpCode code;                 its entry in codes.hpp
//   static constexpr std::string_view name;       "sigmoid"
//   static constexpr std::string_view symbol;     how the expression language writes it: "+",
//   "sigmoid" static constexpr std::string_view latex;      "+", "\\sigma" static constexpr int
//   precedence;              infix ops: 1 (+ -), 2 (* /), 3 (unary -), 4 (^); 0: f(x)
// and, side by side, its value and its local derivatives, written once for any U that has
// arithmetic: a scalar type T (the numbers) or Var<T> (the derivative recorded as new nodes):
//   unary:   U value(const U& x);            U partial(const U& x, const U& y);        y = value(x)
//   binary:  U value(const U& a, const U& b); Partials<U> partials(a, b, y)
// The adapters below turn that into the tape's forward and backward steps.
#pragma once

#include <cmath>
#include <concepts>
#include <string_view>
#include <type_traits>
#include <vector>

#include "engine/var.hpp"
#include "ops/codes.hpp"

namespace dlmath {

template <class U>
struct Partials {
  U da, db;  // d(a op b)/da, d(a op b)/db
};

template <class X>
struct is_var : std::false_type {};
template <class T>
struct is_var<Var<T>> : std::true_type {};

// A plain number (int, double, or a value of T itself) that may stand beside a Var<T>.
template <class C, class T>
concept constant_for = !is_var<C>::value && std::constructible_from<T, const C&>;

template <class A, class B>
struct var_pair : std::false_type {};
template <class T>
struct var_pair<Var<T>, Var<T>> : std::true_type {
  using type = T;
};

// The scalar type of a mixed pair (Var<T>, C) or (C, Var<T>) or (Var<T>, Var<T>).
template <class A, class B>
concept var_operands = var_pair<A, B>::value ||(is_var<A>::value && !is_var<B>::value &&
                                                constant_for<B, typename A::value_type>) ||
                       (is_var<B>::value && !is_var<A>::value &&
                        constant_for<A, typename B::value_type>);

// A constant beside a Var becomes a constant leaf of the same tape.
template <class T>
Var<T> as_var(const Var<T>& x, const Var<T>&) {
  return x;
}
template <class T, class C>
Var<T> as_var(const C& c, const Var<T>& like) {
  return like.tape().constant(T(c));
}

// The number c in U's world: for a Var, a constant leaf beside x.
template <class U>
U constant_like(const U& x, int c) {
  if constexpr (is_var<U>::value)
    return x.tape().constant(c);
  else
    return U(c);
}

// The current value of x: x itself for a number, its node's value for a Var.
template <class U>
const auto& value_of(const U& x) {
  if constexpr (is_var<U>::value)
    return x.value();
  else
    return x;
}

// Whether x is 0 for good: a number equal to 0 (a numeric step sees one point), or a constant
// leaf equal to 0 (a recorded partial must hold at every point the graph is replayed at).
template <class U>
bool fixed_zero(const U& x) {
  if constexpr (is_var<U>::value)
    return x.tape().op(x.index()) == Leaf::constant && x.value() == 0;
  else
    return x == 0;
}

// --- Recording a node ------------------------------------------------------------------------
template <class Op, class T>
Var<T> record(const Var<T>& x) {
  return x.tape().record(Op::code, x.index());
}
template <class Op, class A, class B>
requires var_operands<A, B>
auto record(const A& a, const B& b) {
  if constexpr (is_var<A>::value) {
    auto bv = as_var(b, a);
    return a.tape().record(Op::code, a.index(), bv.index());
  } else {
    auto av = as_var(a, b);
    return b.tape().record(Op::code, av.index(), b.index());
  }
}

// --- Numeric steps on the tape -----------------------------------------------------------------
template <class Op, class T>
void unary_forward(Tape<T>& t, index_t i) {
  T* v = t.values();
  v[i] = Op::value(v[t.links(i).a]);
}
template <class Op, class T>
void unary_backward(Tape<T>& t, index_t i) {
  const index_t a = t.links(i).a;
  T* v = t.values();
  t.grads()[a] += t.grads()[i] * Op::partial(v[a], v[i]);
}
template <class Op, class T>
void binary_forward(Tape<T>& t, index_t i) {
  T* v = t.values();
  const Links& l = t.links(i);
  v[i] = Op::value(v[l.a], v[l.b]);
}
template <class Op, class T>
void binary_backward(Tape<T>& t, index_t i) {
  T* v = t.values();
  T* g = t.grads();
  const Links& l = t.links(i);
  const Partials<T> p = Op::partials(v[l.a], v[l.b], v[i]);
  g[l.a] += g[i] * p.da;
  g[l.b] += g[i] * p.db;
}

// --- The same partials recorded as nodes (for symbolic differentiation) -----------------------
template <class Op, class T>
void unary_record_partials(Tape<T>& t, index_t i, std::vector<index_t>& out) {
  Var<T> x(t, t.links(i).a), y(t, i);
  out.push_back(Op::partial(x, y).index());
}
template <class Op, class T>
void binary_record_partials(Tape<T>& t, index_t i, std::vector<index_t>& out) {
  Var<T> a(t, t.links(i).a), b(t, t.links(i).b), y(t, i);
  const Partials<Var<T>> p = Op::partials(a, b, y);
  out.push_back(p.da.index());
  out.push_back(p.db.index());
}

// The table entry of an op with one or two operands.
template <class Op, class T, int arity>
OpInfo<T> op_info() {
  OpInfo<T> info;
  info.name = Op::name;
  info.symbol = Op::symbol;
  info.arity = arity;
  if constexpr (arity == 1) {
    info.forward = unary_forward<Op, T>;
    info.backward = unary_backward<Op, T>;
    info.record_partials = unary_record_partials<Op, T>;
  } else {
    info.forward = binary_forward<Op, T>;
    info.backward = binary_backward<Op, T>;
    info.record_partials = binary_record_partials<Op, T>;
  }
  info.latex = Op::latex;
  info.precedence = Op::precedence;
  return info;
}

}  // namespace dlmath
