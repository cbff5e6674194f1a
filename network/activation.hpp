// The activation functions a layer may apply component by component, as one table {name, op}:
// the network records the op, `dlmath train --activation` offers the names (and its help and
// messages list them), and the docs' table of activations is checked against it.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "ops/ops.hpp"
#include "ops/sweep.hpp"

namespace dlmath {

struct Activation {
  std::string_view name;
  OpCode op = 0;  // a unary op of the registry; 0, a leaf kind and never an op: z itself
  constexpr bool operator==(const Activation&) const = default;
};

// An op of the registry as an activation, under the op's own name.
template <class Op>
inline constexpr Activation activation_of{Op::name, Op::code};

// The paper's: every layer sigmoid, unless the learner chooses otherwise.
inline constexpr Activation default_activation = activation_of<Sigmoid>;

inline constexpr Activation activations[] = {
    activation_of<Sigmoid>,  activation_of<Tanh>, activation_of<Relu>,
    activation_of<Softplus>, {"linear", 0},
};

namespace activation_checks {
constexpr bool unary_ops() {
  for (const Activation& a : activations)
    if (a.op != 0 && op_entries[a.op - first_op].arity != 1) return false;
  return true;
}
static_assert(unary_ops(), "an activation's op takes one operand");
}  // namespace activation_checks

// The row named `name`, if any: for names from the user.
constexpr std::optional<Activation> find_activation(std::string_view name) {
  for (const Activation& a : activations)
    if (a.name == name) return a;
  return std::nullopt;
}

// The row named `name`, for names written in the code: activation("tanh"). An unknown name
// stops the compiler where it is constant, and throws std::logic_error elsewhere.
constexpr Activation activation(std::string_view name) {
  if (const auto a = find_activation(name)) return *a;
  throw std::logic_error("no activation '" + std::string(name) + "'");
}

// The names, as "sigmoid, tanh, relu, softplus or linear".
inline std::string activation_names() {
  std::string out;
  const std::size_t n = std::size(activations);
  for (std::size_t k = 0; k < n; ++k)
    out += (k == 0 ? "" : k + 1 == n ? " or " : ", ") + std::string(activations[k].name);
  return out;
}

// sigma(z) recorded on the graph (a neuron's activation with its value computed inline, any
// other op through the op table).
template <class T>
Var<T> activate(Activation a, const Var<T>& z) {
  if (a.op == 0) return z;
  Var<T> out;
  if (!sweep::dispatch(NeuronActivations{}, a.op, [&]<class Op>() { out = record<Op>(z); }))
    out = z.tape().record(a.op, z.index());
  return out;
}

namespace detail {
// f.template operator()<Op>() for the unary op whose code is `code`.
template <class F>
void with_unary_op(OpCode code, F&& f) {
  [&]<class... Ops>(OpList<Ops...>) {
    (void)((code == Ops::code && (f.template operator()<Ops>(), true)) || ...);
  }(RegisteredOps{});
}
}  // namespace detail

// sigma(z) and sigma'(z) on plain numbers (y = sigma(z)), for the hand-written backpropagation:
// the op's own value and partial.
template <class T>
T activate_value(Activation a, const T& z) {
  T y = z;
  detail::with_unary_op(a.op, [&]<class Op>() {
    if constexpr (arity_of<Op> == 1) y = Op::value(z);
  });
  return y;
}
template <class T>
T activate_slope(Activation a, const T& z, const T& y) {
  T slope(1);
  detail::with_unary_op(a.op, [&]<class Op>() {
    if constexpr (arity_of<Op> == 1) slope = Op::partial(z, y);
  });
  return slope;
}

}  // namespace dlmath
