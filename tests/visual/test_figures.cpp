// Figures drawn from dlmath's own objects: the regions a trained network draws are the classes it
// gives, point by point; titles, labels and legends come from the data.
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>

#include "../support.hpp"
#include "network/csv.hpp"
#include "visual/figures.hpp"

using namespace dlmath;

namespace {

// Three clusters with text labels and named columns, as a learner's CSV file would hold them.
Dataset three_clusters() {
  std::string csv = "length,width,kind\n";
  const char* kind[] = {"cat", "dog", "bird"};
  const double cx[] = {-2, 2, 0}, cy[] = {-1, -1, 2};
  for (int k = 0; k < 3; ++k)
    for (int i = 0; i < 10; ++i) {
      const double t = 2 * M_PI * i / 10;
      csv += std::to_string(cx[k] + 0.6 * std::cos(t)) + "," +
             std::to_string(cy[k] + 0.6 * std::sin(3 * t)) + "," + kind[k] + "\n";
    }
  return dataset_from_csv(csv, "clusters.csv");
}

}  // namespace

TEST_CASE("a 3-class network's regions agree with its classification at every point") {
  const Dataset d = three_clusters();
  REQUIRE(d.classes() == 3);
  TrainOptions o;
  o.steps = 20000;
  o.eta = "0.5";
  o.cost = CostKind::cross_entropy;
  const auto r = train(d, initial_network<double>(Architecture({2, 6, 3}), 4), o);
  PointCost<double> C(r.net);
  const Outputs<double> out = classify(C, Points<double>(d, 3));
  CHECK(out.correct == 30);
  const auto pic = visual::plot_decision_boundary(dlmath::testing::temp_dir() + "/three.png", r.net,
                                                  d, "three clusters");
  REQUIRE(pic.point_regions.size() == 30);
  for (int i = 0; i < 30; ++i) CHECK(pic.point_regions[i] == out.predicted[i]);
  CHECK(pic.classes == std::vector<std::string>{"cat", "dog", "bird"});
  CHECK(pic.legend == std::vector<std::string>{"cat (10)", "dog (10)", "bird (10)"});
  CHECK(pic.class_counts == std::vector<int>{10, 10, 10});
  CHECK(pic.xlabel == "length");
  CHECK(pic.ylabel == "width");
  for (long cells : pic.region_cells) CHECK(cells > 1000);  // three regions, none a sliver
  CHECK(pic.x_min < -2.6);
  CHECK(pic.x_max > 2.6);
  CHECK(pic.y_max > 2.6);
}

TEST_CASE("a single-output network: class 1 where F > 1/2, as train classifies") {
  const Dataset d = higham10();
  TrainOptions o;
  o.steps = 50000;
  const auto r = train(d, initial_network<double>(Architecture({2, 3, 1}), 2), o);
  PointCost<double> C(r.net);
  const Outputs<double> out = classify(C, Points<double>(d, 1));
  const auto pic = visual::plot_decision_boundary(dlmath::testing::temp_dir() + "/one.svg", r.net,
                                                  d, "one output");
  for (int i = 0; i < d.size(); ++i) CHECK(pic.point_regions[i] == out.predicted[i]);
  CHECK(pic.x_min == 0);  // the article's data keep the unit square
  CHECK(pic.x_max == 1);
}

TEST_CASE("the data plot names the data set, its columns and classes") {
  const Dataset d = three_clusters();
  const auto pic = visual::plot_dataset(dlmath::testing::temp_dir() + "/clusters.png", d);
  CHECK(pic.title == "clusters.csv: 30 points, 3 classes");
  CHECK(pic.xlabel == "length");
  CHECK(pic.class_counts == std::vector<int>{10, 10, 10});
  CHECK(std::filesystem::file_size(dlmath::testing::temp_dir() + "/clusters.png") > 2000);
}
