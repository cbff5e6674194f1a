// Exact constants: decimal literals read exactly, results past the size limit refused, numbers
// written so that they read back exactly.
#include <catch2/catch.hpp>

#include "engine/decimal.hpp"
#include "symbolic/rational.hpp"

using namespace dlmath::symbolic;

TEST_CASE("decimal literals are read as exact rationals") {
  CHECK(*rational_from_decimal("0.5") == Rational(1, 2));
  CHECK(*rational_from_decimal("0.25") * 4 == 1);
  CHECK(*rational_from_decimal("-1.5e-3") == Rational(-3, 2000));
  CHECK(*rational_from_decimal("2E2") == 200);
  CHECK(*rational_from_decimal(".5") == Rational(1, 2));
  CHECK(*rational_from_decimal("0.1") * 10 == 1);  // no binary rounding: 0.1*10 is 1
  const Rational tiny = *rational_from_decimal("1e-300");
  CHECK(tiny > 0);
  CHECK(tiny * *rational_from_decimal("1e300") == 1);
  CHECK(*rational_from_decimal("0") == 0);
  // 10^-99999 needs about 330,000 bits: refused, so the caller keeps the literal as written.
  CHECK_FALSE(rational_from_decimal("1e-99999"));
}

TEST_CASE("folding refuses a result past the size limit instead of growing without bound") {
  CHECK(*checked_power(Rational(2), Rational(10)) == 1024);
  CHECK(*checked_power(Rational(2, 3), Rational(-2)) == Rational(9, 4));
  CHECK(*checked_power(Rational(-1), Rational(1001)) == -1);
  CHECK_FALSE(checked_power(Rational(3), Rational(100000)));
  CHECK_FALSE(checked_power(Rational(0), Rational(-1)));  // 1/0 stays as written
  CHECK_FALSE(checked_power(Rational(2), Rational(1, 2)));
  const Rational big = *checked_power(Rational(2), Rational(4000));
  CHECK_FALSE(checked_product(big, big));
  CHECK(*checked_sum(Rational(1, 3), Rational(1, 6)) == Rational(1, 2));
}

TEST_CASE("roots are folded only when exact, and never of a negative base") {
  CHECK(*exact_root(Rational(4), Rational(1, 2)) == 2);
  CHECK(*exact_root(Rational(8, 27), Rational(2, 3)) == Rational(4, 9));
  CHECK_FALSE(exact_root(Rational(2), Rational(1, 2)));
  CHECK_FALSE(exact_root(Rational(-8), Rational(1, 3)));  // the C library's pow gives NaN
}

TEST_CASE("numbers are written as integers, terminating decimals or p/q") {
  CHECK(number_text(Rational(12)).text == "12");
  CHECK(number_text(Rational(1, 4)).text == "0.25");
  CHECK(number_text(Rational(1, 3)).text == "1/3");
  CHECK(number_text(Rational(1, 3)).tokens == 3);
  CHECK(number_text(*rational_from_decimal("1e-300")).text == "1e-300");
  CHECK(number_text(*rational_from_decimal("1e300")).text == "1e300");
  CHECK(number_text(*rational_from_decimal("123.456")).text == "123.456");
  CHECK(number_text(Rational(1, 3 * 1024)).text == "1/3072");
  CHECK(number_text(Rational(1234567, 1000000), 3).text == "1.23");
  CHECK(number_text(Rational(999999, 1000000), 3).text == "1");
  CHECK(reads_as_decimal(Rational(1, 10)));
  CHECK(reads_as_decimal(Rational(1, 5)));
  CHECK_FALSE(reads_as_decimal(Rational(1, 4)));
  CHECK_FALSE(reads_as_decimal(Rational(1, 3)));
  // Every text reads back to the same rational.
  for (const Rational& r : {Rational(1, 8), Rational(7, 1000), Rational(5, 16), Rational(123456789),
                            *rational_from_decimal("6.02e23")}) {
    const NumberText t = number_text(r);
    INFO(t.text);
    CHECK(*rational_from_decimal(t.text) == r);
  }
}
