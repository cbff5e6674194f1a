// The tutorial's chapters, in the article's order.
#pragma once

#include <string>
#include <vector>

#include "tutorials/lesson.hpp"

namespace dlmath::tutorials {

struct Chapter {
  int number;
  std::string title;
  void (*run)(Lesson&);
};

void chapter_data(Lesson&);
void chapter_sigmoid(Lesson&);
void chapter_weight_and_bias(Lesson&);
void chapter_many_inputs(Lesson&);
void chapter_layers(Lesson&);
void chapter_cost(Lesson&);
void chapter_gradients(Lesson&);
void chapter_training(Lesson&);
void chapter_beyond(Lesson&);

inline const std::vector<Chapter>& chapters() {
  static const std::vector<Chapter> list = {
      {1, "The data: fertile and infertile land", chapter_data},
      {2, "The sigmoid, a smooth step", chapter_sigmoid},
      {3, "Weight and bias: sigma(ax + b)", chapter_weight_and_bias},
      {4, "Many inputs: sigma(WX + B)", chapter_many_inputs},
      {5, "Layers: the 2-2-3-2 network F(X)", chapter_layers},
      {6, "The cost", chapter_cost},
      {7, "Gradients: backpropagation is a reverse sweep", chapter_gradients},
      {8, "Training: gradient descent and SGD", chapter_training},
      {9, "Beyond the article: other activations, an eleventh point", chapter_beyond},
  };
  return list;
}

}  // namespace dlmath::tutorials
