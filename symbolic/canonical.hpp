// The canonical form of the expression behind one node of a tape, in one forward pass over the
// nodes it depends on (operands before their users; no recursion). A run of additions (or of
// multiplications) whose inner nodes have no other use is read as one flat sum (product), so a
// 10^6-term sum is gathered once, not rebuilt at every step.
#pragma once

#include <charconv>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include "engine/anomaly.hpp"
#include "engine/decimal.hpp"
#include "engine/tape.hpp"
#include "ops/registry.hpp"
#include "symbolic/algebra.hpp"
#include "symbolic/write.hpp"

namespace dlmath::symbolic {

// How a node of the tape is read: an op as its file says (ops/reading.hpp); a leaf, which has
// no entry in the registry, as itself (never part of a sum or a product).
inline Reading reading_of(OpCode code) {
  return code >= first_op ? op_entry(code).reading : Reading{};
}

// Decimal text that reads back to v at its own precision, as short as that allows: a literal
// of the program comes back as written (0.1 at every precision).
template <class T>
std::string constant_text(const T& v) {
  if (!is_finite_value(v))
    throw std::domain_error("a constant of the formula is " + to_decimal(v) +
                            " at this precision (it overflows or is undefined); try "
                            "--precision 50 or 100");
  if constexpr (std::is_floating_point_v<T>) {
    char text[64];
    const auto end = std::to_chars(text, text + sizeof text, v).ptr;
    return std::string(text, end);
  } else {
    std::string shortest = to_decimal(v, carried_digits(v));
    try {
      if (from_decimal<T>(shortest) == v) return shortest;
    } catch (const std::invalid_argument&) {
    }
    return to_decimal(v);
  }
}

template <class T>
class Canonical {
 public:
  Canonical(Algebra& a, const Tape<T>& t) : a_(a), t_(t) {}

  // The node's canonical expression; `names` receives the names it reads.
  Id run(index_t output, std::set<std::string>& names) {
    const index_t n = output + 1;
    given_.clear();
    uses_.assign(n, 0);
    user_.assign(n, 0);
    std::vector<bool> needed(n, false);
    needed[output] = true;
    for (index_t i = n; i-- > 0;) {
      if (!needed[i] || t_.is_leaf(i)) continue;
      for (index_t k : t_.operands(i)) {
        needed[k] = true;
        if (uses_[k] < 2) ++uses_[k];
        user_[k] = i;
      }
    }
    output_ = output;
    // How each node is read, users first (a user comes after its operands): a negation is part
    // of a product only when its one user reads it so, and part of a sum otherwise.
    mode_.assign(n, Mode::other);
    for (index_t i = n; i-- > 0;) {
      if (!needed[i] || t_.is_leaf(i)) continue;
      switch (reading_of(t_.op(i)).shape) {
        case Reading::linear:
          mode_[i] = Mode::sum;
          break;
        case Reading::product:
          mode_[i] = Mode::product;
          break;
        case Reading::negate:
          mode_[i] = i != output && uses_[i] == 1 && mode_[user_[i]] == Mode::product
                         ? Mode::product
                         : Mode::sum;
          break;
        default:
          break;
      }
    }
    // Trying shorter forms: a few products built per node on average (the derivatives of
    // tests/symbolic/sympy/corpus.tsv build at most 6), and enough for any small formula.
    std::uint64_t nodes = 0;
    for (index_t i = 0; i < n; ++i) nodes += needed[i];
    a_.allow(8192 + 8 * nodes);
    at_.assign(n, 0);
    known_.assign(n, false);
    constexpr OpCode tanh_op = op_in_role(Role::tanh);
    for (index_t i = 0; i < n; ++i) {
      if (!needed[i] && tanh_op && t_.op(i) == tanh_op) {
        // The program's tanh(u), though the formula does not read it: the algebra then knows
        // that sigmoid(2u) is (1 + tanh(u))/2, so tanh's derivative reads as 1 - tanh(u)^2.
        const index_t u = t_.operands(i)[0];
        if (needed[u] && !absorbed(u)) a_.call(tanh_op, {&at_[u], 1});
      }
      if (!needed[i]) {
        // A node the program named that the formula does not read (the derivative of
        // o = tanh(u) records tanh(u) afresh): where the formula has its expression, it is o.
        if (!t_.is_leaf(i) && !t_.name(i).empty() && operands_known(i)) {
          at_[i] = a_.tidy(read(i));
          known_[i] = true;
          given_.emplace_back(at_[i], std::string(t_.name(i)));
        }
        continue;
      }
      if (absorbed(i)) continue;
      known_[i] = true;
      const OpCode op = t_.op(i);
      if (op == Leaf::constant && !t_.name(i).empty()) {
        at_[i] = a_.name(t_.name(i));  // a named constant (pi) is written by its name
      } else if (op == Leaf::constant) {
        // Derivatives record the same few constants (1, 2, -1) many times: each is read once.
        auto [it, fresh] = constants_.try_emplace(t_.value(i), 0);
        if (fresh) it->second = a_.constant(constant_text(t_.value(i)));
        at_[i] = it->second;
      } else if (t_.is_leaf(i)) {
        names.emplace(t_.name(i));
        at_[i] = a_.name(t_.name(i));
      } else {
        at_[i] = a_.tidy(read(i));
        if (!t_.name(i).empty()) given_.emplace_back(at_[i], std::string(t_.name(i)));
      }
    }
    return at_[output];
  }

