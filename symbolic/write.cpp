#include "symbolic/write.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <optional>

#include "ops/registry.hpp"
#include "ops/table.hpp"
#include "symbolic/print.hpp"

namespace dlmath::symbolic {

namespace {

// Binding strength of a piece of text, the registry's: higher binds tighter.
using detail::Precedence, detail::sum, detail::product, detail::minus, detail::power, detail::atom;

struct Factor {
  std::string text;
  int precedence = atom;
  bool wrapped = false;  // text is (inner), parenthesised only to be a factor
};

// A term of a sum: its sign and text, and where it has one, the text of its value negated,
// written when the sum would subtract it.
struct Term {
  bool minus = false;
  std::string text;
  std::optional<std::string> negated;
};

// A written node. A product keeps its factors apart, so that a sum can put its own coefficient
// in front (3*x*y, x/(2*y)); a sum keeps its terms apart, so that a product can write it with
// its signs turned and drop its own minus (-(x - 1)*y is y*(1 - x)).
struct Piece {
  enum Shape : std::uint8_t { plain, product, sum } shape = plain;
  std::string text;
  int precedence = atom;
  bool negative = false;                   // plain and product: a minus in front
  std::uint32_t coefficient = Store::one;  // product: its coefficient (written as |c|)
  std::vector<Factor> top, bottom;
  std::vector<Term> terms;  // sum: in order
  // product: one of its sums to an odd power left unturned only for the product's sign, written
  // turned (the product's value negated), where it is short: a sum that subtracts the product
  // writes that instead (1 + z*(1 - u), not 1 - z*(u - 1)).
  std::optional<Factor> turned;
  bool turned_on_top = true;
  std::size_t turned_at = 0;
};

class Writer {
 public:
  Writer(const Store& s, const WriteOptions& o) : s_(s), o_(o), latex_(o.latex) {}

  std::string run(Id root, const std::set<std::string>& taken, const GivenNames& given) {
    const Id n = root + 1;
    const std::map<Id, std::string> own = usable(given, taken, n);
    std::set<std::string> program_names;
    for (const auto& g : given) program_names.insert(g.second);
    // Uses as edges (for moving a piece into its one user) and as occurrences in the text as
    // it would be written with nothing named (for deciding what to name).
    std::vector<bool> reached(n, false);
    reached[root] = true;
    uses_.assign(n, 0);
    sum_term_.assign(n, false);
    for (Id e = n; e-- > 0;)
      if (reached[e])
        for (const Item& i : s_.items(e)) {
          reached[i.node] = true, ++uses_[i.node];
          if (s_[e].kind == Kind::sum) sum_term_[i.node] = true;
        }
    // Parents before children: a node's occurrences are known once its parents have chosen.
    // A shared subexpression is named when that saves tokens: `tK = e` costs 2 + size(e) and
    // each use 1, against size(e) at every use. Below 4 tokens (x^2, x + 1) it is written out
    // however often it occurs: a name would hide too little.
    std::vector<std::uint64_t> occurs(n, 0);
    std::vector<bool> named(n, false);
    occurs[root] = 1;
    constexpr std::uint64_t cap = std::uint64_t{1} << 40;
    for (Id e = n; e-- > 0;) {
      if (!reached[e]) continue;
      const Node x = s_[e];
      const std::uint64_t u = occurs[e], size = x.size;
      const bool expression =
          x.kind != Kind::number && x.kind != Kind::name && x.kind != Kind::literal;
      if (e != root && expression &&
          (own.count(e) || (u >= 2 && size >= 4 && size < cap && 2 + size + u < u * size)))
        named[e] = true;
      const std::uint64_t passed = named[e] ? 1 : u;
      for (const Item& i : s_.items(e)) occurs[i.node] = std::min(cap, occurs[i.node] + passed);
    }
    piece_.assign(n, Piece{});
    std::string lines;
    int temps = 0;
    for (Id e = 0; e < n; ++e) {
      if (!reached[e]) continue;
      piece_[e] = render(e);
      if (!named[e]) continue;
      std::string shown;
      if (const auto it = own.find(e); it != own.end()) {
        shown = latex_ ? detail::latex_name(it->second) : it->second;
      } else {
        std::string name;
        do name = "t" + std::to_string(++temps);
        while (taken.count(name) || program_names.count(name));  // a t name means one thing
        shown = latex_ ? "t_{" + std::to_string(temps) + "}" : name;
      }
      lines += shown + " = " + full(std::move(piece_[e])) + (latex_ ? " \\\\\n" : "\n");
      piece_[e] = Piece{};
      piece_[e].text = shown;
    }
    return lines + full(std::move(piece_[root]));
  }

