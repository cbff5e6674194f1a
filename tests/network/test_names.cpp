// Short names built in place: the paper's parameter names, groups' names, and what happens when
// a name would not fit.
#include <catch2/catch.hpp>
#include <string>

#include "network/names.hpp"

using namespace dlmath;

TEST_CASE("names read as the paper writes them") {
  CHECK(weight_name(3, 2, 1).view() == "W3[2,1]");
  CHECK(bias_name(4, 2).view() == "b4[2]");
  CHECK(weight_name(12, 10, 345).view() == "W12[10,345]");
  CHECK((Name() << "neuron " << 2 << '.' << 3).view() == "neuron 2.3");
  CHECK((Name() << "layer " << -7).view() == "layer -7");
  const std::string_view prefix = "x";
  CHECK((Name() << prefix << 10).view() == "x10");
}

TEST_CASE("a name longer than its buffer is cut at 48 characters, never written past it") {
  Name n;
  std::string all;
  for (int k = 0; k < 10; ++k) n << "abcdefg", all += "abcdefg";  // literals: 70 characters
  CHECK(n.view() == all.substr(0, 48));
  Name m;
  m << std::string_view("0123456789012345678901234567890123456789012345") << "xyz" << 'q' << 5;
  CHECK(m.view() == "0123456789012345678901234567890123456789012345xy");
}
