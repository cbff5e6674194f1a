// Chapter 1: the data the whole tutorial is about.
#include "network/dataset.hpp"
#include "tutorials/chapters.hpp"
#include "visual/figures.hpp"

namespace dlmath::tutorials {

void chapter_data(Lesson& L) {
  L.heading(1, "The data: fertile and infertile land");
  // clang-format off
  L.say("Imagine a surveyor who has tested the soil at ten sites of a region. Each site is a point x = (x1, x2) in the unit square, its two coordinates on the map. At five sites the land is fertile (category A, drawn as circles); at the other five it is not (category B, crosses).");
  // clang-format on
  const Dataset d = higham10();
  L.line("     site     x1     x2   category");
  int a = 0;
  for (int i = 0; i < d.size(); ++i) {
    char row[96];
    std::snprintf(row, sizeof row, "    %5d %6s %6s   %s (%s)", i + 1, d.features[i][0].c_str(),
                  d.features[i][1].c_str(), d.class_names[d.category[i]].c_str(),
                  d.category[i] == 0 ? "circle" : "cross");
    L.line(row);
    a += d.category[i] == 0;
  }
  L.line();
  L.check(d.size() == 10 && a == 5, "ten points, five in each category");
  L.picture("data.png", "the ten points",
            [&](const std::string& path) { visual::plot_dataset(path, d); });
  // clang-format off
  L.say("We want a rule that takes any point of the square, not only the ten we know, and says 'circle' or 'cross'. No straight line separates the two groups, so the rule has to bend. The rest of the tutorial builds such a rule out of one simple function, the sigmoid, and then tunes it to the data. In the language of the article this is curve fitting: we fit a function F from R^2 to R^2 whose first output is large on the circles and whose second is large on the crosses.");
  // clang-format on
  L.pause();
}

}  // namespace dlmath::tutorials
