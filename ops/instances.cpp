#include "ops/instances.hpp"

namespace dlmath {
#define DLMATH_OPS(T)                     \
  template OpTable<T> make_op_table<T>(); \
  template const OpTable<T>& op_table<T>();
DLMATH_OPS(float)
DLMATH_OPS(double)
DLMATH_OPS(long double)
}  // namespace dlmath
