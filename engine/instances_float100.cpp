#include "engine/instances.hpp"
#include "engine/var.hpp"

namespace dlmath {
template class Tape<float100>;
}  // namespace dlmath
