// The op table (every op of ops/, by code) and Graph<T>: a tape that knows them.
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

template <class T>
OpTable<T> make_op_table() {
  OpTable<T> t;
  t.ops.resize(codes::count);
  t.ops[Leaf::parameter].name = "parameter";
  t.ops[Leaf::input].name = "input";
  t.ops[Leaf::constant].name = "constant";
  auto add = [&t]<class Op, int arity>() { t.ops[Op::code] = op_info<Op, T, arity>(); };
  add.template operator()<Add, 2>();
  add.template operator()<Sub, 2>();
  add.template operator()<Mul, 2>();
  add.template operator()<Div, 2>();
  add.template operator()<Neg, 1>();
  add.template operator()<Pow, 2>();
  add.template operator()<PowConst, 2>();
  add.template operator()<Square, 1>();
  add.template operator()<Exp, 1>();
  add.template operator()<Log, 1>();
  add.template operator()<Sqrt, 1>();
  add.template operator()<Sin, 1>();
  add.template operator()<Cos, 1>();
  add.template operator()<Tanh, 1>();
  add.template operator()<Sigmoid, 1>();
  add.template operator()<Relu, 1>();
  add.template operator()<Softplus, 1>();
  add.template operator()<Abs, 1>();
  add.template operator()<Step, 1>();
  add.template operator()<Sign, 1>();
  t.ops[codes::affine] = {Affine::name,       Affine::symbol,      -1,
                          Affine::forward<T>, Affine::backward<T>, Affine::record_partials<T>,
                          Affine::latex,      Affine::precedence};
  return t;
}

// The one table per scalar type.
template <class T>
const OpTable<T>& op_table() {
  static const OpTable<T> table = make_op_table<T>();
  return table;
}

// A tape whose nodes may be any op of ops/: what the rest of dlmath records on.
template <class T>
class Graph : public Tape<T> {
 public:
  Graph() : Tape<T>(op_table<T>()) {}
  Graph(const Graph&) = delete;  // Vars point at their graph: it must not move
  Graph& operator=(const Graph&) = delete;
};

}  // namespace dlmath
