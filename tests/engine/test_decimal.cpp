// Exact decimal text in and out, for every scalar type.
#include <catch2/catch.hpp>

#include "engine/decimal.hpp"
#include "engine/multiprecision.hpp"

using namespace dlmath;

TEMPLATE_TEST_CASE("to_decimal and from_decimal round-trip at full precision", "", float, double,
                   long double, float50, float100, decimal50) {
  const TestType third = TestType(1) / 3;
  CHECK(from_decimal<TestType>(to_decimal(third)) == third);
  const TestType x = from_decimal<TestType>("0.1");
  CHECK(from_decimal<TestType>(to_decimal(x)) == x);
  CHECK_THROWS_AS(from_decimal<TestType>("abc"), std::invalid_argument);
  CHECK_THROWS_AS(from_decimal<TestType>("1.5x"), std::invalid_argument);
  CHECK_THROWS_AS(from_decimal<TestType>(""), std::invalid_argument);
}

TEST_CASE("from_decimal reads 50 digits without passing through double") {
  const float50 x = from_decimal<float50>("0.1");
  CHECK(x != float50(0.1));  // 0.1 as a double is 0.1000000000000000055...
  CHECK(to_decimal(x, 30) == "0.1");
}

TEST_CASE("mpfr_float takes its precision at run time") {
  mpfr_float::default_precision(60);
  const mpfr_float third = mpfr_float(1) / 3;
  CHECK(decimal_digits(third) >= 60);
  CHECK(from_decimal<mpfr_float>(to_decimal(third)) == third);
  CHECK(to_decimal(third).substr(0, 62) == "0." + std::string(60, '3'));
}

TEMPLATE_TEST_CASE("text for people shows the digits the type carries and no more", "", float,
                   double, long double, float50, float100, decimal50) {
  const TestType tenth = from_decimal<TestType>("0.1");
  CHECK(to_decimal_display(tenth) == "0.1");
  // 1/3 shows exactly digits10 threes: every one of them is carried, the next would not be.
  const int carried = std::numeric_limits<TestType>::digits10;
  CHECK(to_decimal_display(TestType(1) / 3) == "0." + std::string(carried, '3'));
  CHECK(to_decimal_display(TestType(2) / 3, 4) == "0.6667");
  CHECK(to_decimal_display(TestType(2) / 3, carried + 10) == to_decimal_display(TestType(2) / 3));
  // The exact text still round-trips.
  CHECK(from_decimal<TestType>(to_decimal(tenth)) == tenth);
}

TEST_CASE("mpfr_float shows the digits of its bits") {
  for (unsigned digits : {30u, 91u, 300u}) {
    mpfr_float::default_precision(digits);
    const mpfr_float tenth = from_decimal<mpfr_float>("0.1");
    INFO(digits);
    CHECK(to_decimal_display(tenth) == "0.1");
    const std::string third = to_decimal_display(mpfr_float(1) / 3);
    CHECK(third.size() >= digits);  // "0." and digits-1 threes at least
    CHECK(third == "0." + std::string(third.size() - 2, '3'));
    CHECK(from_decimal<mpfr_float>(to_decimal(tenth)) == tenth);
  }
}
