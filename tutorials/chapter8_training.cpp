// Chapter 8: training by gradient descent and by stochastic gradient descent.
#include "tutorials/chapters.hpp"
#include "visual/figures.hpp"

namespace dlmath::tutorials {

void chapter_training(Lesson& L) {
  L.heading(8, "Training: gradient descent and SGD");
  L.say(
      "Collect the 23 parameters in a vector p. The gradient of the Cost points uphill, so a small "
      "step against it lowers the cost: p <- p - eta grad Cost(p), with a small learning rate eta. "
      "Repeating this is gradient descent. Each step needs the gradient over all N points. The "
      "paper uses a cheaper variant, stochastic gradient descent (SGD): each step picks one point "
      "i "
      "at random and moves against the gradient of that point's cost alone. One step is then N "
      "times "
      "cheaper; the steps are noisy, but on average they go downhill.");
  const Dataset d = higham10();
  const Network<double> start = initial_network<double>(Architecture({2, 2, 3, 2}), 1);
  TrainOptions gd;
  gd.method = Method::gd;
  gd.steps = 100000;
  const auto r_gd = train(d, start, gd);
  TrainOptions sgd;  // the paper's choice: one random point, eta = 0.05, 10^6 steps
  sgd.seed = point_stream_seed(1);
  const auto r = train(d, start, sgd);
  L.say("Both start from the same random network, with eta = 0.05:");
  L.show("gradient descent, 10^5 steps (10^6 point gradients)",
         "scaled cost " + num(20 * r_gd.initial_cost, 4) + " -> " + num(20 * r_gd.final_cost, 4) +
             " in " + num(r_gd.seconds, 2) + " s");
  L.show("SGD, 10^6 steps (10^6 point gradients)", "scaled cost " + num(20 * r.initial_cost, 4) +
                                                       " -> " + num(20 * r.final_cost, 4) + " in " +
                                                       num(r.seconds, 2) + " s");
  L.line();
  L.check(r.final_cost < r.initial_cost / 1000, "SGD lowers the cost by orders of magnitude");
  L.picture("cost-history.png", "the scaled cost during SGD (logarithmic axis)",
            [&](const std::string& path) {
              visual::plot_cost_history(path, r, d.size(),
                                        "SGD on the ten points: eta 0.05, 10^6 steps");
            });
  L.say(
      "The history has the shape the paper reports: a plateau near the start, where the sigmoids "
      "sit "
      "in their flat parts and the gradients are tiny, then a steep fall once the network finds "
      "directions that separate the categories, then a long slow decrease.");
  L.figure("train");
  L.pause();
  PointCost<double> C(r.net);
  const Points<double> points(d, 2);
  const Outputs<double> out = classify(C, points);
  L.say("A point is classified as category A when F1(x) > F2(x). After training:");
  for (int i = 0; i < d.size(); ++i) {
    char row[128];
    std::snprintf(row, sizeof row, "    (%s, %s)  %s   F = (%.4f, %.4f)  -> %s",
                  d.features[i][0].c_str(), d.features[i][1].c_str(),
                  d.class_names[d.category[i]].c_str(), out.F[i][0], out.F[i][1],
                  d.class_names[out.predicted[i]].c_str());
    L.line(row);
  }
  L.line();
  L.show("correct", std::to_string(out.correct) + " of " + std::to_string(d.size()));
  L.line();
  L.check(out.correct == 10, "the trained network classifies all ten points");
  L.picture("boundary.png", "where the trained network says A (blue) or B (orange)",
            [&](const std::string& path) {
              visual::plot_decision_boundary(path, r.net, d,
                                             "Decision regions after 10^6 SGD steps");
            });
  L.say(
      "The boundary F1(x) = F2(x) bends around the crosses, as in the paper's figure. The network "
      "now "
      "answers for any site of the region, not only the ten we measured.");
  L.pause();
}

}  // namespace dlmath::tutorials
