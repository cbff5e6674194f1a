// dlmath plot on the learner's own data and runs: pictures that follow the data (ranges, labels,
// legends, classes), plots of a finished run without training again, saved networks that carry
// their data set. Each picture is checked through `plot --json`, what the picture says it shows.
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "run.hpp"

using dlmath::testing::run_dlmath;
using dlmath::testing::temp_path;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// Runs dlmath, requires success, and returns its stdout as JSON.
json run_json(const std::string& args) {
  const auto r = run_dlmath(args);
  INFO(args << "\n" << r.err);
  REQUIRE(r.code == 0);
  return json::parse(r.out);
}

// A ring in [-3, 3]^2: 30 points of class "inner" on radius 1, 30 of "outer" on radius 2.8.
std::string ring_csv() {
  const std::string path = temp_path("ring.csv");
  std::ofstream out(path);
  out << "u,v,where\n";
  for (int i = 0; i < 60; ++i) {
    const double t = 2 * M_PI * (i / 2) / 30, r = i % 2 ? 2.8 : 1.0;
    out << r * std::cos(t) << "," << r * std::sin(t) << "," << (i % 2 ? "outer" : "inner") << "\n";
  }
  return path;
}

// Three clusters with text labels and header names.
std::string three_csv(const std::string& name = "three.csv") {
  const std::string path = temp_path(name);
  std::ofstream out(path);
  out << "length,width,kind\n";
  const char* kind[] = {"cat", "dog", "bird"};
  const double cx[] = {-2, 2, 0}, cy[] = {-1, -1, 2};
  for (int k = 0; k < 3; ++k)
    for (int i = 0; i < 10; ++i) {
      const double t = 2 * M_PI * i / 10;
      out << cx[k] + 0.6 * std::cos(t) << "," << cy[k] + 0.6 * std::sin(3 * t) << "," << kind[k]
          << "\n";
    }
  return path;
}

void check_picture(const std::string& path) {
  INFO(path);
  REQUIRE(fs::exists(path));
  CHECK(fs::file_size(path) > 2000);
}

std::vector<std::string> predicted(const json& train) {
  std::vector<std::string> out;
  for (const auto& p : train["points"]) out.push_back(p["predicted"]);
  return out;
}

}  // namespace

TEST_CASE("plot data: the ring's own range, its header's names, one legend entry per class") {
  const std::string csv = ring_csv(), png = temp_path("ring-data.png");
  const json j = run_json("plot data --data " + csv + " -o " + png + " --json");
  check_picture(png);
  // Every point inside the axes: the old unit square showed 6 of 60.
  CHECK(j["x_range"][0].get<double>() < -2.8);
  CHECK(j["x_range"][0].get<double>() > -3.6);
  CHECK(j["x_range"][1].get<double>() > 2.8);
  CHECK(j["y_range"][0].get<double>() < -2.8);
  CHECK(j["y_range"][1].get<double>() > 2.8);
  CHECK(j["xlabel"] == "u");
  CHECK(j["ylabel"] == "v");
  CHECK(j["classes"] == json::array({"inner", "outer"}));
  CHECK(j["class_counts"] == json::array({30, 30}));
  CHECK(j["legend"] == json::array({"inner (30)", "outer (30)"}));
  CHECK_THAT(j["title"].get<std::string>(), Catch::Contains("ring.csv"));
  // The article's data keep the unit square.
  const json h = run_json("plot data -o " + temp_path("h10.svg") + " --json");
  CHECK(h["x_range"] == json::array({0.0, 1.0}));
  CHECK(h["class_counts"] == json::array({5, 5}));
}

TEST_CASE("plot data: ticks a learner can read, for data far from the unit square") {
  CHECK(run_json("plot data -o " + temp_path("h10-ticks.svg") + " --json")["x_ticks"] ==
        json::array({"0.0", "0.2", "0.4", "0.6", "0.8", "1.0"}));
  // Unix times over a day, and prices: PLplot's own labels read 1.700 1.700 1.700 (x10^9).
  const std::string path = temp_path("sales.csv");
  {
    std::ofstream out(path);
    out << "t,price,sold\n";
    for (int i = 0; i < 20; ++i)
      out << 1700000000 + 4000 * i << "," << 150000 + 25000 * (i * 7 % 30) << ","
          << (i % 3 ? "no" : "yes") << "\n";
  }
  const json j = run_json("plot data --data " + path + " -o " + temp_path("sales.png") + " --json");
  CHECK(j["xlabel"] == "t - 1.7e9");
  CHECK(j["x_ticks"] == json::array({"0", "20000", "40000", "60000", "80000"}));
  CHECK(j["ylabel"] == "price");
  CHECK(j["y_ticks"][0] == "1e5");
}

