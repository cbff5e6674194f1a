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
//   static constexpr bool activation = true;      a unary op that neurons apply to their
//                                                 weighted input: the sweeps step it together
//                                                 with the affine node it takes (ops/sweep.hpp)
//   static constexpr Reading reading;             how the algebra reads it (a sum, a product,
//                                                 a power...); a function f(u) if not given
// and for a function, what its simplifications may use (ops/reading.hpp):
//   static constexpr Parity parity;               f(-u) = f(u), -f(u) or 1 - f(u)
//   static constexpr ExactPoint exact[];          points where f is rational: exp 0 = 1
//   static constexpr bool exact_on_rationals;     value(r) is rational for rational r (abs)
//   using inverse = Other;                        f(Other(u)) = u
//   static constexpr Role role;                   its part in an identity between two
//                                                 functions (sin^2 + cos^2 = 1)
// and, side by side, its value and its local derivatives, written once for any U that has
// arithmetic: a scalar type T (the numbers) or Var<T> (the derivative recorded as new nodes):
//   unary:   U value(const U& x);            U partial(const U& x, const U& y);        y = value(x)
//   binary:  U value(const U& a, const U& b); Partials<U> partials(a, b, y)
// A partial that needs another op writes apply<Other>(x): computed for a number, recorded for a
// Var. A unary op may also keep a number from its forward step for its backward step
// (keeps_value), an op whose partials are fixed numbers may state them (fixed_partials), and an
// op with n operands (affine) steps itself. The adapters below turn that into the tape's forward
// and backward steps.
#pragma once

#include <boost/math/constants/constants.hpp>
#include <cmath>
#include <concepts>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "engine/var.hpp"
#include "ops/list.hpp"
#include "ops/reading.hpp"

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

