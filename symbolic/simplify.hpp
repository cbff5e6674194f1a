// A simplified view of the expression behind one node: constants folded, x*1, x+0, x*0 and
// -(-x) removed, equal subexpressions merged. Built in one forward pass over the tape (no
// recursion); every node's children come before it.
#pragma once

#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "engine/decimal.hpp"
#include "ops/registry.hpp"
#include "ops/table.hpp"

namespace dlmath::symbolic {

template <class T>
struct Expr {
  enum Kind { constant, leaf, op } kind = constant;
  T value{};                  // constant: its value; else the node's current value
  std::string_view name;      // leaf: its name
  OpCode code = 0;            // op: which
  std::vector<int> children;  // op: indices into the expression list (affine: w1, x1, ..., b)
};

template <class T>
struct Simplified {
  std::vector<Expr<T>> exprs;  // children before parents
  int root = -1;
};

template <class T>
class Simplifier {
 public:
  explicit Simplifier(const Tape<T>& t) : tape_(t) {}

  Simplified<T> run(index_t output) {
    // Nodes the output depends on, found by a reverse sweep.
    std::vector<bool> needed(output + 1, false);
    needed[output] = true;
    for (index_t i = output + 1; i-- > 0;)
      if (needed[i] && !tape_.is_leaf(i))
        for (index_t k : tape_.operands(i)) needed[k] = true;
    std::vector<int> at(output + 1, -1);         // tape node -> expression
    std::vector<bool> fixed(output + 1, false);  // depends on constants only
    for (index_t i = 0; i <= output; ++i) {
      if (!needed[i]) continue;
      if (tape_.op(i) == Leaf::constant && tape_.name(i).empty()) {  // (pi keeps its name)
        at[i] = constant(tape_.value(i));
        fixed[i] = true;
        continue;
      }
      if (tape_.is_leaf(i)) {
        at[i] = intern(Expr<T>{Expr<T>::leaf, tape_.value(i), tape_.name(i), tape_.op(i), {}});
        continue;
      }
      std::vector<int> kids;
      bool all_fixed = true;
      for (index_t k : tape_.operands(i)) {
        kids.push_back(at[k]);
        all_fixed = all_fixed && fixed[k];
      }
      fixed[i] = all_fixed;
      at[i] = all_fixed ? constant(tape_.value(i))
                        : simplify(tape_.op(i), std::move(kids), tape_.value(i));
    }
    out_.root = at[output];
    return std::move(out_);
  }

 private:
  bool is_const(int e, int c) const {
    return out_.exprs[e].kind == Expr<T>::constant && out_.exprs[e].value == T(c);
  }
  typename Expr<T>::Kind kind(int e) const { return out_.exprs[e].kind; }
  int constant(const T& v) { return intern(Expr<T>{Expr<T>::constant, v, {}, 0, {}}); }
  int op(OpCode code, std::vector<int> kids, const T& v) {
    return intern(Expr<T>{Expr<T>::op, v, {}, code, std::move(kids)});
  }

  // By how the algebra reads the op (its file says: ops/reading.hpp), never by which op it is.
  int simplify(OpCode code, std::vector<int> k, const T& v) {
    const Reading r = op_entry(code).reading;
    switch (r.shape) {
      case Reading::linear:
        if (is_const(k[1], 0)) return k[0];
        if (is_const(k[0], 0)) return r.sign > 0 ? k[1] : negate(k[1], v);
        break;
      case Reading::product:
        if (r.sign < 0) {  // a / b
          if (is_const(k[0], 0)) return constant(T(0));
          if (is_const(k[1], 1)) return k[0];
          break;
        }
        if (is_const(k[0], 0) || is_const(k[1], 0)) return constant(T(0));
        // Constants go first, and a constant times (constant times y) folds: 3*(2*x) is 6*x.
        if (kind(k[1]) == Expr<T>::constant && kind(k[0]) != Expr<T>::constant)
          std::swap(k[0], k[1]);
        if (kind(k[0]) == Expr<T>::constant && kind(k[1]) == Expr<T>::op &&
            out_.exprs[k[1]].code == code &&
            kind(out_.exprs[k[1]].children[0]) == Expr<T>::constant) {
          const T c = out_.exprs[k[0]].value * out_.exprs[out_.exprs[k[1]].children[0]].value;
          const int y = out_.exprs[k[1]].children[1];
          return simplify(code, {constant(c), y}, v);
        }
        if (is_const(k[0], 1)) return k[1];
        if (is_const(k[1], 1)) return k[0];
        if (is_const(k[0], -1)) return negate(k[1], v);
        if (is_const(k[1], -1)) return negate(k[0], v);
        break;
      case Reading::negate:
        return negate(k[0], v);
      case Reading::power:
        if (is_const(k[1], 1)) return k[0];
        if (is_const(k[1], 0)) return constant(T(1));
        break;
      case Reading::affine: {
        // Keep only the terms whose weight and input are both non-zero; w*1 prints as w.
        std::vector<int> kept;
        for (std::size_t j = 0; j + 1 < k.size(); j += 2)
          if (!is_const(k[j], 0) && !is_const(k[j + 1], 0))
            kept.push_back(k[j]), kept.push_back(k[j + 1]);
        kept.push_back(k.back());
        if (kept.size() == 1) return kept[0];
        if (kept.size() == 3 && is_const(kept[2], 0)) return product(kept[0], kept[1]);
        return op(code, std::move(kept), v);
      }
      default:
        break;
    }
    return op(code, std::move(k), v);
  }
  int negate(int e, const T& v) {
    const Expr<T>& x = out_.exprs[e];
    if (x.kind == Expr<T>::constant) return constant(-x.value);
    constexpr OpCode minus = op_read_as(Reading::negate).code;
    if (x.kind == Expr<T>::op && x.code == minus) return x.children[0];
    return op(minus, {e}, v);
  }
  int product(int a, int b) {
    if (is_const(a, 1)) return b;
    if (is_const(b, 1)) return a;
    return op(op_read_as(Reading::product, 1).code, {a, b},
              out_.exprs[a].value * out_.exprs[b].value);
  }
  // Equal expressions become one: shared subexpressions are then plain to see.
  int intern(Expr<T> e) {
    auto key = std::make_tuple(static_cast<int>(e.kind), e.code, e.children, std::string(e.name),
                               e.kind == Expr<T>::constant ? to_decimal(e.value) : std::string());
    auto [it, fresh] = seen_.try_emplace(std::move(key), static_cast<int>(out_.exprs.size()));
    if (fresh) out_.exprs.push_back(std::move(e));
    return it->second;
  }

  const Tape<T>& tape_;
  Simplified<T> out_;
  std::map<std::tuple<int, OpCode, std::vector<int>, std::string, std::string>, int> seen_;
};

template <class T>
Simplified<T> simplify(const Tape<T>& t, index_t output) {
  return Simplifier<T>(t).run(output);
}

}  // namespace dlmath::symbolic
