#include "engine/instances.hpp"
#include "engine/var.hpp"

namespace dlmath {
template class Tape<decimal50>;
}  // namespace dlmath
