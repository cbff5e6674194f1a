// The op codes, in one list: the order here is the order of the op table.
#pragma once

#include "engine/tape.hpp"

namespace dlmath::codes {

enum : OpCode {
  add = first_op,
  sub,
  mul,
  div,
  neg,
  pow,
  pow_const,
  square,
  exp,
  log,
  sqrt,
  sin,
  cos,
  tanh,
  sigmoid,
  relu,
  softplus,
  abs,
  step,
  sign,
  affine,
  count  // one past the last
};

}  // namespace dlmath::codes