 private:
  // The given names that can be used: each to one expression of the formula's nodes, its first
  // name if it has several, and never an input's name.
  static std::map<Id, std::string> usable(const GivenNames& given,
                                          const std::set<std::string>& taken, Id n) {
    std::map<std::string, Id> expression_of;
    std::set<std::string> ambiguous;
    for (const auto& [id, name] : given) {
      const auto [it, fresh] = expression_of.try_emplace(name, id);
      if (!fresh && it->second != id) ambiguous.insert(name);
    }
    std::map<Id, std::string> out;
    for (const auto& [id, name] : given)
      if (id < n && !ambiguous.count(name) && !taken.count(name)) out.try_emplace(id, name);
    return out;
  }

  Piece take(Id child) { return uses_[child] == 1 ? std::move(piece_[child]) : piece_[child]; }

  std::string paren(std::string&& text, bool needed) const {
    if (!needed) return std::move(text);
    return latex_ ? "\\left(" + text + "\\right)" : "(" + text + ")";
  }

  // A factor's text without the brackets that made it a factor.
  static std::string unwrapped(Factor&& f) {
    const std::size_t open = std::string_view("\\left(").size(),
                      close = std::string_view("\\right)").size();
    if (!f.wrapped) return std::move(f.text);
    return f.text.substr(open, f.text.size() - open - close);
  }

  std::string latex_number(std::string t) const {
    if (!latex_) return t;
    const auto slash = t.find('/');
    if (slash != std::string::npos)
      return "\\frac{" + t.substr(0, slash) + "}{" + t.substr(slash + 1) + "}";
    const auto e = t.find('e');
    if (e == std::string::npos) return t;
    const std::string mantissa = t.substr(0, e), exponent = t.substr(e + 1);
    return (mantissa == "1" ? "" : mantissa + " \\times ") + "10^{" + exponent + "}";
  }

  // |r| written alone, and whether it reads as a quotient (p/q).
  Factor number(const Rational& r) const {
    const NumberText t = number_text(r, o_.digits);
    return {latex_number(t.text), t.tokens == 3 && !latex_ ? product : atom};
  }

  // The characters of a piece's text (a sum's terms), to bound what is copied.
  static std::size_t chars(const Piece& p) {
    std::size_t n = p.text.size();
    for (const Term& t : p.terms) n += t.text.size() + (t.negated ? t.negated->size() : 0);
    for (const Factor& f : p.top) n += f.text.size();
    for (const Factor& f : p.bottom) n += f.text.size();
    return n;
  }

  // How tightly a piece's text binds. A product keeps its factors apart, so its text (and its
  // precedence) is only composed where it is used: x^(2*x) and (2*x)^y need their brackets.
  static int precedence_of(const Piece& p) {
    if (p.negative) return minus;
    if (p.shape == Piece::sum) return sum;
    if (p.shape == Piece::product)
      return p.top.size() == 1 && p.bottom.empty() && p.coefficient == Store::one
                 ? p.top[0].precedence
                 : product;
    return p.precedence;
  }

  // A product's text from its parts, with |c| placed as people write it: 3*x, 0.1*x, x/2,
  // 3*x/4.
  // The sign of c is not written here.
  std::pair<std::string, int> compose(const Rational& c, std::vector<Factor> top,
                                      std::vector<Factor> bottom) const {
    if (is_integer(c)) {
      if (!is_unit(c)) top.insert(top.begin(), number(c));
    } else if (reads_as_decimal(c)) {
      top.insert(top.begin(), number(c));
    } else {
      const Rational p(numerator(c)), q(denominator(c));
      if (!is_unit(p)) top.insert(top.begin(), number(p));
      bottom.insert(bottom.begin(), number(q));
    }
    auto join = [&](std::vector<Factor>& f) {
      std::string t;
      for (std::size_t k = 0; k < f.size(); ++k) {
        if (k > 0) {
          const bool digit =
              !f[k].text.empty() && std::isdigit(static_cast<unsigned char>(f[k].text[0]));
          t += latex_ ? (digit ? " \\cdot " : " ") : "*";
        }
        t += std::move(f[k].text);
      }
      return t;
    };
    if (top.empty() && bottom.empty()) return {"1", atom};
    int precedence = top.size() == 1 ? top[0].precedence : product;
    if (latex_ && !bottom.empty()) {  // \frac{x}{x^{2} + 1}: a whole part needs no brackets
      std::string t = top.size() == 1 ? unwrapped(std::move(top[0]))
                      : top.empty()   ? std::string("1")
                                      : join(top);
      std::string b = bottom.size() == 1 ? unwrapped(std::move(bottom[0])) : join(bottom);
      return {"\\frac{" + t + "}{" + b + "}", atom};
    }
    std::string t = top.empty() ? std::string("1") : join(top);
    if (bottom.empty()) return {std::move(t), top.empty() ? atom : precedence};
    const bool several = bottom.size() > 1;
    std::string b = join(bottom);
    return {t + "/" + paren(std::move(b), several), product};
  }

