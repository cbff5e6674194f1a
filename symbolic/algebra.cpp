#include "symbolic/algebra.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <map>

#include "ops/registry.hpp"

namespace dlmath::symbolic {

namespace {

// What a function satisfies, as its op's file states it (ops/reading.hpp); an op that states
// nothing is a plain f(u).
using Exact = std::optional<Rational> (*)(const Rational&);
struct CallRule {
  Parity parity = Parity::none;
  Exact exact = nullptr;  // f at a rational, when that is rational
  OpCode inverse = 0;     // f(g(u)) = u for this g (0: none)
};

template <class Op>
std::optional<Rational> exact_value(const Rational& r) {
  constexpr const OpEntry& e = op_entry(Op::code);
  if constexpr (e.exact_on_rationals) {
    if constexpr (arity_of<Op> == 1) return Op::value(r);
  } else {
    for (const ExactPoint& x : e.exact)
      if (r == Rational(x.at.p, x.at.q)) return Rational(x.value.p, x.value.q);
  }
  return std::nullopt;
}

template <class Op>
CallRule rule_of() {
  constexpr const OpEntry& e = op_entry(Op::code);
  CallRule r{e.parity, nullptr, e.inverse};
  if (e.exact_on_rationals || !e.exact.empty()) r.exact = exact_value<Op>;
  return r;
}

// The functions of the identities, by the part their files give them (ops/reading.hpp).
constexpr OpCode sine = op_in_role(Role::sine), cosine = op_in_role(Role::cosine),
                 logistic = op_in_role(Role::logistic), tanh_op = op_in_role(Role::tanh);

const std::array<CallRule, 256>& call_rules() {
  static const std::array<CallRule, 256> by_code = []<class... Ops>(OpList<Ops...>) {
    std::array<CallRule, 256> a{};
    ((a[Ops::code] = rule_of<Ops>()), ...);
    return a;
  }(RegisteredOps{});
  return by_code;
}

// The largest rational dividing both: gcd of numerators over lcm of denominators.
Rational content_gcd(const Rational& a, const Rational& b) {
  return Rational(gcd(numerator(a), numerator(b)), lcm(denominator(a), denominator(b)));
}

// The common factor worth taking out of a sum's coefficients: their content when it is a small
// fraction (2 in 2*x + 4*y, 1/2 in x/2 + y/2), else 1. The content of coefficients that came
// out of rounding (2/sqrt(pi) at the program's precision) is a tiny rational whose cofactors
// are long integers: 4.5e-16*(5641895835477563*a - 1e16*b) reads worse than what it factors.
Rational worth_taking_out(const Rational& content) {
  const Integer limit(1000000);
  if (abs(Integer(numerator(content))) <= limit && Integer(denominator(content)) <= limit)
    return content;
  return Rational(1);
}

void sort_by_node(std::vector<Term>& t) {
  std::sort(t.begin(), t.end(), [](const Term& a, const Term& b) { return a.node < b.node; });
}

}  // namespace

// --- Arithmetic on rational ids ----------------------------------------------------------------

std::optional<Q> Algebra::times(Q a, Q b) {
  if (a == one) return b;
  if (b == one) return a;
  if (a == zero || b == zero) return zero;
  const std::int64_t x = s_.small_value(a), y = s_.small_value(b);
  std::int64_t r;
  if (x != Store::not_small && y != Store::not_small && !__builtin_mul_overflow(x, y, &r))
    return s_.integer(r);
  if (auto p = checked_product(value(a), value(b))) return s_.rational(*p);
  return std::nullopt;
}

std::optional<Q> Algebra::plus(Q a, Q b) {
  if (a == zero) return b;
  if (b == zero) return a;
  const std::int64_t x = s_.small_value(a), y = s_.small_value(b);
  if (x != Store::not_small && y != Store::not_small) return s_.integer(x + y);
  if (auto p = checked_sum(value(a), value(b))) return s_.rational(*p);
  return std::nullopt;
}

Q Algebra::negated(Q a) {
  const std::int64_t x = s_.small_value(a);
  if (x != Store::not_small) return s_.integer(-x);
  return s_.rational(-value(a));
}

std::optional<Q> Algebra::raised(Q base, Q e) {
  if (e == one) return base;
  const std::int64_t b = s_.small_value(base), n = s_.small_value(e);
  if (b != Store::not_small && n >= 0 && n <= 64) {
    std::int64_t r = 1;
    bool fits = true;
    for (std::int64_t k = 0; fits && k < n; ++k) fits = !__builtin_mul_overflow(r, b, &r);
    if (fits) return s_.integer(r);
  }
  auto p = s_.whole(e) ? checked_power(value(base), value(e)) : exact_root(value(base), value(e));
  if (p) return s_.rational(*p);
  return std::nullopt;
}

// --- Atoms, calls, powers ------------------------------------------------------------------

Id Algebra::number(Q v) {
  return s_.intern(Kind::number, 0, v, {});
}

Id Algebra::constant(const std::string& decimal) {
  // Whole numbers, the constants derivatives record, without big-number parsing.
  if (!decimal.empty() && decimal.size() < 16 &&
      std::all_of(decimal.begin() + (decimal[0] == '-'), decimal.end(),
                  [](char c) { return c >= '0' && c <= '9'; }) &&
      decimal != "-")
    return number(s_.integer(std::stoll(decimal)));
  if (auto r = rational_from_decimal(decimal)) return number(*r);
  // Too large to fold exactly: kept as written, an atom like a name.
  const bool minus = !decimal.empty() && decimal[0] == '-';
  const Id literal = s_.intern(Kind::literal, 0, s_.text(decimal.substr(minus ? 1 : 0)), {});
  return minus ? scale(literal, minus_one_) : literal;
}

Id Algebra::name(std::string_view n) {
  return s_.intern(Kind::name, 0, s_.text(n), {});
}

bool Algebra::negative(Id n) const {
  const Node x = s_[n];
  switch (x.kind) {
    case Kind::number:
      return s_.sign(x.q) < 0;
    case Kind::product:
      return x.count <= small && s_.sign(x.q) < 0;
    case Kind::sum:
      return x.count <= small && s_.sign(s_.items(n)[0].q) < 0;
    default:
      return false;
  }
}

Id Algebra::call(OpCode code, std::span<const Id> args) {
  const CallRule& rule = call_rules()[code];
  if (args.size() == 1) {
    const Id u = args[0];
    const Node a = s_[u];
    if (a.kind == Kind::number && rule.exact)
      if (auto v = rule.exact(value(a.q))) return number(*v);
    if (rule.inverse && a.kind == Kind::call && a.code == rule.inverse) return s_.items(u)[0].node;
    if (rule.parity != Parity::none && negative(u)) {
      const Id minus_u = scale(u, minus_one_);
      const Id f = call(code, {&minus_u, 1});
      switch (rule.parity) {
        case Parity::even:
          return f;
        case Parity::odd:
          return scale(f, minus_one_);
        default:
          return sum({{f, minus_one_}}, one);
      }
    }
    // sigmoid(2u) = (1 + tanh(u))/2 where the formula has tanh(u): the derivative of tanh,
    // recorded as 4 sigmoid(2u) sigmoid(-2u) for accuracy, then reads as 1 - tanh(u)^2.
    if (code == logistic && tanh_op) {
      const Item half{scale(u, half_), 0};
      const std::int64_t t = s_.find(Kind::call, tanh_op, 0, {&half, 1});
      if (t >= 0) return sum({{static_cast<Id>(t), half_}}, half_);
    }
  }
  std::vector<Item> items;
  for (Id a : args) items.push_back({a, 0});
  return s_.intern(Kind::call, code, 0, items);
}

Id Algebra::power_of(Id base, Id exponent) {
  const Node e = s_[exponent];
  if (e.kind == Kind::number) return power(base, e.q);
  const Item items[] = {{base, 0}, {exponent, 0}};
  return s_.intern(Kind::power, 0, 0, items);
}

Id Algebra::power(Id base, Q e) {
  return product({{base, e}});
}

Id Algebra::scale(Id n, Q k) {
  if (k == one) return n;
  if (k == zero) return number(zero);
  const Node x = s_[n];
  if (x.kind == Kind::number) {
    if (auto p = times(x.q, k)) return number(*p);
  } else if (x.kind == Kind::product && x.count <= small) {
    if (auto c = times(x.q, k)) {
      std::vector<Term> f;
      for (const Item& i : s_.items(n)) f.push_back({i.node, i.q});
      return product(std::move(f), *c);
    }
  } else if (x.kind == Kind::sum && x.count <= small) {
    std::vector<Term> t;
    for (const Item& i : s_.items(n)) t.push_back({i.node, i.q});
    bool fits = true;
    for (Term& term : t) {
      auto c = times(term.k, k);
      if (!c) fits = false;
      if (!fits) break;
      term.k = *c;
    }
    auto c = times(x.q, k);
    if (fits && c) return sum(std::move(t), *c);
  }
  return product({{n, one}}, k);
}

// --- Sums ----------------------------------------------------------------------------------

Id Algebra::sum(std::vector<Term> terms, Q constant) {
  std::vector<Term> out;
  out.reserve(terms.size());
  std::vector<Term> spliced;
  for (const Term& t : terms) {
    if (t.k == zero) continue;
    const Node n = s_[t.node];
    if (n.kind == Kind::number) {
      auto p = times(t.k, n.q);
      auto c = p ? plus(constant, *p) : std::nullopt;
      if (c) {
        constant = *c;
        continue;
      }
    } else if (n.kind == Kind::sum && n.count <= small) {
      // A small sum is spliced in: its terms join this one's.
      spliced.assign(s_.items(t.node).size(), Term{});
      bool fits = true;
      for (std::size_t j = 0; fits && j < spliced.size(); ++j) {
        const Item i = s_.items(t.node)[j];
        auto c = times(t.k, i.q);
        if (!c) fits = false;
        if (fits) spliced[j] = {i.node, *c};
      }
      auto p = fits ? times(t.k, n.q) : std::nullopt;
      auto c = p ? plus(constant, *p) : std::nullopt;
      if (c) {
        constant = *c;
        out.insert(out.end(), spliced.begin(), spliced.end());
        continue;
      }
    } else if (n.kind == Kind::product && n.q != one && n.count <= small) {
      // 3*x*y is the term x*y with coefficient 3, so that 3*x*y + x*y is 4*x*y.
      if (auto c = times(t.k, n.q)) {
        const std::span<const Item> f = s_.items(t.node);
        const Id unit =
            f.size() == 1 && f[0].q == one ? f[0].node : s_.intern(Kind::product, 0, one, f);
        out.push_back({unit, *c});
        continue;
      }
    }
    out.push_back(t);
  }
  return make_sum(out, constant);
}

void Algebra::merge(std::vector<Term>& out) {
  sort_by_node(out);
  // Each run of one node: its k added up once (a run of 10^6 is one sum, not 10^6 new
  // rationals), in machine integers while they are small.
  std::size_t w = 0;
  for (std::size_t r = 0; r < out.size();) {
    std::size_t end = r;
    std::int64_t small_total = 0;
    bool small_run = true;
    while (end < out.size() && out[end].node == out[r].node) {
      const std::int64_t v = s_.small_value(out[end].k);
      small_run = small_run && v != Store::not_small &&
                  !__builtin_add_overflow(small_total, v, &small_total);
      ++end;
    }
    std::vector<Q> totals;
    if (small_run) {
      totals.push_back(s_.integer(small_total));
    } else {
      Rational total(0);
      for (std::size_t k = r; k < end; ++k) {
        if (auto t = checked_sum(total, value(out[k].k))) {
          total = *t;
        } else {  // past the size limit: this part stays a term of its own
          totals.push_back(s_.rational(total));
          total = value(out[k].k);
        }
      }
      totals.push_back(s_.rational(total));
    }
    for (Q t : totals)
      if (t != zero) out[w++] = {out[r].node, t};
    r = end;
  }
  out.resize(w);
}

Id Algebra::make_sum(std::vector<Term>& out, Q constant) {
  merge(out);
  if (out.size() <= small && pythagoras(out)) return sum(std::move(out), constant);
  if (out.empty()) return number(constant);
  if (out.size() == 1 && constant == zero) return scale(out[0].node, out[0].k);
  std::vector<Item> items;
  items.reserve(out.size());
  for (const Term& t : out) items.push_back({t.node, t.k});
  return s_.intern(Kind::sum, 0, constant, items);
}

bool Algebra::pythagoras(std::vector<Term>& terms) {
  // Only sums holding a square of sin or cos are looked at.
  if (!sine || !cosine) return false;
  auto holds_square = [&](const Term& t) {
    if (s_[t.node].kind != Kind::product) return false;
    for (const Item& i : s_.items(t.node)) {
      const Node b = s_[i.node];
      if (b.kind == Kind::call && (b.code == sine || b.code == cosine) && s_.small_value(i.q) == 2)
        return true;
    }
    return false;
  };
  if (std::none_of(terms.begin(), terms.end(), holds_square)) return false;
  // (u, the rest of the term) when n is f(u)^2 * rest with f = code.
  auto squared = [&](Id n, OpCode code) -> std::optional<std::pair<Id, Id>> {
    const Node x = s_[n];
    if (x.kind != Kind::product) return std::nullopt;
    std::vector<Term> rest;
    std::optional<Id> u;
    for (const Item& i : s_.items(n)) {
      const Node b = s_[i.node];
      if (!u && b.kind == Kind::call && b.code == code && s_.small_value(i.q) == 2)
        u = s_.items(i.node)[0].node;
      else
        rest.push_back({i.node, i.q});
    }
    if (!u) return std::nullopt;
    return std::pair{*u, product(std::move(rest), x.q)};
  };
  std::map<std::pair<Id, Id>, std::size_t> sines;
  for (std::size_t k = 0; k < terms.size(); ++k)
    if (auto s = squared(terms[k].node, sine)) sines.emplace(*s, k);
  bool changed = false;
  for (std::size_t k = 0; k < terms.size(); ++k) {
    auto c = squared(terms[k].node, cosine);
    if (!c) continue;
    auto it = sines.find(*c);
    if (it == sines.end()) continue;
    Term& s = terms[it->second];
    Term& co = terms[k];
    if (s.k == zero || co.k == zero) continue;
    const auto [u, rest] = *c;
    if (s.k == co.k) {  // a sin^2 + a cos^2 = a
      s = {rest, s.k};
      co.k = zero;
      changed = true;
    } else if (s.k == negated(co.k)) {  // a cos^2 - a sin^2 = a cos(2u)
      const Id two_u = scale(u, two_);
      s = {product({{rest, one}, {call(cosine, {&two_u, 1}), one}}), co.k};
      co.k = zero;
      changed = true;
    }
  }
  return changed;
}

// --- Products ------------------------------------------------------------------------------

std::pair<Id, Q> Algebra::primitive(Id s) {
  if (auto it = primitive_of_.find(s); it != primitive_of_.end()) return it->second;
  const Node x = s_[s];
  const std::vector<Item> items(s_.items(s).begin(), s_.items(s).end());
  Rational g = value(x.q);
  for (const Item& i : items) g = g == 0 ? abs(value(i.q)) : content_gcd(g, value(i.q));
  g = worth_taking_out(abs(g));
  if (s_.sign(items[0].q) < 0) g = -g;
  std::pair<Id, Q> result{s, one};
  if (g != 1) {
    std::vector<Item> scaled;
    for (const Item& i : items) scaled.push_back({i.node, s_.rational(value(i.q) / g)});
    result = {s_.intern(Kind::sum, 0, s_.rational(value(x.q) / g), scaled), s_.rational(g)};
  }
  primitive_of_.emplace(s, result);
  return result;
}

Id Algebra::product(std::vector<Term> factors, Q coefficient) {
  std::vector<Term> out;
  out.reserve(factors.size());
  std::vector<Term> spliced;
  for (const Term& f : factors) {
    if (f.k == zero) continue;
    const Node n = s_[f.node];
    if (n.kind == Kind::product && n.count <= small) {
      if (s_.whole(f.k)) {
        // (c * x^a * y^b)^k = c^k x^(ak) y^(bk) for a whole k.
        auto ck = raised(n.q, f.k);
        auto c = ck ? times(coefficient, *ck) : std::nullopt;
        spliced.clear();
        for (std::size_t j = 0; c && j < n.count; ++j) {
          const Item i = s_.items(f.node)[j];
          auto e = times(i.q, f.k);
          if (!e) c.reset();
          if (c) spliced.push_back({i.node, *e});
        }
        if (c) {
          coefficient = *c;
          out.insert(out.end(), spliced.begin(), spliced.end());
          continue;
        }
      } else if (n.q == one && n.count == 1 && !s_.whole(s_.items(f.node)[0].q)) {
        // (x^a)^k = x^(ak) when a is not whole: x^a already requires x >= 0. (x^2)^(1/2) is
        // |x|, so a whole a stays.
        const Item inner = s_.items(f.node)[0];
        if (auto e = times(inner.q, f.k)) {
          out.push_back({inner.node, *e});
          continue;
        }
      }
    } else if (n.kind == Kind::sum && s_.whole(f.k) && n.count <= small) {
      // (2x - 2)^k = 2^k (x - 1)^k: equal factors then look equal.
      const auto [p, g] = primitive(f.node);
      if (g != one) {
        auto gk = raised(g, f.k);
        auto c = gk ? times(coefficient, *gk) : std::nullopt;
        if (c) {
          coefficient = *c;
          out.push_back({p, f.k});
          continue;
        }
      }
    }
    out.push_back(f);
  }
  return make_product(out, coefficient);
}

Id Algebra::make_product(std::vector<Term>& out, Q coefficient) {
  if (coefficient == zero) return number(zero);
  merge(out);
  // Numbers fold into the coefficient once equal ones are merged: 0.5 taken 10^6 times is
  // 0.5^1000000, kept as a power, not a coefficient grown to the size limit.
  for (std::size_t k = 0; k < out.size();) {
    const Node n = s_[out[k].node];
    if (n.kind == Kind::number) {
      auto p = raised(n.q, out[k].k);
      auto c = p ? times(coefficient, *p) : std::nullopt;
      if (c) {
        coefficient = *c;
        out.erase(out.begin() + static_cast<std::ptrdiff_t>(k));
        continue;
      }
    }
    ++k;
  }
  if (coefficient == zero) return number(zero);
  // b^E * b^F = b^(E + F) for an exponent E that is not a number (b^E already requires b > 0
  // unless E is whole): x * x^(x - 1) is x^x.
  for (std::size_t a = 0; out.size() <= small && a < out.size(); ++a) {
    if (s_[out[a].node].kind != Kind::power || out[a].k != one) continue;
    const Id base = s_.items(out[a].node)[0].node, e = s_.items(out[a].node)[1].node;
    for (std::size_t b = 0; b < out.size(); ++b) {
      if (b == a) continue;
      std::vector<Term> exponent{{e, one}};
      Q constant = zero;
      if (out[b].node == base) {
        constant = out[b].k;
      } else if (s_[out[b].node].kind == Kind::power && out[b].k == one &&
                 s_.items(out[b].node)[0].node == base) {
        exponent.push_back({s_.items(out[b].node)[1].node, one});
      } else {
        continue;
      }
      if (!spend(out.size() + 2)) break;  // the sum, the power and the product built below
      std::vector<Term> rest;
      for (std::size_t k = 0; k < out.size(); ++k)
        if (k != a && k != b) rest.push_back(out[k]);
      rest.push_back({power_of(base, sum(std::move(exponent), constant)), one});
      return product(std::move(rest), coefficient);
    }
  }
  // 2 sin(u) cos(u) = sin(2u): shorter whenever the coefficient stays whole.
  const auto is_sine = [&](const Term& t) {
    const Node f = s_[t.node];
    return f.kind == Kind::call && sine && cosine && f.code == sine && t.k == one;
  };
  if (out.size() <= small && std::any_of(out.begin(), out.end(), is_sine) &&
      s_.whole(coefficient) && !s_.odd(coefficient)) {
    for (std::size_t a = 0; a < out.size(); ++a) {
      if (!is_sine(out[a])) continue;
      const Id u = s_.items(out[a].node)[0].node;
      for (std::size_t b = 0; b < out.size(); ++b) {
        const Node fb = s_[out[b].node];
        if (fb.kind != Kind::call || fb.code != cosine || out[b].k != one ||
            s_.items(out[b].node)[0].node != u)
          continue;
        const Id two_u = scale(u, two_);
        std::vector<Term> rest;
        for (std::size_t k = 0; k < out.size(); ++k)
          if (k != a && k != b) rest.push_back(out[k]);
        rest.push_back({call(sine, {&two_u, 1}), one});
        return product(std::move(rest), *times(coefficient, half_));
      }
    }
  }
  if (out.empty()) return number(coefficient);
  if (coefficient == one && out.size() == 1 && out[0].k == one) return out[0].node;
  const Node single = s_[out[0].node];
  if (out.size() == 1 && out[0].k == one && single.kind == Kind::sum && single.count <= small) {
    // c * (a + b) = c*a + c*b: a coefficient goes into a single sum, as people write it.
    std::vector<Term> t;
    bool fits = true;
    for (const Item& i : s_.items(out[0].node)) {
      auto k = times(i.q, coefficient);
      if (!k) fits = false;
      if (!fits) break;
      t.push_back({i.node, *k});
    }
    auto c = fits ? times(single.q, coefficient) : std::nullopt;
    if (c) return sum(std::move(t), *c);
  }
  std::vector<Item> items;
  items.reserve(out.size());
  for (const Term& t : out) items.push_back({t.node, t.k});
  return s_.intern(Kind::product, 0, coefficient, items);
}

// --- Shorter forms -------------------------------------------------------------------------

std::optional<Id> Algebra::expand(std::vector<Term> terms, Q constant) {
  // Each term with how many products of sums led to it: a sum nested in a product nested in a
  // sum ... is multiplied out to a few levels only, so nesting cannot make it long work.
  constexpr int deepest = 4;
  std::vector<std::pair<Term, int>> work;
  for (const Term& t : terms) work.push_back({t, 0});
  std::vector<Term> done;
  bool changed = false;
  std::size_t steps = 0;
  while (!work.empty()) {
    const auto [t, depth] = work.back();
    work.pop_back();
    const Node n = s_[t.node];
    std::optional<std::size_t> which;
    if (n.kind == Kind::product && n.count <= small && depth < deepest) {
      // A sum with fractions first: its denominators may cancel against the other factors
      // (x*p*(p - 1)*(y/p - (y - 1)/(p - 1)) is x*(p - y)), which they cannot once those
      // factors are multiplied out themselves.
      const std::span<const Item> f = s_.items(t.node);
      for (std::size_t k = 0; k < f.size(); ++k) {
        const Node b = s_[f[k].node];
        if (b.kind != Kind::sum || b.count > small || !s_.whole(f[k].q) || s_.sign(f[k].q) <= 0)
          continue;
        if (!which) which = k;
        if (fractions_in(f[k].node) > 0) {
          which = k;
          break;
        }
      }
    }
    if (!which) {
      done.push_back(t);
      continue;
    }
    if (++steps > 4 * small) return std::nullopt;
    // t = mono * s: each term of s times mono.
    std::vector<Term> mono_factors;
    Id s = 0;
    for (std::size_t k = 0; const Item& i : s_.items(t.node)) {
      Q e = i.q;
      if (k++ == *which) s = i.node, e = *plus(e, minus_one_);
      mono_factors.push_back({i.node, e});
    }
    const Id mono = product(std::move(mono_factors), n.q);
    const std::vector<Item> items(s_.items(s).begin(), s_.items(s).end());
    const Q s_constant = s_[s].q;
    if (!spend(items.size() + 1)) return std::nullopt;  // the products built below
    for (const Item& i : items) {
      auto k = times(t.k, i.q);
      if (!k) return std::nullopt;
      work.push_back({{product({{mono, one}, {i.node, one}}), *k}, depth + 1});
    }
    if (s_constant != zero) {
      auto k = times(t.k, s_constant);
      if (!k) return std::nullopt;
      work.push_back({{mono, *k}, depth + 1});
    }
    changed = true;
    if (work.size() + done.size() > small) return std::nullopt;
  }
  if (!changed) return std::nullopt;
  return sum(std::move(done), constant);
}

std::optional<Id> Algebra::factor_out(Id s) {
  const Node x = s_[s];
  if (x.kind != Kind::sum || x.count > small || !spend(x.count + 1)) return std::nullopt;
  struct Row {
    Q k;
    std::vector<Term> f;
  };
  std::vector<Row> rows;
  const std::vector<Item> items(s_.items(s).begin(), s_.items(s).end());
  for (const Item& i : items) {
    const Node b = s_[i.node];
    Row r{i.q, {}};
    if (b.kind == Kind::product) {
      auto k = times(i.q, b.q);
      if (!k) return std::nullopt;
      r.k = *k;
      for (const Item& j : s_.items(i.node)) r.f.push_back({j.node, j.q});
    } else {
      r.f.push_back({i.node, one});
    }
    rows.push_back(std::move(r));
  }
  if (x.q != zero) rows.push_back({x.q, {}});
  Rational g(0);
  bool all_negative = true;
  for (const Row& r : rows) {
    g = g == 0 ? abs(value(r.k)) : content_gcd(g, value(r.k));
    all_negative = all_negative && s_.sign(r.k) < 0;
  }
  g = worth_taking_out(abs(g));
  if (all_negative) g = -g;
  const Q gq = s_.rational(g);
  // The least exponent of each base over all rows (a row without it has exponent 0).
  std::map<Id, std::pair<Q, std::size_t>> least;
  for (const Row& r : rows)
    for (const Term& t : r.f) {
      auto [it, fresh] = least.try_emplace(t.node, t.k, 0);
      if (!fresh && less(t.k, it->second.first)) it->second.first = t.k;
      ++it->second.second;
    }
  std::vector<Term> common;
  for (auto& [base, m] : least) {
    if (m.second < rows.size() && s_.sign(m.first) > 0) m.first = zero;
    if (m.first != zero) common.push_back({base, m.first});
  }
  if (gq == one && common.empty()) return std::nullopt;
  std::vector<Term> cofactor;
  const Q g_inverse = s_.rational(1 / g);
  for (Row& r : rows) {
    std::vector<Term> f = std::move(r.f);
    for (const Term& c : common) f.push_back({c.node, negated(c.k)});
    auto k = times(r.k, g_inverse);
    if (!k) return std::nullopt;
    cofactor.push_back({product(std::move(f), *k), one});
  }
  Id rest = sum(std::move(cofactor));
  if (s_[rest].kind == Kind::sum) {
    std::vector<Term> t;
    for (const Item& i : s_.items(rest)) t.push_back({i.node, i.q});
    if (auto e = expand(std::move(t), s_[rest].q)) rest = shorter(rest, *e);
  }
  common.push_back({rest, one});
  return product(std::move(common), gq);
}

Id Algebra::expand_some(Id p) {
  const Node x = s_[p];
  std::vector<Term> rest, sums;
  for (const Item& i : s_.items(p)) {
    const Node b = s_[i.node];
    const bool expandable =
        b.kind == Kind::sum && b.count <= small && s_.whole(i.q) && s_.sign(i.q) > 0;
    (expandable ? sums : rest).push_back({i.node, i.q});
  }
  Id best = p;
  if (sums.size() < 2 || sums.size() > 4) return best;
  // Every choice of two or more sum factors, multiplied out alone.
  for (unsigned mask = 1; mask < (1u << sums.size()); ++mask) {
    if (std::popcount(mask) < 2) continue;
    std::vector<Term> chosen, f = rest;
    for (std::size_t k = 0; k < sums.size(); ++k) ((mask >> k) & 1 ? chosen : f).push_back(sums[k]);
    const auto e = expand({{product(std::move(chosen)), one}}, zero);
    if (!e) continue;
    f.push_back({*e, one});
    best = shorter(best, product(std::move(f), x.q));
  }
  return best;
}

// The factors with a negative power in a sum's terms.
std::size_t Algebra::fractions_in(Id sum) const {
  std::size_t count = 0;
  for (const Item& t : s_.items(sum))
    if (s_[t.node].kind == Kind::product)
      for (const Item& f : s_.items(t.node)) count += s_.sign(f.q) < 0;
  return count;
}

// Terms with a denominator inside the sums of a product (or of a sum itself): a fraction
// within a fraction, 1/(x + y^2/x), reads worse than x/(x^2 + y^2) of the same length.
std::size_t Algebra::inner_fractions(Id n) const {
  const Node x = s_[n];
  if (x.kind == Kind::sum) return fractions_in(n);
  std::size_t count = 0;
  if (x.kind == Kind::product)
    for (const Item& f : s_.items(n))
      if (s_[f.node].kind == Kind::sum) count += fractions_in(f.node);
  return count;
}

Id Algebra::shorter(Id a, Id b) const {
  const Node x = s_[a], y = s_[b];
  if (x.size != y.size) return y.size < x.size ? b : a;
  const bool x_sum = x.kind == Kind::sum, y_sum = y.kind == Kind::sum;
  if (x_sum != y_sum) return x_sum ? b : a;
  const std::size_t fa = inner_fractions(a), fb = inner_fractions(b);
  if (fa != fb) return fb < fa ? b : a;
  if (x.nested != y.nested) return y.nested < x.nested ? b : a;
  return y.count < x.count ? b : a;
}

Id Algebra::tidy(Id n) {
  const Node x = s_[n];
  if (x.count > small || fuel_ == 0) return n;
  if (x.kind == Kind::sum) {
    Id best = n;
    std::vector<Term> t;
    for (const Item& i : s_.items(n)) t.push_back({i.node, i.q});
    const auto expanded = expand(std::move(t), x.q);
    if (expanded) best = shorter(best, *expanded);
    if (auto f = factor_out(n)) best = shorter(best, *f);
    if (expanded)
      if (auto f = factor_out(*expanded)) best = shorter(best, *f);
    return best;
  }
  if (x.kind == Kind::product) {
    // Only products holding a sum to a whole power can be multiplied out: above the line
    // (a sum to a positive power) or below it (to a negative one).
    bool above = false, below = false;
    for (const Item& i : s_.items(n))
      if (s_[i.node].kind == Kind::sum && s_.whole(i.q)) (s_.sign(i.q) > 0 ? above : below) = true;
    Id best = n;
    if (above) {
      best = expand_some(n);
      if (auto e = expand({{n, one}}, zero)) {
        best = shorter(best, *e);
        // Multiplied out and factored again: x*p*(p - 1)*(y/p - (y - 1)/(p - 1)) is x*(p - y).
        if (auto f = factor_out(*e)) best = shorter(best, *f);
      }
    }
    if (below) {
      // The denominator multiplied out as one sum: y/(x^2*(y^2/x^2 + 1)) is y/(x^2 + y^2).
      std::vector<Term> top, bottom;
      for (const Item& i : s_.items(n))
        if (s_.sign(i.q) < 0)
          bottom.push_back({i.node, negated(i.q)});
        else
          top.push_back({i.node, i.q});
      // Or with its common factor taken out: 1/(x + y^2/x) is x/(x^2 + y^2).
      const Id d = product(std::move(bottom));
      auto over = [&](Id denominator) {
        std::vector<Term> f = top;
        f.push_back({denominator, minus_one_});
        best = shorter(best, product(std::move(f), x.q));
      };
      const std::optional<Id> e = expand({{d, one}}, zero);
      if (e) over(*e);
      for (const Id sum : {d, e.value_or(d)})
        if (s_[sum].kind == Kind::sum)
          if (auto f = factor_out(sum)) over(*f);
    }
    return best;
  }
  return n;
}

}  // namespace dlmath::symbolic
