// Printing the expression behind a node: as infix the expression language reads back, or as
// LaTeX. The expression is simplified first; a subexpression used more than once is printed once,
// as an assignment `t1 = ...` before the expression that uses it.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "engine/anomaly.hpp"
#include "symbolic/simplify.hpp"

namespace dlmath::symbolic {

struct PrintOptions {
  bool latex = false;
  int digits = 0;  // significant digits of constants; 0: all the scalar type carries
};

namespace detail {

// Binding strength, the registry's: higher binds tighter. A function call or a name is an atom.
enum Precedence {
  sum = op_read_as(Reading::linear).precedence,
  product = op_read_as(Reading::product).precedence,
  minus = op_read_as(Reading::negate).precedence,
  power = op_read_as(Reading::power).precedence,
  atom = 10
};

// A function's LaTeX around its operand: a # in the op's latex marks the operand's place
// (\sqrt{#}, \left|#\right|); a name without one takes it in brackets, \sin\left(x\right).
inline std::string latex_call(std::string_view latex, const std::string& inner) {
  const auto at = latex.find('#');
  if (at == std::string_view::npos) return std::string(latex) + "\\left(" + inner + "\\right)";
  return std::string(latex.substr(0, at)) + inner + std::string(latex.substr(at + 1));
}

// A printed subexpression. A negated one keeps its text without the minus, so that a + (-b) can
// print as a - b; `full` puts the minus back.
struct Piece {
  std::string text;
  int precedence = atom;  // of the text (of what follows the minus, when negated)
  bool negated = false;
};

inline std::string paren(std::string&& text, bool needed, bool latex) {
  if (!needed) return std::move(text);
  return latex ? "\\left(" + text + "\\right)" : "(" + text + ")";
}

inline int precedence_of(const Piece& p) {
  return p.negated ? minus : p.precedence;
}

inline std::string full(Piece&& p, bool latex) {
  if (!p.negated) return std::move(p.text);
  return "-" + paren(std::move(p.text), p.precedence <= minus, latex);
}

// W3[2,1] -> W^{[3]}_{21}, x1 -> x_{1}, eta -> \mathrm{eta}, pi -> \pi.
inline std::string latex_name(std::string_view name) {
  if (const NamedConstant* c = find_named_constant(name)) return std::string(c->latex);
  std::size_t letters = 0;
  while (letters < name.size() && std::isalpha(static_cast<unsigned char>(name[letters])))
    ++letters;
  std::size_t digits = letters;
  while (digits < name.size() && std::isdigit(static_cast<unsigned char>(name[digits]))) ++digits;
  std::string base(name.substr(0, letters));
  if (letters > 1) base = "\\mathrm{" + base + "}";
  if (letters > 0 && digits == name.size() && digits > letters)
    return base + "_{" + std::string(name.substr(letters)) + "}";
  if (letters > 0 && digits > letters && digits < name.size() && name[digits] == '[' &&
      name.back() == ']') {
    std::string idx(name.substr(digits + 1, name.size() - digits - 2));
    return base + "^{[" + std::string(name.substr(letters, digits - letters)) + "]}_{" + idx + "}";
  }
  std::string out;
  for (char c : name) out += c == '_' ? std::string("\\_") : std::string(1, c);
  return letters == name.size() && letters == 1 ? out : "\\mathrm{" + out + "}";
}

}  // namespace detail

template <class T>
class Printer {
 public:
  Printer(const Simplified<T>& s, PrintOptions o) : s_(s), o_(o) {}

  // Assignments for shared subexpressions, one per line, then the expression itself. Each
  // piece of text is moved into the one parent that uses it, so long sums print in linear time.
  std::string print() {
    using namespace detail;
    const int n = static_cast<int>(s_.exprs.size());
    uses_.assign(n, 0);
    std::vector<bool> reached(n, false);
    reached[s_.root] = true;
    for (int e = n; e-- > 0;)
      if (reached[e])
        for (int c : s_.exprs[e].children) reached[c] = true, ++uses_[c];
    std::set<std::string> taken;
    for (const auto& e : s_.exprs)
      if (e.kind == Expr<T>::leaf) taken.insert(std::string(e.name));
    piece_.assign(n, Piece{});
    std::string lines;
    int temps = 0;
    for (int e = 0; e < n; ++e) {
      if (!reached[e]) continue;
      piece_[e] = render(s_.exprs[e]);
      if (uses_[e] >= 2 && s_.exprs[e].kind == Expr<T>::op && e != s_.root &&
          worth_naming(s_.exprs[e])) {
        std::string name;
        do name = "t" + std::to_string(++temps);
        while (taken.count(name));
        const std::string shown = o_.latex ? "t_{" + std::to_string(temps) + "}" : name;
        lines +=
            shown + " = " + full(std::move(piece_[e]), o_.latex) + (o_.latex ? " \\\\\n" : "\n");
        piece_[e] = Piece{shown, atom, false};
      }
    }
    return lines + full(std::move(piece_[s_.root]), o_.latex);
  }

 private:
  // A child's piece: moved out when this is its only use, copied otherwise.
  detail::Piece take(int child) {
    return uses_[child] == 1 ? std::move(piece_[child]) : piece_[child];
  }