  std::string full(Piece&& p, bool flip = false) const {
    switch (p.shape) {
      case Piece::sum:
        return join_terms(std::move(p.terms), flip);
      case Piece::product: {
        auto [t, prec] = compose(s_.value(p.coefficient), std::move(p.top), std::move(p.bottom));
        if (!p.negative) return t;
        return "-" + paren(std::move(t), prec <= sum);
      }
      default:
        if (!p.negative) return std::move(p.text);
        return "-" + paren(std::move(p.text), p.precedence <= sum);
    }
  }

  // Terms joined with + and -, a positive one first where there is one.
  std::string join_terms(std::vector<Term>&& terms, bool flip) const {
    for (Term& term : terms) {
      term.minus = term.minus != flip;
      if (term.minus && term.negated) term.minus = false, term.text = std::move(*term.negated);
    }
    // a - b rather than -b + a; longer sums keep their order by degree.
    std::size_t first = 0;
    if (terms.size() == 2 && terms[0].minus) first = 1;
    std::string t;
    auto add = [&](Term& term, bool lead) {
      if (lead)
        t += term.minus ? "-" : "";
      else
        t += term.minus ? " - " : " + ";
      t += std::move(term.text);
    };
    add(terms[first], true);
    for (std::size_t k = 0; k < terms.size(); ++k)
      if (k != first) add(terms[k], false);
    return t;
  }

  // x^|e| as one factor.
  Factor factor(Piece&& base, const Rational& e, bool flip = false) {
    if (is_half(e)) {  // as the op read as a root writes it
      constexpr const OpEntry& root = op_read_as(Reading::root);
      std::string inner = full(std::move(base), flip);
      return {latex_ ? detail::latex_call(root.latex, inner)
                     : std::string(root.symbol) + "(" + inner + ")",
              atom};
    }
    const int pb = flip ? sum : precedence_of(base);
    std::string b = full(std::move(base), flip);
    if (is_unit(e)) {
      const bool wrap = pb <= product;
      return {paren(std::move(b), wrap), wrap ? atom : pb, wrap};
    }
    const NumberText et = number_text(e, o_.digits);
    std::string t = paren(std::move(b), pb <= power);
    if (latex_)
      t += "^{" + latex_number(et.text) + "}";
    else
      t += "^" + (et.tokens == 1 ? et.text : "(" + et.text + ")");
    return {std::move(t), power};
  }

  Piece render(Id n) {
    const Node x = s_[n];
    Piece p;
    switch (x.kind) {
      case Kind::number: {
        const Rational& r = s_.value(x.q);
        const Factor f = number(r);
        p.text = f.text;
        p.precedence = f.precedence;
        p.negative = sign(r) < 0;
        return p;
      }
      case Kind::literal:
        p.text = latex_number(std::string(s_.text_of(x.q)));
        return p;
      case Kind::name:
        p.text = latex_ ? detail::latex_name(s_.text_of(x.q)) : std::string(s_.text_of(x.q));
        return p;
      case Kind::call: {
        const OpInfo<double>& info = op_table<double>()[x.code];
        std::string args;
        for (const Item& i : s_.items(n)) {
          if (!args.empty()) args += ", ";
          args += full(take(i.node));
        }
        p.text = latex_ ? detail::latex_call(info.latex, args)
                        : std::string(info.symbol) + "(" + args + ")";
        return p;
      }
      case Kind::power: {
        const auto items = s_.items(n);
        Piece base = take(items[0].node), exponent = take(items[1].node);
        const int pb = precedence_of(base), pe = precedence_of(exponent);
        p.text = paren(full(std::move(base)), pb <= power);
        if (latex_)
          p.text += "^{" + full(std::move(exponent)) + "}";
        else
          p.text += "^" + paren(full(std::move(exponent)), pe < atom);
        p.precedence = power;
        return p;
      }
      case Kind::product:
        return render_product(n, x);
      case Kind::sum:
        return render_sum(n, x);
    }
    return p;
  }

