// The op table is built once per scalar type (in instances*.cpp), not in every file.
#pragma once

#include "engine/instances.hpp"
#include "ops/table.hpp"

namespace dlmath {
#define DLMATH_EXTERN_OPS(T)                     \
  extern template OpTable<T> make_op_table<T>(); \
  extern template const OpTable<T>& op_table<T>();
DLMATH_FOR_EACH_SCALAR(DLMATH_EXTERN_OPS)
#undef DLMATH_EXTERN_OPS
}  // namespace dlmath
