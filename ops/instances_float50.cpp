#include "ops/instances.hpp"

namespace dlmath {
template OpTable<float50> make_op_table<float50>();
template const OpTable<float50>& op_table<float50>();
}  // namespace dlmath
