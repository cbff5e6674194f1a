// The registered ops, in one list: one line per op, its type and its file in ops/ (without
// .hpp). That line is all it takes to register an op whose file follows ops/contract.hpp: the
// type list below and the #includes of ops/registry.hpp are made from it. An op's code is its
// place in the list (after the leaf kinds), so codes are distinct and dense by construction and
// each op file states its own as `static constexpr OpCode code = code_of<ThisOp>;`. Codes are
// never stored outside a running program, so the order may change freely.
#pragma once

#include <boost/preprocessor/punctuation/comma_if.hpp>
#include <boost/preprocessor/seq/for_each_i.hpp>
#include <boost/preprocessor/seq/variadic_seq_to_seq.hpp>
#include <boost/preprocessor/tuple/elem.hpp>
#include <cstddef>
#include <type_traits>

#include "engine/tape.hpp"

// clang-format off
#define DLMATH_OPS     \
  (Add, add)           \
  (Sub, sub)           \
  (Mul, mul)           \
  (Div, div)           \
  (Neg, neg)           \
  (Pow, pow)           \
  (PowConst, pow_const)\
  (Square, square)     \
  (Exp, exp)           \
  (Log, log)           \
  (Sqrt, sqrt)         \
  (Sin, sin)           \
  (Cos, cos)           \
  (Tanh, tanh)         \
  (Sigmoid, sigmoid)   \
  (Relu, relu)         \
  (Softplus, softplus) \
  (Abs, abs)           \
  (Step, step)         \
  (Sign, sign)         \
  (Atan, atan)         \
  (Erf, erf)           \
  (Affine, affine)
// clang-format on

// DLMATH_OPS as a Boost.Preprocessor sequence of (Type, file) pairs.
#define DLMATH_OP_SEQ BOOST_PP_VARIADIC_SEQ_TO_SEQ(DLMATH_OPS)

namespace dlmath {

template <class... Ops>
struct OpList {
  static constexpr std::size_t size = sizeof...(Ops);
};

// `struct Type` declares each op here, so that its file can name its own code before the list
// is complete.
#define DLMATH_OP_DECLARE(r, data, i, op) BOOST_PP_COMMA_IF(i) struct BOOST_PP_TUPLE_ELEM(2, 0, op)
using RegisteredOps = OpList<BOOST_PP_SEQ_FOR_EACH_I(DLMATH_OP_DECLARE, ~, DLMATH_OP_SEQ)>;
#undef DLMATH_OP_DECLARE

// Op's place in Ops..., or -1.
template <class Op, class... Ops>
constexpr int place_in(OpList<Ops...>) {
  int k = 0, at = -1;
  ((at = at < 0 && std::is_same_v<Op, Ops> ? k : at, ++k), ...);
  return at;
}

template <class Op>
constexpr OpCode code_of_checked() {
  constexpr int k = place_in<Op>(RegisteredOps{});
  static_assert(k >= 0, "an op must be listed in RegisteredOps (ops/list.hpp)");
  return static_cast<OpCode>(first_op + k);
}

// The op code of a registered op: its place in the list, after the leaf kinds.
template <class Op>
inline constexpr OpCode code_of = code_of_checked<Op>();

// One past the last op code: the size of the op table.
inline constexpr std::size_t op_count = first_op + RegisteredOps::size;
static_assert(op_count <= 256, "op codes are one byte");

}  // namespace dlmath