  // After run: the inner nodes the program named (`z = w*x + b`) that the formula reads as a
  // whole, as canonical nodes with their names, in the program's order. (A named node read as
  // part of a longer sum or product has no node of its own, so no name.)
  const GivenNames& given() const { return given_; }

 private:
  static bool in_sum(Reading::Shape s) { return s == Reading::linear || s == Reading::negate; }
  static bool in_product(Reading::Shape s) { return s == Reading::product || s == Reading::negate; }
  // A node read as part of its one user: a + b inside (a + b) - c, a * b inside (a * b) / c.
  // Both must be read the same way: x*x inside -(x*x) is not (the negation is read as a sum).
  bool absorbed(index_t i) const {
    if (i == output_ || uses_[i] != 1 || t_.is_leaf(i)) return false;
    return mode_[i] != Mode::other && mode_[i] == mode_[user_[i]];
  }

  bool operands_known(index_t i) const {
    for (index_t k : t_.operands(i))
      if (!known_[k]) return false;
    return true;
  }

  Id read(index_t i) {
    const Reading r = reading_of(t_.op(i));
    const auto ops = t_.operands(i);
    switch (r.shape) {
      case Reading::linear:
      case Reading::negate: {
        int sign = 1;
        return a_.sum(gather(i, false, sign));
      }
      case Reading::product: {
        int sign = 1;
        std::vector<Term> factors = gather(i, true, sign);
        return a_.product(std::move(factors), a_.integer(sign));
      }
      case Reading::power:
        return a_.power_of(at_[ops[0]], at_[ops[1]]);
      case Reading::square:
        return a_.power(at_[ops[0]], a_.integer(2));
      case Reading::root:
        return a_.power(at_[ops[0]], a_.q(Rational(1, 2)));
      case Reading::affine: {
        // w1, x1, ..., wn, xn, b
        std::vector<Term> terms;
        for (std::size_t k = 0; k + 1 < ops.size(); k += 2)
          terms.push_back(
              {a_.product({{at_[ops[k]], Algebra::one}, {at_[ops[k + 1]], Algebra::one}}),
               Algebra::one});
        terms.push_back({at_[ops.back()], Algebra::one});
        return a_.sum(std::move(terms));
      }
      default: {
        std::vector<Id> args;
        for (index_t k : ops) args.push_back(at_[k]);
        return a_.call(t_.op(i), args);
      }
    }
  }

  // The operands of node i and of the nodes absorbed into it (a run of + and -, or of * and /),
  // each with its sign: a coefficient +-1 in a sum, an exponent +-1 in a product, where a
  // negation flips `sign` instead.
  std::vector<Term> gather(index_t i, bool product, int& sign) {
    std::vector<Term> out;
    stack_.assign(1, {i, 1});
    while (!stack_.empty()) {
      const auto [m, k] = stack_.back();
      stack_.pop_back();
      const Reading r = reading_of(t_.op(m));
      if ((m == i || absorbed(m)) && (product ? in_product(r.shape) : in_sum(r.shape))) {
        const auto ops = t_.operands(m);
        if (r.shape == Reading::negate) {
          if (product) sign = -sign;
          stack_.push_back({ops[0], product ? k : -k});
        } else {
          stack_.push_back({ops[0], k});
          stack_.push_back({ops[1], k * r.sign});
        }
      } else {
        out.push_back({at_[m], a_.integer(k)});
      }
    }
    return out;
  }

  Algebra& a_;
  const Tape<T>& t_;
  index_t output_ = 0;
  std::vector<std::uint8_t> uses_;  // 0, 1, or 2 for two or more
  std::vector<index_t> user_;       // a node's user (meaningful for one use)
  enum class Mode : std::uint8_t { other, sum, product };
  std::vector<Mode> mode_;  // how a node of a sum or product is read
  std::vector<Id> at_;
  std::vector<bool> known_;  // at_ holds the node's expression
  std::vector<std::pair<index_t, int>> stack_;
  std::map<T, Id> constants_;
  GivenNames given_;
};

}  // namespace dlmath::symbolic
