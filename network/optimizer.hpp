// Optimisers: how a step moves the parameters once its gradient is known, apart from how the
// points of the step are chosen (Method in train.hpp). Each is one table row {name, what it
// does, constructor}; the command's choices and its help come from the table.
//   sgd       theta -= eta g                                       (the paper's rule)
//   momentum  v = mu v + g;  theta -= eta v                         (heavy ball)
//   adam      m = b1 m + (1 - b1) g;  v = b2 v + (1 - b2) g^2;
//             theta -= eta m^ / (sqrt(v^) + eps),  m^ = m / (1 - b1^t),  v^ = v / (1 - b2^t)
#pragma once

#include <cmath>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "engine/decimal.hpp"

namespace dlmath {

// The optimiser and its constants, as decimal text (exact at any precision, as eta is).
struct OptimizerChoice {
  std::string name = "sgd";
  std::string momentum = "0.9";                                  // mu, for momentum
  std::string beta1 = "0.9", beta2 = "0.999", epsilon = "1e-8";  // for adam
};

template <class T>
class Optimizer {
 public:
  virtual ~Optimizer() = default;
  // One step: `sum` is the gradient summed over the step's m points (their mean is sum / m).
  virtual void update(std::span<T> theta, std::span<const T> sum, int m) = 0;
};

template <class T>
class Sgd final : public Optimizer<T> {
 public:
  explicit Sgd(const T& eta) : eta_(eta) {}
  void update(std::span<T> theta, std::span<const T> sum, int m) override {
    const T scale = m == 1 ? eta_ : eta_ / m;  // one division a step, not one per parameter
    for (std::size_t k = 0; k < theta.size(); ++k) theta[k] -= scale * sum[k];
  }

 private:
  T eta_;
};

template <class T>
class Momentum final : public Optimizer<T> {
 public:
  Momentum(const T& eta, const T& mu) : eta_(eta), mu_(mu) {}
  void update(std::span<T> theta, std::span<const T> sum, int m) override {
    v_.resize(theta.size(), T(0));
    for (std::size_t k = 0; k < theta.size(); ++k) {
      v_[k] = mu_ * v_[k] + (m == 1 ? sum[k] : T(sum[k] / m));
      theta[k] -= eta_ * v_[k];
    }
  }

 private:
  T eta_, mu_;
  std::vector<T> v_;
};

template <class T>
class Adam final : public Optimizer<T> {
 public:
  Adam(const T& eta, const T& beta1, const T& beta2, const T& epsilon)
      : eta_(eta), b1_(beta1), b2_(beta2), eps_(epsilon), b1t_(1), b2t_(1) {}
  void update(std::span<T> theta, std::span<const T> sum, int m) override {
    using std::sqrt;
    m_.resize(theta.size(), T(0)), v_.resize(theta.size(), T(0));
    b1t_ *= b1_, b2t_ *= b2_;  // beta^t, for the bias correction
    for (std::size_t k = 0; k < theta.size(); ++k) {
      const T g = m == 1 ? sum[k] : T(sum[k] / m);
      m_[k] = b1_ * m_[k] + (1 - b1_) * g;
      v_[k] = b2_ * v_[k] + (1 - b2_) * g * g;
      const T m_hat = m_[k] / (1 - b1t_), v_hat = v_[k] / (1 - b2t_);
      theta[k] -= eta_ * m_hat / (sqrt(v_hat) + eps_);
    }
  }

