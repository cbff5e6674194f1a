#include "ops/instances.hpp"

namespace dlmath {
template OpTable<float100> make_op_table<float100>();
template const OpTable<float100>& op_table<float100>();
}  // namespace dlmath
