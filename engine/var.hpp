// Var: a small value-type handle to one node of a tape, so expressions read like the maths.
#pragma once

#include "engine/tape.hpp"

namespace dlmath {

template <class T>
class Var {
 public:
  using value_type = T;

  Var() = default;
  Var(Tape<T>& tape, index_t index) : tape_(&tape), index_(index) {}

  const T& value() const { return tape_->value(index_); }
  // d(output)/d(this node) after tape().backward(output).
  const T& grad() const { return tape_->grad(index_); }
  std::string_view name() const { return tape_->name(index_); }
  index_t index() const { return index_; }
  Tape<T>& tape() const { return *tape_; }
  bool valid() const { return tape_ != nullptr; }

  // Changes a leaf's value (parameter, input or constant); replay with tape().forward().
  void set(T v) const { tape_->set_value(index_, std::move(v)); }

  friend bool operator==(const Var& a, const Var& b) {
    return a.tape_ == b.tape_ && a.index_ == b.index_;
  }

 private:
  Tape<T>* tape_ = nullptr;
  index_t index_ = 0;
};

// Reverse-mode differentiation of `output`: afterwards every x.grad() is d(output)/dx.
template <class T>
void backward(const Var<T>& output) {
  output.tape().backward(output.index());
}

}  // namespace dlmath
