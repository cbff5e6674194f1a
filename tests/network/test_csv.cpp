// Loading a data set from CSV, and the errors that name file:line.
#include <catch2/catch.hpp>
#include <fstream>

#include "../support.hpp"
#include "network/csv.hpp"
#include "network/sha256.hpp"

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
                    Catch::Contains("n.csv:3: column 2 ('x2'): not a number: 'zz'"));
  CHECK_THROWS_WITH(dataset_from_csv("x1,x2,c\n1,2,A\n3,4,A\n", "s.csv"),
                    Catch::Contains("at least two classes"));
  CHECK_THROWS_WITH(dataset_from_csv("x1,x2,c\n1,2,\n", "c.csv"),
                    Catch::Contains("c.csv:2: the class column is empty"));
  CHECK_THROWS_WITH(dataset_from_csv("c\n", "one.csv"),
                    Catch::Contains("one.csv:1: the first row needs"));
  CHECK_THROWS_WITH(dataset_from_csv("x1,x2,c\n1,2,A\n1,,B\n", "f.csv"),
                    Catch::Contains("f.csv:3: column 2 ('x2') is empty"));
  CHECK_THROWS_WITH(dataset_from_csv("1,2,A\n3,4,B\n5,6\n", "g.csv"),
                    Catch::Contains("g.csv:3: expected 3 columns (as on line 1), found 2"));
  CHECK_THROWS_WITH(dataset_from_csv("# ok\n1,2,A\n3,x,B\n", "k.csv"),
                    Catch::Contains("k.csv:3: column 2 ('x2'): not a number: 'x'"));
}

TEST_CASE("a first row of numbers is data, not a header: no point is lost") {
  const Dataset d = dataset_from_csv("0.5,1.5,0\n-1,2,1\n3,-0.25,0\n", "bare.csv");
  CHECK(d.size() == 3);
  CHECK(d.feature_names == std::vector<std::string>{"x1", "x2"});
  CHECK(d.class_names == std::vector<std::string>{"0", "1"});
  CHECK(d.category == std::vector<int>{0, 1, 0});
  CHECK(d.features[0] == std::vector<std::string>{"0.5", "1.5"});
  // Text classes without a header: the features are numbers, so the first row is data too.
  const Dataset t = dataset_from_csv("1,2,cat\n3,4,dog\n", "pets.csv");
  CHECK(t.size() == 2);
  CHECK(t.class_names == std::vector<std::string>{"cat", "dog"});
}

TEST_CASE("text classes and header names are kept; any number of classes") {
  const Dataset d =
      dataset_from_csv("height,weight,animal\n1,2,cat\n3,4,dog\n5,6,bird\n7,8,dog\n", "zoo.csv");
  CHECK(d.feature_names == std::vector<std::string>{"height", "weight"});
  CHECK(d.class_names == std::vector<std::string>{"cat", "dog", "bird"});
  CHECK(d.category == std::vector<int>{0, 1, 2, 1});
  // One-hot targets over the three classes.
  CHECK(d.y<double>(2, 3) == std::vector<double>{0, 0, 1});
}

TEST_CASE("a loaded file records its path and the SHA-256 of its bytes") {
  const std::string path = dlmath::testing::temp_dir() + "/sha.csv";
  const std::string text = "a,b,c\n1,2,A\n3,4,B\n";
  std::ofstream(path, std::ios::binary) << text;
  const Dataset d = load_csv(path);
  CHECK(d.path == path);
  CHECK(d.sha256 == sha256_hex(text));
  CHECK(higham10().sha256.empty());
}