 private:
  T eta_, b1_, b2_, eps_, b1t_, b2t_;
  std::vector<T> m_, v_;
};

template <class T>
struct OptimizerRow {
  std::string_view name, help;
  std::unique_ptr<Optimizer<T>> (*make)(const T& eta, const OptimizerChoice& c);
};

template <class T>
inline const OptimizerRow<T> optimizer_table[] = {
    {"sgd", "plain gradient steps, theta -= eta g",
     [](const T& eta, const OptimizerChoice&) -> std::unique_ptr<Optimizer<T>> {
       return std::make_unique<Sgd<T>>(eta);
     }},
    {"momentum", "heavy ball: v = mu v + g, theta -= eta v (--momentum mu)",
     [](const T& eta, const OptimizerChoice& c) -> std::unique_ptr<Optimizer<T>> {
       return std::make_unique<Momentum<T>>(eta, from_decimal<T>(c.momentum));
     }},
    {"adam", "Adam (--beta1, --beta2, --epsilon)",
     [](const T& eta, const OptimizerChoice& c) -> std::unique_ptr<Optimizer<T>> {
       return std::make_unique<Adam<T>>(eta, from_decimal<T>(c.beta1), from_decimal<T>(c.beta2),
                                        from_decimal<T>(c.epsilon));
     }},
};

// The constants of OptimizerChoice as `dlmath train`'s options and /api/train's fields name them,
// with the optimiser that reads each (a constant given for another would do nothing: the command
// line and the server refuse it) and its range. mu and the betas weigh the past against the
// present: 1 or more never forgets, and grows.
struct OptimizerConstant {
  std::string_view name, optimizer;
  std::string OptimizerChoice::*text;
  enum Range { from_0_below_1, above_0_to_1 } range;
  std::string_view help;
};
inline constexpr OptimizerConstant optimizer_constants[] = {
    {"momentum", "momentum", &OptimizerChoice::momentum, OptimizerConstant::from_0_below_1,
     "mu of --optimizer momentum, in [0, 1)"},
    {"beta1", "adam", &OptimizerChoice::beta1, OptimizerConstant::from_0_below_1,
     "beta1 of --optimizer adam, in [0, 1)"},
    {"beta2", "adam", &OptimizerChoice::beta2, OptimizerConstant::from_0_below_1,
     "beta2 of --optimizer adam, in [0, 1)"},
    {"epsilon", "adam", &OptimizerChoice::epsilon, OptimizerConstant::above_0_to_1,
     "epsilon of --optimizer adam, in (0, 1]"},
};

// The names, as "sgd, momentum or adam".
inline std::string optimizer_names() {
  std::string out;
  const std::size_t n = std::size(optimizer_table<double>);
  for (std::size_t k = 0; k < n; ++k)
    out += (k == 0       ? ""
            : k + 1 == n ? " or "
                         : ", ") +
           std::string(optimizer_table<double>[k].name);
  return out;
}

// Refuses an unknown name or a constant out of its range, with std::invalid_argument naming
// the constant as its option does ("momentum: ..."), before any training starts.
inline void check_optimizer(const OptimizerChoice& c) {
  bool known = false;
  for (const auto& row : optimizer_table<double>) known = known || row.name == c.name;
  if (!known)
    throw std::invalid_argument("optimizer: '" + c.name.substr(0, 40) + "' is not " +
                                optimizer_names());
  auto number = [](std::string_view what, const std::string& text) {
    try {
      return from_decimal<double>(text);
    } catch (const std::invalid_argument& e) {
      throw std::invalid_argument(std::string(what) + ": " + e.what());
    }
  };
  for (const OptimizerConstant& k : optimizer_constants) {
    const std::string& text = c.*k.text;
    const double x = number(k.name, text);
    const bool below_1 = k.range == OptimizerConstant::from_0_below_1;
    if (below_1 ? !(x >= 0 && x < 1) : !(x > 0 && x <= 1))
      throw std::invalid_argument(std::string(k.name) +
                                  (below_1 ? ": must be at least 0 and below 1, not "
                                           : ": must be positive and at most 1, not ") +
                                  text.substr(0, 40));
  }
}

// The optimiser named by c (checked by check_optimizer) with learning rate eta.
template <class T>
std::unique_ptr<Optimizer<T>> make_optimizer(const T& eta, const OptimizerChoice& c) {
  for (const auto& row : optimizer_table<T>)
    if (row.name == c.name) return row.make(eta, c);
  throw std::invalid_argument("optimizer: '" + c.name + "' is not " + optimizer_names());
}

}  // namespace dlmath
