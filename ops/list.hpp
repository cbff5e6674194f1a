// The registered ops, in one list. An op is its own file in ops/ (see ops/contract.hpp); it is
// registered by its line here and its #include in ops/registry.hpp. Its code is its place in the
// list (after the leaf kinds), so codes are distinct and dense by construction and each op file
// states its own as `static constexpr OpCode code = code_of<ThisOp>;`. Codes are never stored
// outside a running program, so the order may change freely.
#pragma once

#include <cstddef>
#include <type_traits>

#include "engine/tape.hpp"

namespace dlmath {

template <class... Ops>
struct OpList {
  static constexpr std::size_t size = sizeof...(Ops);
};

// `struct Name` declares each op here, so that its file can name its own code before the list
// is complete.
// clang-format off
using RegisteredOps = OpList<
    struct Add,
    struct Sub,
    struct Mul,
    struct Div,
    struct Neg,
    struct Pow,
    struct PowConst,
    struct Square,
    struct Exp,
    struct Log,
    struct Sqrt,
    struct Sin,
    struct Cos,
    struct Tanh,
    struct Sigmoid,
    struct Relu,
    struct Softplus,
    struct Abs,
    struct Step,
    struct Sign,
    struct Atan,
    struct Erf,
    struct Affine>;
// clang-format on

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