  detail::Piece render(const Expr<T>& e) {
    using namespace detail;
    const bool latex = o_.latex;
    if (e.kind == Expr<T>::leaf)
      return Piece{latex ? latex_name(e.name) : std::string(e.name), atom, false};
    if (e.kind == Expr<T>::constant) {
      if (e.value < 0) return Piece{number(-e.value), atom, true};
      return Piece{number(e.value), atom, false};
    }
    const auto& k = e.children;
    // By how the algebra reads the op (its file says: ops/reading.hpp), with the op's own text.
    const OpEntry& op = op_entry(e.code);
    switch (op.reading.shape) {
      case Reading::linear: {
        Piece a = take(k[0]), b = take(k[1]);
        const bool plus = op.reading.sign > 0;
        std::string t = full(std::move(a), latex);
        if (b.negated) {  // a + (-b) prints as a - b, and a - (-b) as a + b
          t += plus ? " - " : " + ";
          t += paren(std::move(b.text), b.precedence <= sum, latex);
        } else {
          t += " " + std::string(latex ? op.latex : op.symbol) + " ";
          const int pb = precedence_of(b);
          t += paren(full(std::move(b), latex), pb <= (plus ? 0 : sum), latex);
        }
        return Piece{std::move(t), sum, false};
      }
      case Reading::product: {
        Piece a = take(k[0]), b = take(k[1]);
        const int pa = precedence_of(a), pb = precedence_of(b);
        const bool divide = op.reading.sign < 0;
        if (latex && divide)
          return Piece{"\\frac{" + full(std::move(a), true) + "}{" + full(std::move(b), true) + "}",
                       atom, false};
        std::string t = paren(full(std::move(a), latex), pa < product, latex);
        t += latex ? " " + std::string(op.latex) + " " : std::string(op.symbol);
        t += paren(full(std::move(b), latex), pb <= product || pb == minus, latex);
        return Piece{std::move(t), product, false};
      }
      case Reading::negate: {
        Piece a = take(k[0]);
        const int pa = precedence_of(a);
        return Piece{full(std::move(a), latex), pa, true};
      }
      case Reading::power:
        return power_of(take(k[0]), take(k[1]));
      case Reading::square:
        return power_of(take(k[0]), Piece{"2", atom, false});
      case Reading::affine:
        return affine(e);
      default:
        return call(e.code, take(k[0]));
    }
  }

  // A shared -x or f(x) of a name reads better written out than named.
  bool worth_naming(const Expr<T>& e) const {
    if (e.children.size() != 1) return true;
    return s_.exprs[e.children[0]].kind == Expr<T>::op;
  }

  detail::Piece power_of(detail::Piece base, detail::Piece exponent) {
    using namespace detail;
    const int pb = precedence_of(base), pe = precedence_of(exponent);
    std::string t = paren(full(std::move(base), o_.latex), pb <= power, o_.latex);
    if (o_.latex) {
      t += "^{" + full(std::move(exponent), true) + "}";
    } else {
      t += "^";
      t += paren(full(std::move(exponent), false), pe < atom, false);
    }
    return Piece{std::move(t), power, false};
  }

  detail::Piece call(OpCode code, detail::Piece arg) {
    using namespace detail;
    const OpEntry& op = op_entry(code);
    std::string inner = full(std::move(arg), o_.latex);
    if (!o_.latex) return Piece{std::string(op.symbol) + "(" + inner + ")", atom, false};
    return Piece{latex_call(op.latex, inner), atom, false};
  }

  // w1*x1 + ... + wn*xn + b
  detail::Piece affine(const Expr<T>& e) {
    using namespace detail;
    const auto& k = e.children;
    std::string t;
    auto term = [&](Piece p) {
      if (t.empty()) {
        t = full(std::move(p), o_.latex);
      } else if (p.negated) {
        t += " - ";
        t += paren(std::move(p.text), p.precedence <= sum, o_.latex);
      } else {
        t += " + ";
        const int pp = p.precedence;
        t += paren(std::move(p.text), pp <= sum, o_.latex);
      }
    };
    auto is = [&](int c, int v) {
      return s_.exprs[c].kind == Expr<T>::constant && s_.exprs[c].value == v;
    };
    for (std::size_t j = 0; j + 1 < k.size(); j += 2) {
      Piece w = take(k[j]), x = take(k[j + 1]);
      if (is(k[j + 1], 1)) {
        term(std::move(w));
        continue;
      }
      const bool negated = w.negated;
      w.negated = false;  // the sign goes in front of the product
      const int pw = w.precedence, px = precedence_of(x);
      std::string product_text = paren(std::move(w.text), pw < product, o_.latex);
      product_text += o_.latex ? " \\cdot " : "*";
      product_text += paren(full(std::move(x), o_.latex), px <= product || px == minus, o_.latex);
      term(Piece{std::move(product_text), product, negated});
    }
    if (!is(k.back(), 0)) term(take(k.back()));
    return Piece{std::move(t), sum, false};
  }

  std::string number(const T& v) {
    // A formula with "inf" or "nan" in it would read back as a name: say what happened instead.
    if (!is_finite_value(v))
      throw std::domain_error("a constant of the formula is " + to_decimal(v) +
                              " at this precision (it overflows or is undefined); try "
                              "--precision 50 or 100");
    std::string t = to_decimal(v, o_.digits);
    if (o_.latex) {
      const auto e = t.find('e');
      if (e != std::string::npos) {
        std::string exponent = t.substr(e + 1);
        if (!exponent.empty() && exponent[0] == '+') exponent.erase(0, 1);
        while (exponent.size() > 1 &&
               (exponent[0] == '0' || (exponent[0] == '-' && exponent[1] == '0')))
          exponent.erase(exponent[0] == '-' ? 1 : 0, 1);
        t = t.substr(0, e) + " \\times 10^{" + exponent + "}";
      }
    }
    return t;
  }

  const Simplified<T>& s_;
  PrintOptions o_;
  std::vector<int> uses_;
  std::vector<detail::Piece> piece_;
};

// The expression behind `output`, simplified, as text (infix or LaTeX).
template <class T>
std::string print(const Tape<T>& t, index_t output, PrintOptions o = {}) {
  const Simplified<T> s = simplify(t, output);
  return Printer<T>(s, o).print();
}

}  // namespace dlmath::symbolic
