// The activation functions a layer may apply component by component.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "ops/ops.hpp"

namespace dlmath {

enum class Activation { sigmoid, tanh, relu, linear };

inline std::string_view to_string(Activation a) {
  switch (a) {
    case Activation::sigmoid:
      return "sigmoid";
    case Activation::tanh:
      return "tanh";
    case Activation::relu:
      return "relu";
    case Activation::linear:
      return "linear";
  }
  return "?";
}

inline std::optional<Activation> activation_from_string(std::string_view s) {
  for (Activation a : {Activation::sigmoid, Activation::tanh, Activation::relu, Activation::linear})
    if (s == to_string(a)) return a;
  return std::nullopt;
}

// sigma(z) recorded on the graph.
template <class T>
Var<T> activate(Activation a, const Var<T>& z) {
  switch (a) {
    case Activation::sigmoid:
      return sigmoid(z);
    case Activation::tanh:
      return tanh(z);
    case Activation::relu:
      return relu(z);
    case Activation::linear:
      return z;
  }
  return z;
}

// sigma(z) and sigma'(z) on plain numbers, for the hand-written backpropagation.
template <class T>
T activate_value(Activation a, const T& z) {
  switch (a) {
    case Activation::sigmoid:
      return Sigmoid::value(z);
    case Activation::tanh:
      return Tanh::value(z);
    case Activation::relu:
      return Relu::value(z);
    case Activation::linear:
      return z;
  }
  return z;
}
template <class T>
T activate_slope(Activation a, const T& z, const T& y) {
  switch (a) {
    case Activation::sigmoid:
      return Sigmoid::partial(z, y);
    case Activation::tanh:
      return Tanh::partial(z, y);
    case Activation::relu:
      return Relu::partial(z, y);
    case Activation::linear:
      return T(1);
  }
  return T(1);
}

}  // namespace dlmath
