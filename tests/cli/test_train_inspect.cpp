// dlmath train and dlmath inspect: their JSON, their numbers, their errors.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "../support.hpp"
#include "network/backprop_by_hand.hpp"
#include "network/dataset.hpp"
#include "network/parameters_json.hpp"
#include "run.hpp"

using namespace dlmath;
using testing::run_dlmath;

namespace {

// The full cost's gradient by the paper's formulas: (1/N) sum of the points' gradients.
template <class T>
std::vector<T> gradient_by_hand(const Network<T>& net) {
  const Dataset data = higham10();
  BackpropByHand<T> bp(net.arch);
  std::vector<T> sum(23, T(0)), g(23);
  for (int i = 0; i < data.size(); ++i) {
    bp.cost_and_gradient(net.theta, data.x<T>(i), data.y<T>(i, 2), g);
    for (int k = 0; k < 23; ++k) sum[k] += g[k];
  }
  for (auto& s : sum) s /= data.size();
  return sum;
}

template <class T>
void check_inspect(const std::string& precision, const T& tolerance) {
  const auto r = run_dlmath("inspect --seed 3 --json --precision " + precision);
  REQUIRE(r.code == 0);
  const auto j = nlohmann::json::parse(r.out);
  REQUIRE(j["parameters"].size() == 23);
  const auto expected = gradient_by_hand(initial_network<T>(Architecture({2, 2, 3, 2}), 3));
  for (int k = 0; k < 23; ++k) {
    const auto& p = j["parameters"][k];
    INFO(p["name"].get<std::string>());
    const T autodiff = from_decimal<T>(p["gradient"].get<std::string>());
    CHECK(testing::close(autodiff, expected[k], tolerance));
    CHECK(p.contains("finite_difference"));
    CHECK(p.contains("value"));
  }
}

}  // namespace

TEST_CASE("dlmath train --json: one object with the paper's figures") {
  const auto r = run_dlmath("train --json --seed 2");
  REQUIRE(r.code == 0);
  const auto j = nlohmann::json::parse(r.out);
  for (const char* key : {"initial_cost", "final_cost", "correct", "total", "seconds"})
    CHECK(j.contains(key));
  CHECK(j["total"] == 10);
  CHECK(j["correct"] == 10);
  const double initial = std::stod(j["initial_scaled_cost"].get<std::string>());
  const double final = std::stod(j["final_scaled_cost"].get<std::string>());
  CHECK(initial > 4);
  CHECK(final < 3e-3);
  CHECK(j["seconds"].get<double>() > 0);
}

TEST_CASE("dlmath train --optimizer: its constants reach it, and are refused for another") {
  const auto json_of = [](const std::string& args) {
    const auto r = run_dlmath("train --steps 300 --json " + args);
    INFO(args << "\n" << r.err);
    REQUIRE(r.code == 0);
    return nlohmann::json::parse(r.out);
  };
  const auto sgd = json_of(""), still = json_of("--optimizer momentum --momentum 0"),
             moving = json_of("--optimizer momentum --momentum 0.5");
  CHECK(sgd["optimizer"] == "sgd");
  CHECK(moving["optimizer"] == "momentum");
  // mu = 0 is plain gradient steps, to the last digit; mu = 0.5 is not.
  CHECK(still["final_cost"] == sgd["final_cost"]);
  CHECK(moving["final_cost"] != sgd["final_cost"]);
  CHECK(json_of("--optimizer adam --beta1 0.8")["final_cost"] !=
        json_of("--optimizer adam")["final_cost"]);
  const auto text = run_dlmath("train --steps 10 --optimizer adam");
  CHECK_THAT(text.out, Catch::Contains(": sgd with adam, eta 0.05, 10 steps"));
  for (const auto& [args, says] :
       {std::pair{"--momentum 0.5", "--momentum: only with --optimizer momentum (this run uses sgd)"},
        {"--optimizer momentum --epsilon 1e-6",
         "--epsilon: only with --optimizer adam (this run uses momentum)"},
        {"--method gd --batch 2", "--batch: only with --method minibatch (this run is gd)"}}) {
    const auto r = run_dlmath(std::string("train --steps 10 ") + args);
    CHECK(r.code == 2);
    CHECK_THAT(r.err, Catch::Contains(says));
    CHECK(r.out.empty());
  }
}

TEST_CASE("dlmath train prints the costs, each point and the accuracy; saves and reloads") {
  const std::string saved = testing::temp_path("net.json"),
                    history = testing::temp_path("history.csv");
  const auto r = run_dlmath("train --steps 200000 --save " + saved + " --history " + history);
  REQUIRE(r.code == 0);
  CHECK_THAT(r.out, Catch::Contains("scaled cost") && Catch::Contains("accuracy") &&
                        Catch::Contains("0.9"));
  CHECK(r.err.empty());  // no progress bar when stderr is not a terminal
  std::ifstream in(saved);
  std::stringstream text;
  text << in.rdbuf();
  const auto net = parameters_from_json<double>(text.str(), saved);
  CHECK(net.theta.size() == 23);
  const auto again = run_dlmath("inspect --json --load " + saved);
  REQUIRE(again.code == 0);
  std::ifstream h(history);
  std::string header;
  std::getline(h, header);
  CHECK(header == "step,cost,scaled_cost");
}

TEST_CASE("dlmath inspect: autodiff equals hand-written backpropagation") {
  check_inspect<double>("double", 1e-13);
  check_inspect<float50>("50", float50("1e-45"));
}

TEST_CASE("dlmath inspect's table reads in a terminal") {
  const auto r = run_dlmath("inspect");
  REQUIRE(r.code == 0);
  CHECK_THAT(r.out, Catch::Contains("layer 2: W2 is 2x2") && Catch::Contains("W4[2,3]") &&
                        Catch::Contains("finite difference"));
}

TEST_CASE("bad arguments: one error line, exit 2") {
  for (const char* args : {"train --data nosuchset", "train --layers 2,0,2", "train --eta -1",
                           "train --layers 3,2,2", "train --precision 7", "train --steps -1",
                           "train --method newton", "inspect --load /nonexistent.json", "bogus"}) {
    INFO(args);
    const auto r = run_dlmath(args);
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  }
  // A parameter file for another shape: three inputs, but the points have two features.
  const std::string wrong = testing::temp_path("wrong.json");
  std::ofstream(wrong) << parameters_to_json(initial_network<double>(Architecture({3, 2, 2}), 1));
  const auto r = run_dlmath("inspect --load " + wrong);
  CHECK(r.code == 2);
  CHECK_THAT(r.err,
             Catch::Contains("first layer has 3 neurons but the data (higham10) has 2 features"));
  const auto garbage =
      run_dlmath("inspect --load " + std::string(DLMATH_SOURCE_DIR) + "/data/higham10.csv");
  CHECK(garbage.code == 2);
  CHECK_THAT(garbage.err, Catch::Contains("not valid JSON"));
}

TEST_CASE("--activation names one activation for all layers or one per layer") {
  const auto r = run_dlmath("train --activation tanh,tanh,sigmoid --steps 1000");
  REQUIRE(r.code == 0);
  CHECK_THAT(r.out, Catch::Contains("(tanh,tanh,sigmoid)"));
  CHECK(run_dlmath("train --activation tanh,sigmoid").code == 2);
  CHECK(run_dlmath("train --activation swish").code == 2);
}
