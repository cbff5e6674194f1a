// Chapter 8: training by gradient descent and by stochastic gradient descent.
#include "tutorials/chapters.hpp"
#include "visual/figures.hpp"

namespace dlmath::tutorials {

namespace {

// The first recorded step at which the scaled cost is at most `target`, or -1.
long steps_to_reach(const TrainResult<double>& r, int points, double target) {
  for (std::size_t k = 0; k < r.steps.size(); ++k)
    if (2 * points * r.cost[k] <= target) return r.steps[k];
  return -1;
}

// Momentum and Adam on the paper's run: how soon each leaves the plateau that SGD sits on.
void crossing_the_plateau(Lesson& L, const Dataset& d, const Network<double>& start,
                          const TrainResult<double>& sgd) {
  // clang-format off
  // clang-format off
  L.say("The plateau costs SGD most of its steps. Two changes to the update rule, keeping the same random points, help it across. Momentum keeps a velocity v, a running sum of past gradients that fades by a factor mu each step: v <- mu v + g, then p <- p - eta v. On a plateau the small gradients point the same way step after step, so v grows to about 1/(1 - mu) times one of them and the steps lengthen. Adam divides each parameter's running mean gradient by the root of its running mean square, so a parameter whose gradient is tiny still moves by about eta: the flat region no longer means small steps.");
  // clang-format on
  // clang-format on
  const double target = 1e-2;
  TrainOptions o;  // the paper's run; only the optimiser changes
  o.seed = point_stream_seed(1);
  o.steps = 200000;
  o.record_every = 1000;
  o.optimizer.name = "momentum";
  const auto r_momentum = train(d, start, o);
  o.optimizer.name = "adam";
  const auto r_adam = train(d, start, o);
  auto reached = [&](const TrainResult<double>& r) {
    const long s = steps_to_reach(r, d.size(), target);
    return s < 0 ? "not within " + std::to_string(r.steps.back()) + " steps"
                 : std::to_string(s) + " steps";
  };
  // clang-format off
  L.say("Steps until the scaled cost first falls to 0.01 (the cost is recorded every 1000 steps; eta = 0.05, the same seed and the same points for all three):");
  // clang-format on
  L.show("SGD", reached(sgd));
  L.show("momentum (mu 0.9)", reached(r_momentum));
  L.show("Adam (beta1 0.9, beta2 0.999)", reached(r_adam));
  L.line();
  const long s_sgd = steps_to_reach(sgd, d.size(), target);
  const long s_momentum = steps_to_reach(r_momentum, d.size(), target);
  const long s_adam = steps_to_reach(r_adam, d.size(), target);
  L.check(s_sgd > 0 && s_momentum > 0 && s_momentum < s_sgd,
          "momentum reaches 0.01 in fewer steps than SGD");
  L.check(s_sgd > 0 && s_adam > 0 && s_adam < s_sgd, "Adam reaches 0.01 in fewer steps than SGD");
  // clang-format off
  // clang-format off
  L.say("Neither is free: momentum can overshoot where the valley turns, and Adam's steps stay near eta even close to the minimum, so both may need a smaller eta to settle. Try dlmath train --optimizer momentum or --optimizer adam, with --momentum, --beta1, --beta2 and --epsilon to change their constants.");
  // clang-format on
  // clang-format on
  L.pause();
}

}  // namespace

void chapter_training(Lesson& L) {
  L.heading(8, "Training: gradient descent and SGD");
  // clang-format off
  L.say("Collect the 23 parameters in a vector p. The gradient of the Cost points uphill, so a small step against it lowers the cost: p <- p - eta grad Cost(p), with a small learning rate eta. Repeating this is gradient descent. Each step needs the gradient over all N points. The paper uses a cheaper variant, stochastic gradient descent (SGD): each step picks one point i at random and moves against the gradient of that point's cost alone. One step is then N times cheaper; the steps are noisy, but on average they go downhill.");
  // clang-format on
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
  // clang-format off
  L.say("The history has the shape the paper reports: a plateau near the start, where the sigmoids sit in their flat parts and the gradients are tiny, then a steep fall once the network finds directions that separate the categories, then a long slow decrease.");
  // clang-format on
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
  L.picture("boundary.png", "where the trained network says A (blue) or B (red)",
            [&](const std::string& path) {
              visual::plot_decision_boundary(path, r.net, d,
                                             "Decision regions after 10^6 SGD steps");
            });
  // clang-format off
  L.say("The boundary F1(x) = F2(x) bends around the crosses, as in the paper's figure. The network now answers for any site of the region, not only the ten we measured.");
  // clang-format on
  L.pause();
  crossing_the_plateau(L, d, start, r);
}

}  // namespace dlmath::tutorials
