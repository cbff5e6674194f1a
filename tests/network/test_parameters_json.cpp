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
  arch.activations = {Activation::tanh, Activation::sigmoid};
  const auto back =
      parameters_from_json<double>(parameters_to_json(initial_network<double>(arch, 1)), "p.json");
  CHECK(back.arch.activations == arch.activations);
}

TEST_CASE("bad parameter files are refused with what is wrong") {
  const std::string good =
      parameters_to_json(initial_network<double>(Architecture({2, 2, 3, 2}), 1));
  CHECK_THROWS_WITH(parameters_from_json<double>("{\n  \"layers\": [2,\n", "bad.json"),
                    Catch::StartsWith("bad.json:") && Catch::Contains("not valid JSON"));
  CHECK_THROWS_WITH(
      parameters_from_json<double>("{\"layers\": [2, 0, 2], \"parameters\": []}", "z.json"),
      Catch::Contains("layer 2 has 0 neurons"));
  auto j = nlohmann::json::parse(good);
  j["layers"] = {2, 3, 2};
  CHECK_THROWS_WITH(parameters_from_json<double>(j.dump(), "shape.json"),
                    Catch::Contains("needs 17 parameters, the file has 23"));
  j = nlohmann::json::parse(good);
  j["parameters"][3]["value"] = "zero";
  CHECK_THROWS_WITH(parameters_from_json<double>(j.dump(), "v.json"),
                    Catch::Contains("W2[2,2]: value 'zero'"));
  j = nlohmann::json::parse(good);
  j["parameters"][0]["name"] = "W9[1,1]";
  CHECK_THROWS_WITH(parameters_from_json<double>(j.dump(), "n.json"),
                    Catch::Contains("expected 'W2[1,1]'"));
  j = nlohmann::json::parse(good);
  j["activation"] = "swish";
  CHECK_THROWS_WITH(parameters_from_json<double>(j.dump(), "a.json"),
                    Catch::Contains("unknown activation 'swish'"));
}
