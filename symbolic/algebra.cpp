#include "symbolic/algebra.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <map>

#include "ops/abs.hpp"
#include "ops/cos.hpp"
#include "ops/exp.hpp"
#include "ops/log.hpp"
#include "ops/relu.hpp"
#include "ops/sigmoid.hpp"
#include "ops/sign.hpp"
#include "ops/sin.hpp"
#include "ops/step.hpp"
#include "ops/tanh.hpp"

namespace dlmath::symbolic {

namespace {

// What a function satisfies, for the functions that have rules; any other op is a plain f(u).
enum class Parity { none, even, odd, complement };  // f(-u) = f(u), -f(u), 1 - f(u)
using Exact = std::optional<Rational> (*)(const Rational&);
struct CallRule {
  OpCode code;
  Parity parity;
  Exact exact;     // f at a rational, when that is rational
  OpCode inverse;  // f(g(u)) = u for this g (0: none)
};

std::optional<Rational> at_zero(const Rational& r, int value) {
  if (r == 0) return Rational(value);
  return std::nullopt;
}

const std::array<const CallRule*, 256>& call_rules() {
  static const CallRule rules[] = {
      {Exp::code, Parity::none, [](const Rational& r) { return at_zero(r, 1); }, Log::code},
      {Log::code, Parity::none,
       [](const Rational& r) -> std::optional<Rational> {
         if (r == 1) return Rational(0);
         return std::nullopt;
       },
       Exp::code},
      {Sin::code, Parity::odd, [](const Rational& r) { return at_zero(r, 0); }, 0},
      {Cos::code, Parity::even, [](const Rational& r) { return at_zero(r, 1); }, 0},
      {Tanh::code, Parity::odd, [](const Rational& r) { return at_zero(r, 0); }, 0},
      {Sigmoid::code, Parity::complement,
       [](const Rational& r) -> std::optional<Rational> {
         if (r == 0) return Rational(1, 2);
         return std::nullopt;
       },
       0},
      {Abs::code, Parity::even, [](const Rational& r) -> std::optional<Rational> { return abs(r); },
       0},
      {Sign::code, Parity::odd,
       [](const Rational& r) -> std::optional<Rational> {
         return Rational(r > 0 ? 1 : r < 0 ? -1 : 0);
       },
       0},
      {Relu::code, Parity::none,
       [](const Rational& r) -> std::optional<Rational> { return r > 0 ? r : Rational(0); }, 0},
      {Step::code, Parity::none,
       [](const Rational& r) -> std::optional<Rational> { return Rational(r > 0 ? 1 : 0); }, 0},
  };
  static const std::array<const CallRule*, 256> by_code = [] {
    std::array<const CallRule*, 256> a{};
    for (const CallRule& r : rules) a[r.code] = &r;
    return a;
  }();
  return by_code;
}

Rational content_gcd(const Rational& a, const Rational& b) {
  // gcd of numerators over lcm of denominators: the largest rational dividing both.
  return Rational(gcd(numerator(a), numerator(b)), lcm(denominator(a), denominator(b)));
}

}  // namespace

Id Algebra::number(const Rational& r) {
  return s_.intern(Kind::number, 0, s_.rational(r), {});
}

Id Algebra::constant(const std::string& decimal) {
  if (auto r = rational_from_decimal(decimal)) return number(*r);
  // Too large to fold exactly: kept as written, an atom like a name.
  const bool minus = !decimal.empty() && decimal[0] == '-';
  const Id literal = s_.intern(Kind::literal, 0, s_.text(decimal.substr(minus ? 1 : 0)), {});
  return minus ? scale(literal, Rational(-1)) : literal;
}

Id Algebra::name(std::string_view n) {
  return s_.intern(Kind::name, 0, s_.text(n), {});
}

bool Algebra::negative(Id n) const {
  const Node x = s_[n];
  switch (x.kind) {
    case Kind::number:
      return q(x.q) < 0;
    case Kind::product:
      return x.count <= small && q(x.q) < 0;
    case Kind::sum:
      return x.count <= small && q(s_.items(n)[0].q) < 0;
    default:
      return false;
  }
}

Id Algebra::call(OpCode code, std::span<const Id> args) {
  const CallRule* rule = call_rules()[code];
  if (rule && args.size() == 1) {
    const Id u = args[0];
    const Node a = s_[u];
    if (a.kind == Kind::number && rule->exact)
      if (auto v = rule->exact(q(a.q))) return number(*v);
    if (rule->inverse && a.kind == Kind::call && a.code == rule->inverse)
      return s_.items(u)[0].node;
    if (rule->parity != Parity::none && negative(u)) {
      const Id minus_u = scale(u, Rational(-1));
      const Id f = call(code, {&minus_u, 1});
      switch (rule->parity) {
        case Parity::even:
          return f;
        case Parity::odd:
          return scale(f, Rational(-1));
        default:
          return sum({{f, Rational(-1)}}, Rational(1));
      }
    }
    // sigmoid(2u) = (1 + tanh(u))/2 where the formula has tanh(u): the derivative of tanh,
    // recorded as 4 sigmoid(2u) sigmoid(-2u) for accuracy, then reads as 1 - tanh(u)^2.
    if (code == Sigmoid::code) {
      const Item half{scale(u, Rational(1, 2)), 0};
      const std::int64_t t = s_.find(Kind::call, Tanh::code, 0, {&half, 1});
      if (t >= 0) return sum({{static_cast<Id>(t), Rational(1, 2)}}, Rational(1, 2));
    }
  }
  std::vector<Item> items;
  for (Id a : args) items.push_back({a, 0});
  return s_.intern(Kind::call, code, 0, items);
}

Id Algebra::power(Id base, Id exponent) {
  const Node e = s_[exponent];
  if (e.kind == Kind::number) return power(base, q(e.q));
  const Item items[] = {{base, 0}, {exponent, 0}};
  return s_.intern(Kind::power, 0, 0, items);
}

Id Algebra::power(Id base, const Rational& e) {
  return product({{base, e}});
}

Id Algebra::scale(Id n, const Rational& k) {
  if (k == 1) return n;
  if (k == 0) return number(Rational(0));
  const Node x = s_[n];
  if (x.kind == Kind::number) {
    if (auto p = checked_product(q(x.q), k)) return number(*p);
  } else if (x.kind == Kind::product && x.count <= small) {
    if (auto c = checked_product(q(x.q), k)) {
      std::vector<Term> f;
      for (const Item& i : s_.items(n)) f.push_back({i.node, q(i.q)});
      return product(std::move(f), *c);
    }
  } else if (x.kind == Kind::sum && x.count <= small) {
    std::vector<Term> t;
    for (const Item& i : s_.items(n)) {
      auto c = checked_product(q(i.q), k);
      if (!c) return product({{n, Rational(1)}}, k);
      t.push_back({i.node, *c});
    }
    if (auto c = checked_product(q(x.q), k)) return sum(std::move(t), *c);
  }
  return product({{n, Rational(1)}}, k);
}

Id Algebra::sum(std::vector<Term> terms, Rational constant) {
  std::vector<Term> out;
  out.reserve(terms.size());
  for (Term& t : terms) {
    if (t.k == 0) continue;
    const Node n = s_[t.node];
    if (n.kind == Kind::number) {
      if (auto p = checked_product(t.k, q(n.q)))
        if (auto c = checked_sum(constant, *p)) {
          constant = *c;
          continue;
        }
    } else if (n.kind == Kind::sum && n.count <= small) {
      // A small sum is spliced in: its terms join this one's.
      std::vector<Term> spliced;
      bool fits = true;
      for (const Item& i : s_.items(t.node)) {
        auto c = checked_product(t.k, q(i.q));
        if (!c) {
          fits = false;
          break;
        }
        spliced.push_back({i.node, *c});
      }
      auto p = checked_product(t.k, q(n.q));
      auto c = p ? checked_sum(constant, *p) : std::nullopt;
      if (fits && c) {
        constant = *c;
        out.insert(out.end(), spliced.begin(), spliced.end());
        continue;
      }
    } else if (n.kind == Kind::product && q(n.q) != 1 && n.count <= small) {
      // 3*x*y is the term x*y with coefficient 3, so that 3*x*y + x*y is 4*x*y.
      if (auto c = checked_product(t.k, q(n.q))) {
        const std::span<const Item> f = s_.items(t.node);
        const Id unit = f.size() == 1 && f[0].q == s_.one()
                            ? f[0].node
                            : s_.intern(Kind::product, 0, s_.one(), f);
        out.push_back({unit, *c});
        continue;
      }
    }
    out.push_back(std::move(t));
  }
  return make_sum(out, constant);
}

Id Algebra::make_sum(std::vector<Term>& out, const Rational& constant_in) {
  Rational constant = constant_in;
  std::sort(out.begin(), out.end(), [](const Term& a, const Term& b) { return a.node < b.node; });
  std::size_t w = 0;
  for (std::size_t r = 0; r < out.size(); ++r) {
    if (w > 0 && out[w - 1].node == out[r].node)
      if (auto k = checked_sum(out[w - 1].k, out[r].k)) {
        out[w - 1].k = *k;
        continue;
      }
    if (w > 0 && out[w - 1].k == 0) --w;
    out[w++] = std::move(out[r]);
  }
  if (w > 0 && out[w - 1].k == 0) --w;
  out.resize(w);
  if (out.size() <= small) {
    const std::size_t before = out.size();
    pythagoras(out, constant);
    if (out.size() != before) return sum(std::move(out), constant);
  }
  if (out.empty()) return number(constant);
  if (out.size() == 1 && constant == 0) return scale(out[0].node, out[0].k);
  std::vector<Item> items;
  items.reserve(out.size());
  for (const Term& t : out) items.push_back({t.node, s_.rational(t.k)});
  return s_.intern(Kind::sum, 0, s_.rational(constant), items);
}

std::pair<Id, Rational> Algebra::primitive(Id s) {
  if (auto it = primitive_of_.find(s); it != primitive_of_.end()) return it->second;
  const Node x = s_[s];
  const std::vector<Item> items(s_.items(s).begin(), s_.items(s).end());
  Rational g = q(x.q);
  for (const Item& i : items) g = g == 0 ? abs(q(i.q)) : content_gcd(g, q(i.q));
  g = abs(g);
  if (q(items[0].q) < 0) g = -g;
  std::pair<Id, Rational> result{s, Rational(1)};
  if (g != 1) {
    std::vector<Item> scaled;
    for (const Item& i : items) scaled.push_back({i.node, s_.rational(q(i.q) / g)});
    result = {s_.intern(Kind::sum, 0, s_.rational(q(x.q) / g), scaled), g};
  }
  primitive_of_.emplace(s, result);
  return result;
}

Id Algebra::product(std::vector<Term> factors, Rational coefficient) {
  std::vector<Term> out;
  out.reserve(factors.size());
  for (Term& f : factors) {
    if (f.k == 0) continue;
    const Node n = s_[f.node];
    if (n.kind == Kind::product && n.count <= small) {
      const std::span<const Item> inner = s_.items(f.node);
      if (is_integer(f.k)) {
        // (c * x^a * y^b)^k = c^k x^(ak) y^(bk) for a whole k.
        auto ck = checked_power(q(n.q), f.k);
        auto c = ck ? checked_product(coefficient, *ck) : std::nullopt;
        std::vector<Term> spliced;
        for (const Item& i : inner) {
          auto e = checked_product(q(i.q), f.k);
          if (!e) {
            c.reset();
            break;
          }
          spliced.push_back({i.node, *e});
        }
        if (c) {
          coefficient = *c;
          out.insert(out.end(), spliced.begin(), spliced.end());
          continue;
        }
      } else if (q(n.q) == 1 && inner.size() == 1 && !is_integer(q(inner[0].q))) {
        // (x^a)^k = x^(ak) when a is not whole: x^a already requires x >= 0. (x^2)^(1/2) is
        // |x|, so a whole a stays.
        if (auto e = checked_product(q(inner[0].q), f.k)) {
          out.push_back({inner[0].node, *e});
          continue;
        }
      }
    } else if (n.kind == Kind::sum && is_integer(f.k) && n.count <= small) {
      // (2x - 2)^k = 2^k (x - 1)^k: equal factors then look equal.
      const auto [p, g] = primitive(f.node);
      if (g != 1) {
        auto gk = checked_power(g, f.k);
        auto c = gk ? checked_product(coefficient, *gk) : std::nullopt;
        if (c) {
          coefficient = *c;
          out.push_back({p, f.k});
          continue;
        }
      }
    }
    out.push_back(std::move(f));
  }
  return make_product(out, coefficient);
}

Id Algebra::make_product(std::vector<Term>& out, const Rational& coefficient_in) {
  Rational coefficient = coefficient_in;
  if (coefficient == 0) return number(Rational(0));
  std::sort(out.begin(), out.end(), [](const Term& a, const Term& b) { return a.node < b.node; });
  std::size_t w = 0;
  for (std::size_t r = 0; r < out.size(); ++r) {
    if (w > 0 && out[w - 1].node == out[r].node)
      if (auto k = checked_sum(out[w - 1].k, out[r].k)) {
        out[w - 1].k = *k;
        continue;
      }
    if (w > 0 && out[w - 1].k == 0) --w;
    out[w++] = std::move(out[r]);
  }
  if (w > 0 && out[w - 1].k == 0) --w;
  out.resize(w);
  // Numbers fold into the coefficient once equal ones are merged: 0.5 taken 10^6 times is
  // 0.5^1000000, kept as a power, not a coefficient grown to the size limit.
  for (std::size_t k = 0; k < out.size();) {
    const Node n = s_[out[k].node];
    if (n.kind == Kind::number) {
      auto p = out[k].k == 1          ? std::optional<Rational>(q(n.q))
               : is_integer(out[k].k) ? checked_power(q(n.q), out[k].k)
                                      : exact_root(q(n.q), out[k].k);
      auto c = p ? checked_product(coefficient, *p) : std::nullopt;
      if (c) {
        coefficient = *c;
        out.erase(out.begin() + static_cast<std::ptrdiff_t>(k));
        continue;
      }
    }
    ++k;
  }
  if (coefficient == 0) return number(Rational(0));
  // 2 sin(u) cos(u) = sin(2u): shorter whenever the coefficient stays whole.
  const auto is_sine = [&](const Term& t) {
    const Node f = s_[t.node];
    return f.kind == Kind::call && f.code == Sin::code && t.k == 1;
  };
  if (out.size() <= small && std::any_of(out.begin(), out.end(), is_sine) &&
      is_integer(coefficient) && numerator(coefficient) % 2 == 0) {
    for (std::size_t a = 0; a < out.size(); ++a) {
      const Node fa = s_[out[a].node];
      if (fa.kind != Kind::call || fa.code != Sin::code || out[a].k != 1) continue;
      const Id u = s_.items(out[a].node)[0].node;
      for (std::size_t b = 0; b < out.size(); ++b) {
        const Node fb = s_[out[b].node];
        if (fb.kind != Kind::call || fb.code != Cos::code || out[b].k != 1 ||
            s_.items(out[b].node)[0].node != u)
          continue;
        const Id two_u = scale(u, Rational(2));
        std::vector<Term> rest;
        for (std::size_t k = 0; k < out.size(); ++k)
          if (k != a && k != b) rest.push_back(out[k]);
        rest.push_back({call(Sin::code, {&two_u, 1}), Rational(1)});
        return product(std::move(rest), coefficient / 2);
      }
    }
  }
  if (out.empty()) return number(coefficient);
  if (coefficient == 1 && out.size() == 1 && out[0].k == 1) return out[0].node;
  if (out.size() == 1 && out[0].k == 1 && s_[out[0].node].kind == Kind::sum &&
      s_[out[0].node].count <= small) {
    // c * (a + b) = c*a + c*b: a coefficient goes into a single sum, as people write it.
    std::vector<Term> t;
    for (const Item& i : s_.items(out[0].node)) t.push_back({i.node, q(i.q) * coefficient});
    return sum(std::move(t), q(s_[out[0].node].q) * coefficient);
  }
  std::vector<Item> items;
  items.reserve(out.size());
  for (const Term& t : out) items.push_back({t.node, s_.rational(t.k)});
  return s_.intern(Kind::product, 0, s_.rational(coefficient), items);
}

void Algebra::pythagoras(std::vector<Term>& terms, Rational& constant) {
  // Only sums holding a square of sin or cos are looked at.
  auto squared = [&](Id n, OpCode code) -> std::optional<std::pair<Id, Id>> {
    // (u, the rest of the term) when n is f(u)^2 * rest with f = code.
    const Node x = s_[n];
    std::vector<Term> rest;
    std::optional<Id> u;
    if (x.kind == Kind::product) {
      for (const Item& i : s_.items(n)) {
        const Node b = s_[i.node];
        if (!u && b.kind == Kind::call && b.code == code && q(i.q) == 2)
          u = s_.items(i.node)[0].node;
        else
          rest.push_back({i.node, q(i.q)});
      }
      if (!u) return std::nullopt;
      return std::pair{*u, product(std::move(rest), q(x.q))};
    }
    return std::nullopt;
  };
  bool any = false;
  for (const Term& t : terms) {
    const Node x = s_[t.node];
    if (x.kind != Kind::product) continue;
    for (const Item& i : s_.items(t.node)) {
      const Node b = s_[i.node];
      if (b.kind == Kind::call && (b.code == Sin::code || b.code == Cos::code) && q(i.q) == 2)
        any = true;
    }
  }
  if (!any) return;
  std::map<std::pair<Id, Id>, std::size_t> sines;
  for (std::size_t k = 0; k < terms.size(); ++k)
    if (auto s = squared(terms[k].node, Sin::code)) sines.emplace(*s, k);
  bool changed = false;
  for (std::size_t k = 0; k < terms.size(); ++k) {
    auto c = squared(terms[k].node, Cos::code);
    if (!c) continue;
    auto it = sines.find(*c);
    if (it == sines.end()) continue;
    Term& s = terms[it->second];
    Term& co = terms[k];
    if (s.k == 0 || co.k == 0) continue;
    const auto [u, rest] = *c;
    if (s.k == co.k) {  // a sin^2 + a cos^2 = a
      s = {rest, s.k};
      co.k = 0;
      changed = true;
    } else if (s.k == -co.k) {  // a cos^2 - a sin^2 = a cos(2u)
      const Id two_u = scale(u, Rational(2));
      s = {product({{rest, Rational(1)}, {call(Cos::code, {&two_u, 1}), Rational(1)}}), co.k};
      co.k = 0;
      changed = true;
    }
  }
  if (!changed) return;
  std::vector<Term> kept;
  for (Term& t : terms) {
    if (t.k == 0) continue;
    const Node n = s_[t.node];
    if (n.kind == Kind::number)
      constant += t.k * q(n.q);
    else
      kept.push_back(std::move(t));
  }
  terms = std::move(kept);
}

std::optional<Id> Algebra::expand(std::vector<Term> work, const Rational& constant) {
  std::vector<Term> done;
  bool changed = false;
  std::size_t steps = 0;
  while (!work.empty()) {
    Term t = std::move(work.back());
    work.pop_back();
    const Node n = s_[t.node];
    std::optional<std::size_t> which;
    if (n.kind == Kind::product && n.count <= small) {
      const std::span<const Item> f = s_.items(t.node);
      for (std::size_t k = 0; k < f.size() && !which; ++k) {
        const Node b = s_[f[k].node];
        const Rational& e = q(f[k].q);
        if (b.kind == Kind::sum && b.count <= small && is_integer(e) && e > 0) which = k;
      }
    }
    if (!which) {
      done.push_back(std::move(t));
      continue;
    }
    if (++steps > 4 * small) return std::nullopt;
    // t = mono * s: each term of s times mono.
    std::vector<Term> mono_factors;
    Id s = 0;
    for (std::size_t k = 0; const Item& i : s_.items(t.node)) {
      Rational e = q(i.q);
      if (k++ == *which) s = i.node, e -= 1;
      mono_factors.push_back({i.node, e});
    }
    const Id mono = product(std::move(mono_factors), q(n.q));
    const std::vector<Item> terms(s_.items(s).begin(), s_.items(s).end());
    const Rational s_constant = q(s_[s].q);
    for (const Item& i : terms) {
      auto k = checked_product(t.k, q(i.q));
      if (!k) return std::nullopt;
      work.push_back({product({{mono, Rational(1)}, {i.node, Rational(1)}}), *k});
    }
    if (s_constant != 0) work.push_back({mono, t.k * s_constant});
    changed = true;
    if (work.size() + done.size() > small) return std::nullopt;
  }
  if (!changed) return std::nullopt;
  return sum(std::move(done), constant);
}

std::optional<Id> Algebra::factor_out(Id s) {
  const Node x = s_[s];
  if (x.kind != Kind::sum || x.count > small) return std::nullopt;
  struct Row {
    Rational k;
    std::vector<Term> f;
  };
  std::vector<Row> rows;
  for (const Item& i : s_.items(s)) {
    const Node b = s_[i.node];
    Row r{q(i.q), {}};
    if (b.kind == Kind::product) {
      r.k *= q(b.q);
      for (const Item& j : s_.items(i.node)) r.f.push_back({j.node, q(j.q)});
    } else {
      r.f.push_back({i.node, Rational(1)});
    }
    rows.push_back(std::move(r));
  }
  if (q(x.q) != 0) rows.push_back({q(x.q), {}});
  Rational g(0);
  bool all_negative = true;
  for (const Row& r : rows) {
    g = g == 0 ? abs(r.k) : content_gcd(g, r.k);
    all_negative = all_negative && r.k < 0;
  }
  g = abs(g);
  if (all_negative) g = -g;
  // The least exponent of each base over all rows (a row without it has exponent 0).
  std::map<Id, std::pair<Rational, std::size_t>> least;
  for (const Row& r : rows)
    for (const Term& t : r.f) {
      auto [it, fresh] = least.try_emplace(t.node, t.k, 0);
      if (!fresh && t.k < it->second.first) it->second.first = t.k;
      ++it->second.second;
    }
  std::vector<Term> common;
  for (auto& [base, m] : least) {
    if (m.second < rows.size() && m.first > 0) m.first = 0;
    if (m.first != 0) common.push_back({base, m.first});
  }
  if (g == 1 && common.empty()) return std::nullopt;
  std::vector<Term> cofactor;
  for (Row& r : rows) {
    std::vector<Term> f = std::move(r.f);
    for (const Term& c : common) f.push_back({c.node, -c.k});
    cofactor.push_back({product(std::move(f), r.k / g), Rational(1)});
  }
  Id rest = sum(std::move(cofactor));
  if (s_[rest].kind == Kind::sum) {
    std::vector<Term> t;
    for (const Item& i : s_.items(rest)) t.push_back({i.node, q(i.q)});
    if (auto e = expand(std::move(t), q(s_[rest].q))) rest = shorter(rest, *e);
  }
  common.push_back({rest, Rational(1)});
  return product(std::move(common), g);
}

Id Algebra::shorter(Id a, Id b) const {
  const Node x = s_[a], y = s_[b];
  if (x.size != y.size) return y.size < x.size ? b : a;
  auto terms = [&](Id n, const Node& z) {
    return z.kind == Kind::sum ? z.count + (q(z.q) != 0 ? 1u : 0u) : 1u;
  };
  const auto tx = terms(a, x), ty = terms(b, y);
  if (tx != ty) return ty < tx ? b : a;
  return y.nested < x.nested ? b : a;
}

Id Algebra::expand_some(Id p) {
  const Node x = s_[p];
  std::vector<Term> rest, sums;
  for (const Item& i : s_.items(p)) {
    const Node b = s_[i.node];
    const Rational& e = q(i.q);
    (b.kind == Kind::sum && b.count <= small && is_integer(e) && e > 0 ? sums : rest)
        .push_back({i.node, e});
  }
  Id best = p;
  if (sums.size() < 2 || sums.size() > 4) return best;
  // Every choice of two or more sum factors, multiplied out alone.
  for (unsigned mask = 1; mask < (1u << sums.size()); ++mask) {
    if (std::popcount(mask) < 2) continue;
    std::vector<Term> chosen, f = rest;
    for (std::size_t k = 0; k < sums.size(); ++k) ((mask >> k) & 1 ? chosen : f).push_back(sums[k]);
    const auto e = expand({{product(std::move(chosen)), Rational(1)}}, Rational(0));
    if (!e) continue;
    f.push_back({*e, Rational(1)});
    best = shorter(best, product(std::move(f), q(x.q)));
  }
  return best;
}

Id Algebra::tidy(Id n) {
  const Node x = s_[n];
  if (x.count > small) return n;
  if (x.kind == Kind::sum) {
    Id best = n;
    std::vector<Term> t;
    for (const Item& i : s_.items(n)) t.push_back({i.node, q(i.q)});
    const auto expanded = expand(std::move(t), q(x.q));
    if (expanded) best = shorter(best, *expanded);
    if (auto f = factor_out(n)) best = shorter(best, *f);
    if (expanded)
      if (auto f = factor_out(*expanded)) best = shorter(best, *f);
    return best;
  }
  if (x.kind == Kind::product) {
    Id best = expand_some(n);
    if (auto e = expand({{n, Rational(1)}}, Rational(0))) best = shorter(best, *e);
    return best;
  }
  return n;
}

}  // namespace dlmath::symbolic
