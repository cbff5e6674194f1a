// The op contract, written once.
//
// An op is a struct in its own file, listed in ops/list.hpp, with
//   static constexpr OpCode code = code_of<Op>;   its place in the list
//   static constexpr std::string_view name;       "sigmoid": in graphs and reports
//   static constexpr std::string_view symbol;     how the expression language writes it: an
//                                                 operator ("+", "^") or a function ("sigmoid")
//   static constexpr std::string_view latex;      "+", "\\sigma"
//   static constexpr std::string_view about;      what it computes, for the docs' table
//   static constexpr int precedence;              operators: binding strength, higher binds
//                                                 tighter (+ - 1, * / 2, unary - 3, ^ 4);
//                                                 0: written f(x)
//   static constexpr double samples[]...;         points inside its domain, away from kinks, one
//                                                 value per operand (samples[][2] for a binary
//                                                 op), where the ops test checks its partials
// optionally
//   static constexpr Associativity associativity; of an infix operator; left if not given
//   static constexpr std::string_view call;       an operator also written as a function:
//                                                 "pow" for pow(a, b)
//   static constexpr int constant_operand;        an operand that is always a constant (gets no
//                                                 gradient); the language records this op when
//                                                 that operand is written as a number
// and, side by side, its value and its local derivatives, written once for any U that has
// arithmetic: a scalar type T (the numbers) or Var<T> (the derivative recorded as new nodes):
//   unary:   U value(const U& x);            U partial(const U& x, const U& y);        y = value(x)
//   binary:  U value(const U& a, const U& b); Partials<U> partials(a, b, y)
// A partial that needs another op writes apply<Other>(x): computed for a number, recorded for a
// Var. An op with n operands (affine) has forward, backward and record_partials on the tape
// instead. The adapters below turn value and partials into the tape's forward and backward steps.
#pragma once

#include <cmath>
#include <concepts>
#include <string_view>
#include <type_traits>
#include <vector>

#include "engine/var.hpp"
#include "ops/list.hpp"

namespace dlmath {

enum class Associativity { left, right };

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

// The scalar type under U: T for Var<T>, U itself for a number.
template <class U>
struct scalar_of {
  using type = U;
};
template <class T>
struct scalar_of<Var<T>> {
  using type = T;
};
template <class U>
using scalar_t = typename scalar_of<U>::type;

// The number c in U's world: for a Var, a constant leaf beside x.
template <class U, class C>
U constant_like(const U& x, const C& c) {
  if constexpr (is_var<U>::value)
    return x.tape().constant(scalar_t<U>(c));
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

// Op applied to operands of a partial: computed for numbers, recorded as a node for Vars.
template <class Op, class U>
U apply(const U& x) {
  if constexpr (is_var<U>::value)
    return record<Op>(x);
  else
    return Op::value(x);
}
template <class Op, class U>
U apply(const U& a, const U& b) {
  if constexpr (is_var<U>::value)
    return record<Op>(a, b);
  else
    return Op::value(a, b);
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

// 1 for an op with partial(x, y), 2 for one with partials(a, b, y), -1 for one with n operands
// (its own forward and backward steps on the tape).
template <class Op>
concept has_partial = requires(double x) {
  Op::partial(x, x);
};
template <class Op>
concept has_partials = requires(double x) {
  Op::partials(x, x, x);
};
template <class Op>
constexpr int arity_of = has_partial<Op>    ? 1
                         : has_partials<Op> ? 2
                                            : -1;

// The table entry of an op.
template <class Op, class T, int arity = arity_of<Op>>
OpInfo<T> op_info() {
  OpInfo<T> info;
  info.name = Op::name;
  info.symbol = Op::symbol;
  info.arity = arity;
  if constexpr (arity < 0) {
    info.forward = Op::template forward<T>;
    info.backward = Op::template backward<T>;
    info.record_partials = Op::template record_partials<T>;
  } else if constexpr (arity == 1) {
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
