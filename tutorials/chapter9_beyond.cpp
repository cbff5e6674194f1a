// Chapter 9: beyond the article: other activations, and an eleventh point.
#include "tutorials/chapters.hpp"
#include "visual/figures.hpp"

namespace dlmath::tutorials {

void chapter_beyond(Lesson& L) {
  L.heading(9, "Beyond the article: other activations, an eleventh point");
  L.say(
      "Nothing in the method needs the sigmoid. Two other activations are common: tanh(x), an "
      "S-curve from -1 to 1, and relu(x) = max(x, 0), which is not even smooth at 0 (its "
      "derivative "
      "jumps from 0 to 1, and dlmath uses 0 there). Keep the sigmoid on the output layer, so the "
      "outputs stay between 0 and 1, and change the hidden layers:");
  const Dataset d = higham10();
  L.line("    hidden activation   final scaled cost   correct");
  int best = 0;
  for (Activation a : {Activation::sigmoid, Activation::tanh, Activation::relu}) {
    Architecture arch({2, 2, 3, 2}, a);
    arch.activations.back() = Activation::sigmoid;
    TrainOptions o;
    o.steps = 200000;
    const auto r = train(d, initial_network<double>(arch, 1), o);
    PointCost<double> C(r.net);
    const int correct = classify(C, Points<double>(d, 2)).correct;
    best = std::max(best, correct);
    char row[96];
    std::snprintf(row, sizeof row, "    %-17s   %17.3e   %d/10", std::string(to_string(a)).c_str(),
                  static_cast<double>(20 * r.final_cost), correct);
    L.line(row);
  }
  L.line();
  L.check(best == 10, "some activation classifies all ten points in 200,000 steps");
  L.say(
      "Each reaches a different network in 200,000 steps; the cost of each point's derivative and "
      "the "
      "backward sweep are the same for all, which is why libraries can offer any activation that "
      "has a derivative.");
  L.pause();
  L.say(
      "The paper's second example adds an eleventh site, a cross at (0.3, 0.7), in the middle of "
      "the circles' territory. The boundary must now bend to take it in. Same network, same SGD:");
  const Dataset d11 = higham11();
  TrainOptions o;
  o.seed = 1 * 0x9E3779B97F4A7C15ull + 1;
  const auto r = train(d11, initial_network<double>(Architecture({2, 2, 3, 2}), 1), o);
  PointCost<double> C(r.net);
  const int correct = classify(C, Points<double>(d11, 2)).correct;
  L.show("scaled cost", num(22 * r.initial_cost, 4) + " -> " + num(22 * r.final_cost, 4));
  L.show("correct", std::to_string(correct) + " of 11");
  L.line();
  L.check(correct >= 10, "the network still classifies at least ten of the eleven points");
  L.picture("boundary-eleven.png", "decision regions with the eleventh point",
            [&](const std::string& path) {
              visual::plot_decision_boundary(
                  path, r.net, d11, "Eleven points: decision regions after 10^6 SGD steps");
            });
  L.say(
      "Whether all eleven are caught depends on the random start and on the steps: with this small "
      "network the cost landscape has local minima, and SGD can settle in one. Try other seeds "
      "with "
      "`dlmath train --data higham11 --seed S`. Where to go from here: more layers and neurons, "
      "other "
      "costs (`--cost cross-entropy`), and larger data sets (`--data your.csv`), all with the same "
      "engine underneath.");
  L.pause();
}

}  // namespace dlmath::tutorials
