#include "engine/instances.hpp"
#include "engine/var.hpp"

namespace dlmath {
template class Tape<mpfr_float>;
}  // namespace dlmath
