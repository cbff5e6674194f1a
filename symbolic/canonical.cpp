#include "symbolic/canonical.hpp"

#include <array>

#include "ops/add.hpp"
#include "ops/affine.hpp"
#include "ops/div.hpp"
#include "ops/mul.hpp"
#include "ops/neg.hpp"
#include "ops/pow.hpp"
#include "ops/pow_const.hpp"
#include "ops/sqrt.hpp"
#include "ops/square.hpp"
#include "ops/sub.hpp"

namespace dlmath::symbolic {

OpReading reading_of(OpCode code) {
  static const std::array<OpReading, 256> table = [] {
    std::array<OpReading, 256> t{};
    t[Add::code] = {OpReading::linear, 1};
    t[Sub::code] = {OpReading::linear, -1};
    t[Neg::code] = {OpReading::negate, -1};
    t[Mul::code] = {OpReading::product, 1};
    t[Div::code] = {OpReading::product, -1};
    t[Pow::code] = {OpReading::power, 1};
    t[PowConst::code] = {OpReading::power, 1};
    t[Square::code] = {OpReading::square, 1};
    t[Sqrt::code] = {OpReading::root, 1};
    t[Affine::code] = {OpReading::affine, 1};
    return t;
  }();
  return table[code];
}

}  // namespace dlmath::symbolic
