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
