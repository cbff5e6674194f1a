// Printing the expression behind a node: as infix the expression language reads back, or as
// LaTeX. The expression is simplified first; a subexpression used more than once is printed once,
// as an assignment `t1 = ...` before the expression that uses it.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "symbolic/simplify.hpp"

namespace dlmath::symbolic {

struct PrintOptions {
  bool latex = false;
  int digits = 0;  // significant digits of constants; 0: all the scalar type carries
};

namespace detail {

// Binding strength: higher binds tighter. A function call or a name is an atom.
enum Precedence { sum = 1, product = 2, minus = 3, power = 4, atom = 10 };

struct Piece {
  std::string text;
  int precedence = atom;
  bool negated = false;  // a unary minus at the top: "-x"
  std::string positive;  // the text without that minus, unparenthesised
  int positive_precedence = atom;
};

inline std::string paren(const Piece& p, bool needed, bool latex) {
  if (!needed) return p.text;
  return latex ? "\\left(" + p.text + "\\right)" : "(" + p.text + ")";
}

// W3[2,1] -> W^{[3]}_{21}, x1 -> x_{1}, eta -> \mathrm{eta}.
inline std::string latex_name(std::string_view name) {
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

  // Assignments for shared subexpressions, one per line, then the expression itself.
  std::string print() {
    using namespace detail;
    const int n = static_cast<int>(s_.exprs.size());
    std::vector<int> uses(n, 0);
    std::vector<bool> reached(n, false);
    reached[s_.root] = true;
    for (int e = n; e-- > 0;)
      if (reached[e])
        for (int c : s_.exprs[e].children) reached[c] = true, ++uses[c];
    std::set<std::string> taken;
    for (const auto& e : s_.exprs)
      if (e.kind == Expr<T>::leaf) taken.insert(std::string(e.name));
    std::vector<Piece> piece(n);
    std::string lines;
    int temps = 0;
    for (int e = 0; e < n; ++e) {
      if (!reached[e]) continue;
      piece[e] = render(s_.exprs[e], piece);
      if (uses[e] >= 2 && s_.exprs[e].kind == Expr<T>::op && e != s_.root &&
          worth_naming(s_.exprs[e])) {
        std::string name;
        do name = "t" + std::to_string(++temps);
        while (taken.count(name));
        const std::string shown = o_.latex ? "t_{" + std::to_string(temps) + "}" : name;
        lines += shown + " = " + piece[e].text + (o_.latex ? " \\\\\n" : "\n");
        piece[e] = Piece{shown, atom, false, shown};
      }
    }
    return lines + piece[s_.root].text;
  }

 private:
  detail::Piece render(const Expr<T>& e, const std::vector<detail::Piece>& p) {
    using namespace detail;
    const bool latex = o_.latex;
    if (e.kind == Expr<T>::leaf) {
      const std::string t = latex ? latex_name(e.name) : std::string(e.name);
      return Piece{t, atom, false, t};
    }
    if (e.kind == Expr<T>::constant) {
      if (e.value < 0) {
        const std::string t = number(-e.value);
        return Piece{"-" + t, minus, true, t};
      }
      const std::string t = number(e.value);
      return Piece{t, atom, false, t};
    }
    auto kid = [&](int k) -> const Piece& { return p[e.children[k]]; };
    switch (e.code) {
      case codes::add:
      case codes::sub: {
        const Piece& a = kid(0);
        const Piece& b = kid(1);
        const bool plus = e.code == codes::add;
        // a + (-b) prints as a - b, and a - (-b) as a + b.
        if (b.negated) {
          const Piece inner{b.positive, b.positive_precedence, false, b.positive};
          return binary(a.text, plus ? " - " : " + ", paren(inner, inner.precedence <= sum, latex),
                        sum);
        }
        return binary(a.text, plus ? " + " : " - ",
                      paren(b, b.precedence <= (plus ? 0 : sum), latex), sum);
      }
      case codes::mul: {
        const Piece& a = kid(0);
        const Piece& b = kid(1);
        return binary(paren(a, a.precedence < product, latex), latex ? " \\cdot " : "*",
                      paren(b, b.precedence <= product || b.precedence == minus, latex), product);
      }
      case codes::div:
        if (latex) return function("\\frac{" + kid(0).text + "}{" + kid(1).text + "}");
        return binary(
            paren(kid(0), kid(0).precedence < product, false), "/",
            paren(kid(1), kid(1).precedence <= product || kid(1).precedence == minus, false),
            product);
      case codes::neg: {
        const Piece& a = kid(0);
        return Piece{"-" + paren(a, a.precedence <= minus, latex), minus, true, a.text,
                     a.precedence};
      }
      case codes::pow:
      case codes::pow_const:
        return power_of(kid(0), kid(1).text, kid(1));
      case codes::square:
        return power_of(kid(0), "2", Piece{"2", atom, false, "2"});
      case codes::affine:
        return affine(e, p);
      default:
        return call(e.code, kid(0));
    }
  }

  // A shared -x or f(x) of a name reads better written out than named.
  bool worth_naming(const Expr<T>& e) const {
    if (e.children.size() != 1) return true;
    return s_.exprs[e.children[0]].kind == Expr<T>::op;
  }

  detail::Piece binary(const std::string& a, const std::string& op, const std::string& b,
                       int prec) {
    return detail::Piece{a + op + b, prec, false, a + op + b};
  }
  detail::Piece function(const std::string& t) { return detail::Piece{t, detail::atom, false, t}; }

  detail::Piece power_of(const detail::Piece& base, const std::string& exponent,
                         const detail::Piece& e) {
    using namespace detail;
    const std::string b = paren(base, base.precedence <= power, o_.latex);
    if (o_.latex) return Piece{b + "^{" + exponent + "}", power, false, b + "^{" + exponent + "}"};
    const std::string t = b + "^" + paren(e, e.precedence < atom, false);
    return Piece{t, power, false, t};
  }

  detail::Piece call(OpCode code, const detail::Piece& arg) {
    using namespace detail;
    const OpInfo<T>& info = op_table<T>()[code];
    if (!o_.latex) return function(std::string(info.symbol) + "(" + arg.text + ")");
    if (code == codes::sqrt) return function("\\sqrt{" + arg.text + "}");
    if (code == codes::abs) return function("\\left|" + arg.text + "\\right|");
    return function(std::string(info.latex) + "\\left(" + arg.text + "\\right)");
  }

  // w1*x1 + ... + wn*xn + b
  detail::Piece affine(const Expr<T>& e, const std::vector<detail::Piece>& p) {
    using namespace detail;
    std::string t;
    auto term = [&](const std::string& text, bool negated, const std::string& positive) {
      if (t.empty())
        t = text;
      else
        t += negated ? " - " + positive : " + " + text;
    };
    const auto& k = e.children;
    for (std::size_t j = 0; j + 1 < k.size(); j += 2) {
      const Piece& w = p[k[j]];
      const Piece& x = p[k[j + 1]];
      const bool one =
          s_.exprs[k[j + 1]].kind == Expr<T>::constant && s_.exprs[k[j + 1]].value == 1;
      if (one) {
        term(w.text, w.negated, w.positive);
        continue;
      }
      const std::string times = o_.latex ? " \\cdot " : "*";
      const std::string right =
          paren(x, x.precedence <= product || x.precedence == minus, o_.latex);
      if (w.negated)
        term(
            "", true,
            paren(Piece{w.positive, w.precedence == minus ? atom : w.precedence, false, w.positive},
                  false, o_.latex) +
                times + right);
      else
        term(paren(w, w.precedence < product, o_.latex) + times + right, false, "");
    }
    const Piece& b = p[k.back()];
    if (!(s_.exprs[k.back()].kind == Expr<T>::constant && s_.exprs[k.back()].value == 0))
      term(b.precedence <= sum ? paren(b, true, o_.latex) : b.text, b.negated, b.positive);
    if (t.rfind(" - ", 0) == 0) t = "-" + t.substr(3);
    return Piece{t, sum, false, t};
  }

  std::string number(const T& v) {
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
};

// The expression behind `output`, simplified, as text (infix or LaTeX).
template <class T>
std::string print(const Tape<T>& t, index_t output, PrintOptions o = {}) {
  const Simplified<T> s = simplify(t, output);
  return Printer<T>(s, o).print();
}

}  // namespace dlmath::symbolic
