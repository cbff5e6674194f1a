#include "engine/instances.hpp"
#include "engine/var.hpp"

namespace dlmath {
template class Tape<float50>;
}  // namespace dlmath
