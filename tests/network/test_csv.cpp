// Loading a data set from CSV, and the errors that name file:line.
#include <catch2/catch.hpp>

#include "network/csv.hpp"

using namespace dlmath;

TEST_CASE("a well-formed CSV file loads: features, classes in order of appearance") {
  const Dataset d =
      dataset_from_csv("x1,x2,class\n0.1, 0.2 ,A\n# a comment\n\n0.5,0.6,B\n0.3,0.3,A\n", "t.csv");
  CHECK(d.size() == 3);
  CHECK(d.dimension() == 2);
  CHECK(d.feature_names == std::vector<std::string>{"x1", "x2"});
  CHECK(d.class_names == std::vector<std::string>{"A", "B"});
  CHECK(d.category == std::vector<int>{0, 1, 0});
  CHECK(d.features[0][1] == "0.2");
}

TEST_CASE("the shipped data/higham10.csv equals the built-in set") {
  const Dataset d = load_csv(DLMATH_SOURCE_DIR "/data/higham10.csv"), h = higham10();
  CHECK(d.features == h.features);
  CHECK(d.category == h.category);
}

TEST_CASE("bad CSV files are refused with file:line and what is wrong") {
  CHECK_THROWS_WITH(load_csv("/nonexistent/x.csv"),
                    Catch::Contains("/nonexistent/x.csv: cannot open"));
  CHECK_THROWS_WITH(dataset_from_csv("", "e.csv"), Catch::Contains("e.csv:1: the file is empty"));
  CHECK_THROWS_WITH(dataset_from_csv("x1,x2,c\n", "h.csv"),
                    Catch::Contains("h.csv:1: no data rows"));
  CHECK_THROWS_WITH(dataset_from_csv("x1,x2,c\n1,2,A\n1,B\n", "r.csv"),
                    Catch::Contains("r.csv:3: expected 3 columns") && Catch::Contains("found 2"));
  CHECK_THROWS_WITH(dataset_from_csv("x1,x2,c\n1,2,A\n1,zz,B\n", "n.csv"),
                    Catch::Contains("n.csv:3: column 2 ('x2'): 'zz' is not a number"));
  CHECK_THROWS_WITH(dataset_from_csv("x1,x2,c\n1,2,A\n3,4,A\n", "s.csv"),
                    Catch::Contains("at least two classes"));
  CHECK_THROWS_WITH(dataset_from_csv("x1,x2,c\n1,2,\n", "c.csv"),
                    Catch::Contains("c.csv:2: the class column is empty"));
  CHECK_THROWS_WITH(dataset_from_csv("c\n", "one.csv"),
                    Catch::Contains("one.csv:1: the header needs"));
}
