// The registered ops, as one type list: the op table, and anything that must know every op at
// compile time, is made from this list. Affine (n operands) is registered apart in table.hpp.
#pragma once

#include "ops/abs.hpp"
#include "ops/add.hpp"
#include "ops/affine.hpp"
#include "ops/cos.hpp"
#include "ops/div.hpp"
#include "ops/exp.hpp"
#include "ops/log.hpp"
#include "ops/mul.hpp"
#include "ops/neg.hpp"
#include "ops/pow.hpp"
#include "ops/pow_const.hpp"
#include "ops/relu.hpp"
#include "ops/sigmoid.hpp"
#include "ops/sign.hpp"
#include "ops/sin.hpp"
#include "ops/softplus.hpp"
#include "ops/sqrt.hpp"
#include "ops/square.hpp"
#include "ops/step.hpp"
#include "ops/sub.hpp"
#include "ops/tanh.hpp"

namespace dlmath {

template <class... Ops>
struct OpList {};

using RegisteredOps = OpList<Add, Sub, Mul, Div, Neg, Pow, PowConst, Square, Exp, Log, Sqrt, Sin,
                             Cos, Tanh, Sigmoid, Relu, Softplus, Abs, Step, Sign>;

// 1 for an op with partial(x, y), 2 for one with partials(a, b, y).
template <class Op>
constexpr int arity_of = requires(double x) { Op::partial(x, x); } ? 1 : 2;

}  // namespace dlmath
