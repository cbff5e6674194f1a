#include "ops/instances.hpp"

namespace dlmath {
#define DLMATH_OP_TABLES(T)               \
  template OpTable<T> make_op_table<T>(); \
  template const OpTable<T>& op_table<T>();
DLMATH_OP_TABLES(float)
DLMATH_OP_TABLES(double)
DLMATH_OP_TABLES(long double)
}  // namespace dlmath
