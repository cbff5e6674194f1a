#include "ops/instances.hpp"

namespace dlmath {
template OpTable<decimal50> make_op_table<decimal50>();
template const OpTable<decimal50>& op_table<decimal50>();
}  // namespace dlmath
