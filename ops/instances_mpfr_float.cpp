#include "ops/instances.hpp"

namespace dlmath {
template OpTable<mpfr_float> make_op_table<mpfr_float>();
template const OpTable<mpfr_float>& op_table<mpfr_float>();
}  // namespace dlmath