TEST_CASE("plot data: three text classes, each its own marker entry") {
  const json j =
      run_json("plot data --data " + three_csv() + " -o " + temp_path("three.png") + " --json");
  CHECK(j["classes"] == json::array({"cat", "dog", "bird"}));
  CHECK(j["class_counts"] == json::array({10, 10, 10}));
  CHECK(j["legend"].size() == 3);
}

TEST_CASE("a header-less CSV loses no row") {
  const std::string path = temp_path("bare.csv");
  std::ofstream(path) << "0.1,0.2,0\n0.8,0.9,1\n0.2,0.1,0\n";
  const json j = run_json("train --data " + path + " --steps 10 --json");
  CHECK(j["total"] == 3);
  const auto bad = run_dlmath("train --data " + path + "x");
  CHECK(bad.code == 2);
}

TEST_CASE("plot boundary with three classes agrees with train at every point") {
  const std::string csv = three_csv(), saved = temp_path("three.json");
  const std::string options = " --layers 2,6,3 --cost cross-entropy --eta 0.5 --steps 20000";
  const json t = run_json("train --data " + csv + options + " --json --save " + saved);
  CHECK(t["correct"] == 30);
  const auto train_says = predicted(t);
  // inspect --load uses the recorded data and cost: the same cost as train's final one.
  const json i = run_json("inspect --load " + saved + " --json");
  CHECK(i["cost_kind"] == "cross-entropy");
  CHECK(i["cost"] == t["final_cost"]);
  CHECK(i["points"] == 30);
  // The saved network, over the data it records.
  const std::string png = temp_path("three-load.png");
  const json loaded = run_json("plot boundary --load " + saved + " -o " + png + " --json");
  check_picture(png);
  CHECK(loaded["point_regions"].get<std::vector<std::string>>() == train_says);
  CHECK(loaded["legend"] == json::array({"cat (10)", "dog (10)", "bird (10)"}));
  for (const auto& cells : loaded["region_cells"]) CHECK(cells.get<long>() > 1000);
  CHECK_THAT(loaded["title"].get<std::string>(),
             Catch::Contains("three.csv") && Catch::Contains("three.json"));
  // plot takes train's options and trains the same run.
  const json trained = run_json("plot boundary --data " + csv + options + " -o " +
                                temp_path("three-train.svg") + " --json");
  CHECK(trained["point_regions"].get<std::vector<std::string>>() == train_says);
  CHECK_THAT(trained["title"].get<std::string>(), Catch::Contains("20000 sgd steps"));
}

