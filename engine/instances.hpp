// The scalar types the engine is compiled for once (in instances*.cpp), not in every file.
#pragma once

#include "engine/multiprecision.hpp"
#include "engine/tape.hpp"

#define DLMATH_FOR_EACH_SCALAR(X) \
  X(float)                        \
  X(double)                       \
  X(long double)                  \
  X(::dlmath::float50)            \
  X(::dlmath::float100)           \
  X(::dlmath::decimal50)          \
  X(::dlmath::mpfr_float)

namespace dlmath {
#define DLMATH_EXTERN_TAPE(T) extern template class Tape<T>;
DLMATH_FOR_EACH_SCALAR(DLMATH_EXTERN_TAPE)
#undef DLMATH_EXTERN_TAPE
}  // namespace dlmath