// The constants the expression language names, and how LaTeX writes each. A Var records one as
// a constant leaf that carries the name, which formulas then write (2/sqrt(pi), not
// 1.1283791670955126); the parser reads the name as this constant and never as an input.
struct NamedConstant {
  std::string_view name, latex;
};
inline constexpr NamedConstant pi_constant{"pi", "\\pi"};
inline constexpr NamedConstant named_constants[] = {pi_constant};
inline const NamedConstant* find_named_constant(std::string_view name) {
  for (const NamedConstant& c : named_constants)
    if (c.name == name) return &c;
  return nullptr;
}
inline bool is_named_constant(std::string_view name) {
  return find_named_constant(name) != nullptr;
}
template <class T>
T named_constant_value(std::string_view name) {
  if (name != pi_constant.name)
    throw std::invalid_argument("no constant is named " + std::string(name));
  return boost::math::constants::pi<T>();
}
template <class T>
Var<T> named_constant(Tape<T>& t, std::string_view name) {
  const Var<T> c = t.constant(named_constant_value<T>(name));
  t.set_name(c.index(), name);
  return c;
}
// pi in U's world: for a Var, the constant leaf named pi.
template <class U>
U pi_like(const U& x) {
  if constexpr (is_var<U>::value)
    return named_constant(x.tape(), pi_constant.name);
  else
    return named_constant_value<U>(pi_constant.name);
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

// --- Numeric steps on the tape -----------------------------------------------------------------
// The tape's arrays, read once per sweep rather than once per node.
template <class T>
struct Nodes {
  T* v;
  T* g;
  T* kept;
  const OpCode* op;
  const Links* l;
  const index_t* args;
  explicit Nodes(Tape<T>& t)
      : v(t.values()),
        g(t.grads()),
        kept(t.kept()),
        op(t.op_codes()),
        l(t.all_links()),
        args(t.args()) {}
};

// An op with n operands steps itself: static void forward(const Nodes<T>&, i), and backward.
template <class Op>
concept steps_itself = requires(const Nodes<double>& s) {
  Op::forward(s, index_t{});
};
template <class Op>
concept unary_op = requires(double x) {
  Op::partial(x, x);
};
// A unary op whose forward step keeps a number for its backward step: it also writes
//   U value(const U& x, U& kept);  U partial(const U& x, const U& y, const U& kept);
// with partial(x, y) = partial(x, y, kept recomputed), so the graph records the same formula.
// A unary op that says it is a neuron's activation.
template <class Op>
concept activation_op = unary_op<Op> && requires {
  requires Op::activation;
};
template <class Op>
concept keeps_value = unary_op<Op> && requires(const double x, double& k) {
  Op::value(x, k);
};

// An op whose partials are fixed whole numbers states them, as `static constexpr int
// fixed_partial` (unary) or `static constexpr Partials<int> fixed_partials` (binary), and writes
// its partials from them: the backward step then adds or subtracts grad(i), or skips an operand
// whose partial is 0, instead of multiplying (a full multiplication in MPFR).
template <class Op>
concept fixed_unary = requires {
  Op::fixed_partial;
};
template <class Op>
concept fixed_binary = requires {
  Op::fixed_partials;
};

// g += c gi for a fixed c.
template <class T>
inline void add_times(T& g, const T& gi, int c) {
  if (c == 1)
    g += gi;
  else if (c == -1)
    g -= gi;
  else if (c != 0)
    g += c * gi;
}

// The steps are inlined into the sweeps' jump tables: that is the point of the sweeps, and GCC
// gives up inlining in functions that large without being told.

// Unary node i's value, and its partial, at operand value x (read from the tape, or held by a
// caller that has just computed it).
template <class Op, class T>
[[gnu::always_inline]] inline T unary_value(const Nodes<T>& s, index_t i, const T& x) {
  if constexpr (keeps_value<Op>)
    return Op::value(x, s.kept[s.l[i].b]);
  else
    return Op::value(x);
}
template <class Op, class T>
[[gnu::always_inline]] inline T unary_partial(const Nodes<T>& s, index_t i, const T& x) {
  if constexpr (keeps_value<Op>)
    return Op::partial(x, s.v[i], s.kept[s.l[i].b]);
  else
    return Op::partial(x, s.v[i]);
}

// Node i's value from its operands' values.
template <class Op, class T>
[[gnu::always_inline]] inline void forward_step(const Nodes<T>& s, index_t i) {
  const Links& l = s.l[i];
  if constexpr (steps_itself<Op>)
    Op::forward(s, i);
  else if constexpr (unary_op<Op>)
    s.v[i] = unary_value<Op>(s, i, s.v[l.a]);
  else
    s.v[i] = Op::value(s.v[l.a], s.v[l.b]);
}

// Adds grad(i) times each local partial derivative to node i's operands' gradients.
template <class Op, class T>
[[gnu::always_inline]] inline void backward_step(const Nodes<T>& s, index_t i) {
  const Links& l = s.l[i];
  if constexpr (steps_itself<Op>) {
    Op::backward(s, i);
  } else if constexpr (fixed_unary<Op>) {
    add_times(s.g[l.a], s.g[i], Op::fixed_partial);
  } else if constexpr (fixed_binary<Op>) {
    add_times(s.g[l.a], s.g[i], Op::fixed_partials.da);
    add_times(s.g[l.b], s.g[i], Op::fixed_partials.db);
  } else if constexpr (unary_op<Op>) {
    s.g[l.a] += s.g[i] * unary_partial<Op>(s, i, s.v[l.a]);
  } else {
    const Partials<T> p = Op::partials(s.v[l.a], s.v[l.b], s.v[i]);
    s.g[l.a] += s.g[i] * p.da;
    s.g[l.b] += s.g[i] * p.db;
  }
}

// The same steps as entries of the op table (one call per node, for Tape's own sweeps).
template <class Op, class T>
void table_forward(Tape<T>& t, index_t i) {
  forward_step<Op>(Nodes<T>(t), i);
}
template <class Op, class T>
void table_backward(Tape<T>& t, index_t i) {
  backward_step<Op>(Nodes<T>(t), i);
}

// --- Recording a node ------------------------------------------------------------------------
// Its value is computed by the op's forward step, inlined here (not called through the table).
template <class Op, class T>
Var<T> record_node(Tape<T>& t, index_t a, index_t b = 0) {
  return t.record(Op::code, Links{a, b}, keeps_value<Op>,
                  [](Tape<T>& tape, index_t i) { forward_step<Op>(Nodes<T>(tape), i); });
}
template <class Op, class T>
Var<T> record(const Var<T>& x) {
  return record_node<Op>(x.tape(), x.index());
}
template <class Op, class A, class B>
requires var_operands<A, B>
auto record(const A& a, const B& b) {
  if constexpr (is_var<A>::value) {
    auto bv = as_var(b, a);
    return record_node<Op>(a.tape(), a.index(), bv.index());
  } else {
    auto av = as_var(a, b);
    return record_node<Op>(b.tape(), av.index(), b.index());
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
  info.forward = table_forward<Op, T>;
  info.backward = table_backward<Op, T>;
  info.keeps = keeps_value<Op>;
  if constexpr (arity < 0)
    info.record_partials = Op::template record_partials<T>;
  else if constexpr (arity == 1)
    info.record_partials = unary_record_partials<Op, T>;
  else
    info.record_partials = binary_record_partials<Op, T>;
  info.latex = Op::latex;
  info.precedence = Op::precedence;
  return info;
}

}  // namespace dlmath
