// Parameters saved and loaded as JSON, exactly, at any precision.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "network/parameters_json.hpp"

using namespace dlmath;

TEMPLATE_TEST_CASE("save then load gives back every parameter exactly", "", double, float50) {
  const Network<TestType> net = initial_network<TestType>(Architecture({2, 2, 3, 2}), 9);
  const std::string text = parameters_to_json(net);
  const auto j = nlohmann::json::parse(text);
  CHECK(j["layers"] == std::vector<int>{2, 2, 3, 2});
  CHECK(j["activation"] == "sigmoid");
  REQUIRE(j["parameters"].size() == 23);
  CHECK(j["parameters"][0]["name"] == "W2[1,1]");
  CHECK(j["parameters"][22]["name"] == "b4[2]");
  const Network<TestType> back = parameters_from_json<TestType>(text, "p.json");
  CHECK(back.theta == net.theta);
  CHECK(back.arch.sizes == net.arch.sizes);
}

TEST_CASE("per-layer activations survive the round trip") {
  Architecture arch({2, 3, 2});
  arch.activations = {activation("tanh"), activation("sigmoid")};
  const auto back =
      parameters_from_json<double>(parameters_to_json(initial_network<double>(arch, 1)), "p.json");
  CHECK(back.arch.activations == arch.activations);
}

TEST_CASE("bad parameter files are refused with what is wrong") {
  const std::string good =
      parameters_to_json(initial_network<double>(Architecture({2, 2, 3, 2}), 1));
  CHECK_THROWS_WITH(parameters_from_json<double>("{\n  \"layers\": [2,\n", "bad.json"),
                    Catch::StartsWith("bad.json:") && Catch::Contains("not valid JSON"));
  // A key twice in one object: which did the writer mean? (The parser alone keeps the last.)
  std::string twice = good;
  twice.insert(twice.find('{') + 1, "\"layers\": [2, 3, 2],");
  CHECK_THROWS_WITH(parameters_from_json<double>(twice, "twice.json"),
                    "twice.json: the key \"layers\" is given twice in one object");
  // The same key in different objects is no repetition: every parameter has "name" and "value".
  CHECK(parameters_from_json<double>(good, "good.json").theta.size() == 23);
  CHECK_THROWS_WITH(
      parameters_from_json<double>("{\"layers\": [2, 0, 2], \"parameters\": []}", "z.json"),
      Catch::Contains("layer 2 has 0 neurons"));
  auto j = nlohmann::json::parse(good);
  j["layers"] = {2, 3, 2};
  CHECK_THROWS_WITH(parameters_from_json<double>(j.dump(), "shape.json"),
                    Catch::Contains("a 2-3-2 network has 17 weights and biases, the file gives 23"));
  j = nlohmann::json::parse(good);
  j["parameters"][3]["value"] = "zero";
  CHECK_THROWS_WITH(parameters_from_json<double>(j.dump(), "v.json"),
                    Catch::Contains("W2[2,2]: not a number: 'zero'"));
  j = nlohmann::json::parse(good);
  j["parameters"][0]["name"] = "W9[1,1]";
  CHECK_THROWS_WITH(parameters_from_json<double>(j.dump(), "n.json"),
                    Catch::Contains("expected 'W2[1,1]'"));
  j = nlohmann::json::parse(good);
  j["activation"] = "swish";
  CHECK_THROWS_WITH(parameters_from_json<double>(j.dump(), "a.json"),
                    Catch::Contains("unknown activation 'swish'"));
}

TEST_CASE("a saved network records its data set and cost, and reads them back") {
  const auto net = initial_network<double>(Architecture({2, 2, 3, 2}), 1);
  const std::string sha(64, 'a');
  const TrainedOn csv{"/data/ring.csv", sha, "cross-entropy"};
  const std::string text = parameters_to_json(net, &csv);
  const auto j = nlohmann::ordered_json::parse(text);
  CHECK(j["data"]["csv"] == "/data/ring.csv");
  CHECK(j["data"]["sha256"] == sha);
  CHECK(j["cost"] == "cross-entropy");
  const auto back = trained_on_from_json(text, "n.json");
  REQUIRE(back);
  CHECK(back->data == "/data/ring.csv");
  CHECK(back->sha256 == sha);
  CHECK(back->csv());
  CHECK(back->cost == "cross-entropy");
  CHECK(parameters_from_json<double>(text, "n.json").theta == net.theta);

  const TrainedOn builtin{"higham11", "", "mse"};
  const auto b = trained_on_from_json(parameters_to_json(net, &builtin), "b.json");
  REQUIRE(b);
  CHECK(b->data == "higham11");
  CHECK(!b->csv());
  // A file saved before runs were recorded says nothing, and that is not an error.
  CHECK(!trained_on_from_json(parameters_to_json(net), "old.json"));
}

TEST_CASE("a bad record of the data is refused, naming the file") {
  CHECK_THROWS_WITH(
      trained_on_from_json(R"({"data": {"csv": "a.csv", "sha256": "xyz"}})", "s.json"),
      Catch::Contains("s.json") && Catch::Contains("64 lowercase hex digits"));
  CHECK_THROWS_WITH(trained_on_from_json(R"({"data": 3})", "d.json"),
                    Catch::Contains("d.json: \"data\" must be"));
  CHECK_THROWS_WITH(
      trained_on_from_json(R"({"data": {"name": "higham10"}, "cost": "l1"})", "c.json"),
      Catch::Contains("\"cost\" must be"));
  CHECK_THROWS_WITH(trained_on_from_json("{\n  \"data\": ", "t.json"),
                    Catch::Contains("t.json:2:") && Catch::Contains("not valid JSON"));
}