TEST_CASE("plots of a finished run: from its files, without training again") {
  const std::string csv = ring_csv(), saved = temp_path("ring.json"),
                    history = temp_path("ring-history.csv");
  const json t =
      run_json("train --data " + csv + " --layers 2,8,2 --eta 0.5 --steps 30000 --json --save " +
               saved + " --history " + history);
  REQUIRE(t["correct"] == 60);

  // A network no training would give: output weights 0, biases 5 and -5, so F = (σ(5), σ(-5))
  // at every point. What plot and inspect show from it is what the file holds, not a new run.
  json edited = json::parse(std::ifstream(saved));
  for (auto& p : edited["parameters"]) {
    const std::string name = p["name"];
    if (name.rfind("W3", 0) == 0) p["value"] = "0";
    if (name == "b3[1]") p["value"] = "5";
    if (name == "b3[2]") p["value"] = "-5";
  }
  const std::string fixed = temp_path("ring-fixed.json");
  std::ofstream(fixed) << edited.dump(2);
  const json drawn =
      run_json("plot boundary --load " + fixed + " -o " + temp_path("ring-fixed.png") + " --json");
  CHECK(drawn["region_cells"][1] == 0);
  CHECK(drawn["region_cells"][0].get<long>() > 1000);
  for (const auto& r : drawn["point_regions"]) CHECK(r == "inner");
  // Its cost by hand: ½‖y − F‖² is ½((1 − σ(5))² + σ(−5)²) at an inner point and
  // ½(σ(5)² + (1 − σ(−5))²) at an outer one, 30 of each.
  const double s5 = 1 / (1 + std::exp(-5.0)), sm5 = 1 / (1 + std::exp(5.0));
  const double by_hand =
      (0.5 * ((1 - s5) * (1 - s5) + sm5 * sm5) + 0.5 * (s5 * s5 + (1 - sm5) * (1 - sm5))) / 2;
  const json fixed_cost = run_json("inspect --load " + fixed + " --json");
  CHECK(std::stod(fixed_cost["cost"].get<std::string>()) == Approx(by_hand).epsilon(1e-12));

  // A history file written by hand, of a run that never happened, plots as it is.
  const std::string made_up = temp_path("made-up-history.csv");
  std::ofstream(made_up) << "step,cost,scaled_cost\n0,0.5,5\n1234567,0.0005,0.005\n";
  const json m = run_json("plot history --from " + made_up + " -o " +
                          temp_path("made-up-history.png") + " --json");
  CHECK(m["x_range"][1].get<double>() == 1234567);
  CHECK(m["y_range"][0].get<double>() == -3);
  CHECK(m["y_range"][1].get<double>() == 1);

  // The history picture draws the file's numbers: its range is the file's costs and steps.
  std::ifstream in(history);
  std::string line;
  std::getline(in, line);
  REQUIRE(line == "step,cost,scaled_cost");
  double lo = INFINITY, hi = 0, last_step = 0;
  while (std::getline(in, line)) {
    const auto a = line.find(','), b = line.rfind(',');
    last_step = std::stod(line.substr(0, a));
    const double scaled = std::stod(line.substr(b + 1));
    lo = std::min(lo, scaled), hi = std::max(hi, scaled);
  }
  const json h = run_json("plot history --from " + history + " -o " +
                          temp_path("ring-history.svg") + " --json");
  CHECK(last_step == 30000);
  CHECK(h["x_range"][1].get<double>() == last_step);
  CHECK(h["y_range"][0].get<double>() == std::floor(std::log10(lo)));
  CHECK(h["y_range"][1].get<double>() == std::ceil(std::log10(hi)));
  CHECK_THAT(h["title"].get<std::string>(),
             Catch::Contains("ring-history.csv") && Catch::Contains("30000 steps"));

  // The saved network carries its data set: plot and inspect use it without --data.
  const json b =
      run_json("plot boundary --load " + saved + " -o " + temp_path("rb.png") + " --json");
  CHECK(b["x_range"][0].get<double>() < -2.8);
  CHECK(b["xlabel"] == "u");
  CHECK_THAT(b["title"].get<std::string>(), Catch::Contains("ring.csv"));
  const json i = run_json("inspect --load " + saved + " --json");
  CHECK(i["data"] == fs::absolute(csv).lexically_normal().string());
  CHECK(i["points"] == 60);
  const auto text = run_dlmath("inspect --load " + saved);
  CHECK_THAT(text.out, Catch::Contains("ring.csv (60 points)"));
  const json saved_json = json::parse(std::ifstream(saved));
  CHECK(saved_json["data"]["sha256"].get<std::string>().size() == 64);
  CHECK(saved_json["cost"] == "mse");
  CHECK(saved_json["activation"] == "sigmoid");
}

TEST_CASE("a saved network whose CSV is missing or changed says so") {
  const std::string csv = three_csv("moving.csv"), saved = temp_path("moving.json");
  REQUIRE(run_dlmath("train --data " + csv + " --layers 2,3,3 --steps 100 --save " + saved).code ==
          0);
  std::ofstream(csv, std::ios::app) << "0,0,cat\n";
  auto r = run_dlmath("inspect --load " + saved);
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Catch::Contains("moving.csv has changed since the network was trained"));
  r = run_dlmath("plot boundary --load " + saved + " -o " + temp_path("m.png"));
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Catch::Contains("has changed"));
  // Told to, it uses the file as it is now, and notes the difference from the record.
  r = run_dlmath("inspect --load " + saved + " --data " + three_csv("other.csv"));
  CHECK(r.code == 0);
  CHECK_THAT(r.err, Catch::Contains("note: ") && Catch::Contains("was trained on"));
  fs::remove(csv);
  r = run_dlmath("plot boundary --load " + saved + " -o " + temp_path("m.png"));
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Catch::Contains("moving.csv, which is missing"));
}

