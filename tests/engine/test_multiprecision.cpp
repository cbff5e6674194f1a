// float50 and float100 arithmetic (engine/multiprecision.hpp gives their three-operand add,
// subtract, multiply and divide straight to MPFR): each result must be MPFR's own correctly
// rounded one, also when the result is one of the operands.
#include <mpfr.h>

#include <catch2/catch.hpp>
#include <functional>

#include "engine/multiprecision.hpp"

using namespace dlmath;

namespace {

// MPFR's own a op b at the precision of T, rounded to nearest.
template <class T>
T by_mpfr(int (*op)(mpfr_ptr, mpfr_srcptr, mpfr_srcptr, mpfr_rnd_t), const T& a, const T& b) {
  T out;
  mpfr_t r;
  mpfr_init2(r, mpfr_get_prec(a.backend().data()));
  op(r, a.backend().data(), b.backend().data(), MPFR_RNDN);
  mpfr_set(out.backend().data(), r, MPFR_RNDN);
  mpfr_clear(r);
  return out;
}

template <class T>
void check_operations() {
  const T third = T(1) / 3, e = exp(T(1)), big = T("1e40") / 7, tiny = T(-2) / T("1e35");
  for (const T& a : {third, e, big, tiny})
    for (const T& b : {third, e, big, tiny}) {
      CAPTURE(a.str(), b.str());
      CHECK(a + b == by_mpfr(mpfr_add, a, b));
      CHECK(a - b == by_mpfr(mpfr_sub, a, b));
      CHECK(a * b == by_mpfr(mpfr_mul, a, b));
      CHECK(a / b == by_mpfr(mpfr_div, a, b));
      // The result written over an operand.
      T x = a;
      x = x * b;
      CHECK(x == by_mpfr(mpfr_mul, a, b));
      x = a;
      x = b - x;
      CHECK(x == by_mpfr(mpfr_sub, b, a));
      x = a;
      x = x / x;
      CHECK(x == 1);
      x = a;
      x = x * x;
      CHECK(x == by_mpfr(mpfr_mul, a, a));
    }
}

}  // namespace

TEST_CASE("float50 and float100 add, subtract, multiply and divide as MPFR does", "[engine]") {
  check_operations<float50>();
  check_operations<float100>();
  // The precision is the type's own: a third carries 50 (100) digits.
  CHECK(abs(float50(1) / 3 * 3 - 1) < float50("1e-49"));
  CHECK(abs(float100(1) / 3 * 3 - 1) < float100("1e-99"));
  CHECK(float100(1) / 3 != float100(float50(1) / 3));
}