  Piece render_product(Id n, const Node& x) {
    const Rational& c = s_.value(x.q);
    const std::vector<Item> items = s_.written_order(n);
    // Sums written with their signs turned where that reads better (1 - u for u - 1), an odd
    // power taking the product's minus: turned in pairs unless a minus is to be dropped.
    std::vector<bool> turn(items.size(), false);
    std::vector<std::size_t> better, same;  // sums to an odd power, by Store::Turn
    for (std::size_t k = 0; k < items.size(); ++k) {
      // A named sum cannot be written with its signs turned.
      if (piece_[items[k].node].shape != Piece::sum || !s_.whole(items[k].q)) continue;
      const Store::Turn t = s_.turn_of(items[k].node);
      if (!s_.odd(items[k].q))
        turn[k] = t == Store::Turn::better;
      else if (t != Store::Turn::worse)
        (t == Store::Turn::better ? better : same).push_back(k);
    }
    for (std::size_t k : better) turn[k] = true;
    // An odd number of turns takes the product's minus; a positive product turns an even number.
    bool negative = sign(c) < 0;
    if ((better.size() % 2 == 1) != negative) {
      if (!same.empty())
        turn[same.front()] = true;
      else if (!better.empty())
        turn[better.back()] = false;
    }
    std::size_t turns = 0;
    for (std::size_t k = 0; k < items.size(); ++k)
      if (turn[k] && s_.odd(items[k].q)) ++turns;
    if (turns % 2 == 1) negative = !negative;
    Piece p;
    p.shape = Piece::product;
    p.coefficient = x.q;
    p.negative = negative;
    // The better sum left unturned for the sign, if one was: its turned text too, where short
    // (a copy: bounded, so long formulas stay linear).
    const std::size_t spare =
        !better.empty() && !turn[better.back()] && sum_term_[n] ? better.back() : items.size();
    for (std::size_t k = 0; k < items.size(); ++k) {
      const bool top = s_.sign(items[k].q) > 0;
      Piece child = take(items[k].node);
      if (k == spare && chars(child) <= 200) {
        p.turned = factor(Piece(child), s_.value(items[k].q), true);
        p.turned_on_top = top;
        p.turned_at = (top ? p.top : p.bottom).size();
      }
      (top ? p.top : p.bottom).push_back(factor(std::move(child), s_.value(items[k].q), turn[k]));
    }
    return p;
  }

  Piece render_sum(Id n, const Node& x) {
    Piece p;
    p.shape = Piece::sum;
    p.precedence = sum;
    for (const Item& i : s_.written_order(n)) {
      const Rational& k = s_.value(i.q);
      Piece term = take(i.node);
      const bool minus_sign = (sign(k) < 0) != term.negative;
      if (term.shape == Piece::product) {
        const Rational c =
            term.coefficient == Store::one ? k : Rational(k * s_.value(term.coefficient));
        std::optional<std::string> negated;
        if (term.turned) {
          std::vector<Factor> top = term.top, bottom = term.bottom;
          (term.turned_on_top ? top : bottom)[term.turned_at] = std::move(*term.turned);
          negated = compose(c, std::move(top), std::move(bottom)).first;
        }
        auto [t, prec] = compose(c, std::move(term.top), std::move(term.bottom));
        p.terms.push_back({minus_sign, std::move(t), std::move(negated)});
      } else {
        term.negative = false;
        std::vector<Factor> top{factor(std::move(term), s_.value(Store::one))};
        auto [t, prec] = compose(k, std::move(top), {});
        p.terms.push_back({minus_sign, std::move(t), std::nullopt});
      }
    }
    const Rational& constant = s_.value(x.q);
    if (sign(constant) != 0)
      p.terms.push_back({sign(constant) < 0, number(constant).text, std::nullopt});
    return p;
  }

  const Store& s_;
  WriteOptions o_;
  bool latex_;
  std::vector<std::uint32_t> uses_;
  std::vector<bool> sum_term_;  // a term of some sum
  std::vector<Piece> piece_;
};

}  // namespace

std::string write(const Store& s, Id root, const WriteOptions& o,
                  const std::set<std::string>& taken, const GivenNames& given) {
  return Writer(s, o).run(root, taken, given);
}

}  // namespace dlmath::symbolic