TEST_CASE("snapshots: the regions every K steps, marked on the history") {
  const std::string csv = ring_csv(), dir = temp_path("snaps"), history = temp_path("snap.csv");
  const auto r = run_dlmath("train --data " + csv + " --layers 2,4,2 --steps 1000 --every 250" +
                            " --snapshots " + dir + " --history " + history);
  INFO(r.err);
  REQUIRE(r.code == 0);
  for (const char* f :
       {"step-0000.png", "step-0250.png", "step-0500.png", "step-0750.png", "step-1000.png"})
    check_picture(dir + "/" + f);
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 5);
  const json h = run_json("plot history --from " + history + " --snapshots " + dir + " -o " +
                          temp_path("snap.png") + " --json");
  CHECK(h["marks"] == json::array({0.0, 250.0, 500.0, 750.0, 1000.0}));
  const auto svg = run_dlmath("train --data " + csv + " --layers 2,4,2 --steps 10 --every 5" +
                              " --snapshot-format svg --snapshots " + dir + "-svg");
  REQUIRE(svg.code == 0);
  check_picture(dir + "-svg/step-05.svg");
  CHECK(run_dlmath("train --every 5").code == 2);
  CHECK(run_dlmath("train --snapshots " + dir + " --every 0").code == 2);
}

TEST_CASE("a cross-entropy run is plotted with its own cost") {
  const std::string history = temp_path("ce.csv");
  REQUIRE(run_dlmath("train --cost cross-entropy --steps 2000 --history " + history).code == 0);
  std::ifstream in(history);
  std::string header;
  std::getline(in, header);
  CHECK(header == "step,cost");
  const json j =
      run_json("plot history --from " + history + " -o " + temp_path("ce.png") + " --json");
  CHECK(j["ylabel"] == "cost");
  const json t = run_json(
      "plot history --cost cross-entropy --batch 2 --method minibatch "
      "--steps 2000 -o " +
      temp_path("ce2.png") + " --json");
  CHECK(t["ylabel"] == "cross-entropy cost");
}

TEST_CASE("bad history files and options: file:line, exit 2") {
  const std::string bad = temp_path("bad-history.csv");
  std::ofstream(bad) << "step,cost\n0,1\n10,abc\n";
  auto r = run_dlmath("plot history --from " + bad + " -o " + temp_path("x.png"));
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Catch::Contains("bad-history.csv:3: cost 'abc' is not a number"));
  std::ofstream(bad) << "when,what\n";
  r = run_dlmath("plot history --from " + bad + " -o " + temp_path("x.png"));
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Catch::Contains("bad-history.csv:1: expected the header"));
  std::ofstream(bad) << "step,cost\n5,1\n3,1\n";
  r = run_dlmath("plot history --from " + bad + " -o " + temp_path("x.png"));
  CHECK_THAT(r.err, Catch::Contains("bad-history.csv:3: the steps must increase"));
  r = run_dlmath("plot history --from /nonexistent.csv -o " + temp_path("x.png"));
  CHECK(r.code == 2);
  CHECK(run_dlmath("plot boundary --from " + bad + " -o " + temp_path("x.png")).code == 2);
  CHECK(run_dlmath("plot data --snapshots /tmp -o " + temp_path("x.png")).code == 2);
}

TEST_CASE("train shows a progress line with the time left when stderr is a terminal") {
  if (std::system("command -v script >/dev/null 2>&1") != 0) {
    WARN("util-linux script is not installed: no terminal to test the progress line in");
    return;
  }
  // script(1) gives dlmath a terminal; its transcript holds what the terminal showed.
  const std::string log = temp_path("progress.log");
  const std::string command = std::string("script -qec '") + DLMATH_EXE +
                              " train --precision 50 --steps 20000 >/dev/null' " + log +
                              " </dev/null >/dev/null 2>&1";
  REQUIRE(std::system(command.c_str()) == 0);
  std::ifstream in(log);
  const std::string shown((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK_THAT(shown, Catch::Contains("s left") && Catch::Contains("%"));
}
