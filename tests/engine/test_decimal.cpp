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

TEMPLATE_TEST_CASE("a NaN is written nan, whatever its sign bit", "", float, double, long double,
                   float50, float100) {
  using std::log, boost::multiprecision::log;
  const TestType nan = log(TestType(-1));  // what log(x) at x = -1 gives; -nan in glibc
  CHECK(to_decimal(nan) == "nan");
  CHECK(to_decimal(-nan) == "nan");
  CHECK(to_decimal_display(-nan, 5) == "nan");
  CHECK(to_decimal(-log(TestType(0))) == "inf");
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

TEMPLATE_TEST_CASE("from_decimal reads one grammar at every precision", "", float, double,
                   long double, float50, float100, decimal50) {
  for (const char* bad :
       {"nan", "NaN",   "inf",   "-inf", "Infinity", "0x10",  "0x1p3", "1e",  "1e+", ".",   "-",
        "+",   "1.2.3", "1e1.5", " 1",   "1 ",       "1_000", "--1",   "+-1", "e5",  "1d5", ".e1"})
    CHECK_THROWS_WITH(from_decimal<TestType>(bad), Catch::Contains("not a number"));
  // The exponent is checked on the text before any reader sees it: it cannot wrap around.
  CHECK_THROWS_WITH(from_decimal<TestType>("1e18446744073709551617"),
                    Catch::Contains("exponent out of range"));
  CHECK_THROWS_WITH(from_decimal<TestType>("1e-9223372036854775809"),
                    Catch::Contains("exponent out of range"));
  CHECK_THROWS_WITH(from_decimal<TestType>("1" + std::string(10001, '0')),
                    Catch::Contains("too many digits"));
  CHECK(from_decimal<TestType>("0100") == TestType(100));  // a leading zero is still base ten
  CHECK(from_decimal<TestType>("+2.5e1") == TestType(25));
  CHECK(from_decimal<TestType>("-.5") == TestType(-0.5));
  CHECK(from_decimal<TestType>("0e99999") == TestType(0));
  // The exponent counts from the first nonzero digit: 0.000...01e100000 is 1e99990.
  CHECK_NOTHROW(check_decimal("0.00000000001e100000"));
  CHECK_THROWS(check_decimal("10e100000"));
}

TEST_CASE("a value the precision cannot hold is an error, not inf or 0") {
  CHECK_THROWS_WITH(from_decimal<double>("1e400"), Catch::Contains("too large for double"));
  CHECK_THROWS_WITH(from_decimal<double>("1.8e308"), Catch::Contains("too large for double"));
  CHECK_THROWS_WITH(from_decimal<double>("1e-400"), Catch::Contains("too small"));
  CHECK_THROWS_WITH(from_decimal<float>("1e39"), Catch::Contains("too large for float"));
  CHECK(from_decimal<double>("1e-310") > 0);  // subnormal: a number
  CHECK(from_decimal<double>("4.9e-324") > 0);
  CHECK(from_decimal<double>("1.7976931348623157e308") == std::numeric_limits<double>::max());
  CHECK(from_decimal<float50>("1e400") > float50("1e399"));
  CHECK(from_decimal<float100>("1e-400") > 0);
  mpfr_float::default_precision(30);
  CHECK(from_decimal<mpfr_float>("1e99999") > 0);
}

TEST_CASE("whole numbers: decimal digits only, within a maximum") {
  CHECK(whole_from_text("0100", "--steps", 1000) == 100);
  CHECK(whole_from_text("18446744073709551615", "--seed", UINT64_MAX) == UINT64_MAX);
  CHECK_THROWS_WITH(whole_from_text("18446744073709551616", "--seed", UINT64_MAX),
                    Catch::Contains("too large"));
  CHECK_THROWS_WITH(whole_from_text("1001", "--steps", 1000), Catch::Contains("at most 1000"));
  for (const char* bad : {"", "-1", "+1", "0x10", "1e3", "10.5", " 5", "5 ", "abc"})
    CHECK_THROWS_WITH(whole_from_text(bad, "--steps", 1000), Catch::Contains("not a whole number"));
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
