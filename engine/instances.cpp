#include "engine/instances.hpp"

#include "engine/var.hpp"

namespace dlmath {
template class Tape<float>;
template class Tape<double>;
template class Tape<long double>;
}  // namespace dlmath
