// Chapter 9: beyond the article: other activations, and an eleventh point.
#include "tutorials/chapters.hpp"
#include "visual/figures.hpp"

namespace dlmath::tutorials {

void chapter_beyond(Lesson& L) {
  L.heading(9, "Beyond the article: other activations, an eleventh point");
  // clang-format off
  L.say("Nothing in the method needs the sigmoid. Two other activations are common: tanh(x), an S-curve from -1 to 1, and relu(x) = max(x, 0), which is not even smooth at 0 (its derivative jumps from 0 to 1, and dlmath uses 0 there). Keep the sigmoid on the output layer, so the outputs stay between 0 and 1, and change the hidden layers:");
  // clang-format on
  const Dataset d = higham10();
  L.line("    hidden activation   final scaled cost   correct");
  int best = 0;
  for (const char* name : {"sigmoid", "tanh", "relu"}) {
    const Activation a = activation(name);
    Architecture arch({2, 2, 3, 2}, a);
    arch.activations.back() = activation("sigmoid");
    TrainOptions o;
    o.steps = 200000;
    const auto r = train(d, initial_network<double>(arch, 1), o);
    PointCost<double> C(r.net);
    const int correct = classify(C, Points<double>(d, 2)).correct;
    best = std::max(best, correct);
    char row[96];
    std::snprintf(row, sizeof row, "    %-17s   %17.3e   %d/10", std::string(a.name).c_str(),
                  static_cast<double>(20 * r.final_cost), correct);
    L.line(row);
  }
  L.line();
  L.check(best == 10, "some activation classifies all ten points in 200,000 steps");
  // clang-format off
  L.say("Each reaches a different network in 200,000 steps; the cost of each point's derivative and the backward sweep are the same for all, which is why libraries can offer any activation that has a derivative.");
  // clang-format on
  L.pause();
  // clang-format off
  L.say("The paper's second example adds an eleventh site, a cross at (0.3, 0.7), in the middle of the circles' territory. The boundary must now bend to take it in. Same network, same SGD:");
  // clang-format on
  const Dataset d11 = higham11();
  L.line("    seed   scaled cost start -> end    correct");
  TrainResult<double> shown;
  int shown_seed = 0, best11 = 0;
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    TrainOptions o;
    o.seed = point_stream_seed(seed);  // as `dlmath train --seed` does
    const auto r = train(d11, initial_network<double>(Architecture({2, 2, 3, 2}), seed), o);
    PointCost<double> C(r.net);
    const int correct = classify(C, Points<double>(d11, 2)).correct;
    char row[96];
    std::snprintf(row, sizeof row, "    %4d   %8.3f -> %-12.3e   %d/11", static_cast<int>(seed),
                  22 * r.initial_cost, 22 * r.final_cost, correct);
    L.line(row);
    if (correct > best11) best11 = correct, shown = r, shown_seed = static_cast<int>(seed);
  }
  L.line();
  L.check(best11 == 11, "some start classifies all eleven points");
  L.picture("boundary-eleven.png",
            "decision regions with the eleventh point (seed " + std::to_string(shown_seed) + ")",
            [&](const std::string& path) {
              visual::plot_decision_boundary(
                  path, shown.net, d11,
                  "Eleven points after 10^6 SGD steps, seed " + std::to_string(shown_seed));
            });
  // clang-format off
  L.say("Whether all eleven are caught depends on the random start. With this small network the cost has local minima, and SGD can settle in one: a start that ends with one point on the wrong side and its scaled cost stuck near 1.7 is caught in such a valley. Try other seeds with `dlmath train --data higham11 --seed S`. Where to go from here: more layers and neurons, other costs (`--cost cross-entropy`), and larger data sets (`--data your.csv`), all with the same engine underneath.");
  // clang-format on
  L.figure("train-beyond");
  L.pause();
}

}  // namespace dlmath::tutorials
