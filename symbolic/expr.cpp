#include "symbolic/expr.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace dlmath::symbolic {

namespace {

constexpr std::uint64_t size_cap = std::uint64_t{1} << 60;

std::uint64_t add_sizes(std::uint64_t a, std::uint64_t b) {
  return std::min(size_cap, a + b);
}

std::uint64_t mix(std::uint64_t h, std::uint64_t v) {
  h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
  h ^= h >> 31;
  h *= 0xbf58476d1ce4e5b9ull;
  return h ^ (h >> 29);
}

}  // namespace

int number_tokens(const Rational& r) {
  // An integer is one token: no need to write it out (sizes are taken at every new node).
  const int minus = symbolic::sign(r) < 0 ? 1 : 0;
  if (is_integer(r)) return 1 + minus;
  return number_text(r).tokens + minus;
}

int exponent_tokens(const Rational& e) {
  if (is_integer(e)) return 1;
  return number_text(e).tokens;
}

Store::Store() : small_ids_(2 * small_integers, none), slots_(1024, -1) {
  integer(0);  // id 0
  integer(1);  // id 1
}

std::uint32_t Store::rational(const Rational& r) {
  // Small whole numbers (most coefficients and exponents) without hashing.
  if (is_integer(r) && r < small_integers && r > -small_integers)
    return integer(numerator(r).convert_to<long>());
  return intern_rational(r);
}

std::uint32_t Store::integer(std::int64_t v) {
  if (v >= small_integers || v <= -small_integers) return intern_rational(Rational(v));
  std::uint32_t& known = small_ids_[static_cast<std::size_t>(v + small_integers)];
  if (known == none) known = intern_rational(Rational(v));
  return known;
}

std::uint32_t Store::intern_rational(const Rational& r) {
  const std::uint64_t h = hash_of(r);
  auto [begin, end] = rational_ids_.equal_range(h);
  for (auto it = begin; it != end; ++it)
    if (rationals_[it->second] == r) return it->second;
  const auto id = static_cast<std::uint32_t>(rationals_.size());
  rationals_.push_back(r);
  rational_hashes_.push_back(h);
  Facts f{not_small, static_cast<std::int8_t>(symbolic::sign(r)), is_integer(r)};
  if (f.whole && r < INT32_MAX && r > -INT32_MAX) f.small = numerator(r).convert_to<std::int64_t>();
  facts_.push_back(f);
  rational_ids_.emplace(h, id);
  return id;
}

std::uint32_t Store::text(std::string_view s) {
  auto [it, fresh] =
      text_ids_.try_emplace(std::string(s), static_cast<std::uint32_t>(texts_.size()));
  if (fresh) texts_.emplace_back(s);
  return it->second;
}

std::uint64_t Store::hash(Kind kind, OpCode code, std::uint32_t q,
                          std::span<const Item> items) const {
  std::uint64_t h = mix(static_cast<std::uint64_t>(kind) * 257 + code, rational_or_text(kind, q));
  const bool rationals = kind == Kind::product || kind == Kind::sum;
  for (const Item& i : items) h = mix(mix(h, i.node), rationals ? rational_hashes_[i.q] : 0);
  return h;
}

std::uint64_t Store::rational_or_text(Kind kind, std::uint32_t q) const {
  if (kind == Kind::literal || kind == Kind::name) return q;
  if (kind == Kind::call || kind == Kind::power) return 0;
  return rational_hashes_[q];
}

bool Store::same(Id n, Kind kind, OpCode code, std::uint32_t q, std::span<const Item> items) const {
  const Node& x = nodes_[n];
  if (x.kind != kind || x.code != code || x.q != q || x.count != items.size()) return false;
  const Item* mine = items_.data() + x.first;
  for (std::size_t k = 0; k < items.size(); ++k)
    if (mine[k].node != items[k].node || mine[k].q != items[k].q) return false;
  return true;
}

std::int64_t Store::find(Kind kind, OpCode code, std::uint32_t q,
                         std::span<const Item> items) const {
  const std::uint64_t h = hash(kind, code, q, items);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t s = h & mask;; s = (s + 1) & mask) {
    const std::int64_t n = slots_[s];
    if (n < 0) return -1;
    if (nodes_[static_cast<Id>(n)].hash == h && same(static_cast<Id>(n), kind, code, q, items))
      return n;
  }
}

Id Store::intern(Kind kind, OpCode code, std::uint32_t q, std::span<const Item> items) {
  // Operands read from this store's own list must be copied before the list grows.
  if (!items.empty() && items.data() >= items_.data() &&
      items.data() < items_.data() + items_.size()) {
    const std::vector<Item> copy(items.begin(), items.end());
    return intern(kind, code, q, copy);
  }
  const std::uint64_t h = hash(kind, code, q, items);
  const std::size_t mask = slots_.size() - 1;
  std::size_t s = h & mask;
  for (;; s = (s + 1) & mask) {
    const std::int64_t n = slots_[s];
    if (n < 0) break;
    if (nodes_[static_cast<Id>(n)].hash == h && same(static_cast<Id>(n), kind, code, q, items))
      return static_cast<Id>(n);
  }
  if (nodes_.size() >= std::numeric_limits<Id>::max() - 1)
    throw std::length_error("formula: too many subexpressions");
  Node x;
  x.kind = kind;
  x.code = code;
  x.q = q;
  x.first = static_cast<std::uint32_t>(items_.size());
  x.count = static_cast<std::uint32_t>(items.size());
  x.hash = h;
  x.size = size_of(kind, q, items);
  x.nested = nested_of(kind, items);
  items_.insert(items_.end(), items.begin(), items.end());
  const Id id = static_cast<Id>(nodes_.size());
  nodes_.push_back(x);
  slots_[s] = id;
  if (nodes_.size() * 2 > slots_.size()) grow();
  return id;
}

void Store::grow() {
  std::vector<std::int64_t> bigger(slots_.size() * 2, -1);
  const std::size_t mask = bigger.size() - 1;
  for (Id n = 0; n < nodes_.size(); ++n) {
    std::size_t s = nodes_[n].hash & mask;
    while (bigger[s] >= 0) s = (s + 1) & mask;
    bigger[s] = n;
  }
  slots_.swap(bigger);
}

std::uint64_t Store::product_size(const Rational& c, std::span<const Item> items) const {
  return product_tokens(c, items, true);
}

std::uint64_t Store::product_tokens(const Rational& c, std::span<const Item> items,
                                    bool with_sign) const {
  std::uint64_t top = 0, bottom = 0;
  int top_count = 0, bottom_count = 0;
  if (is_integer(c)) {
    if (!is_unit(c)) top += 1, ++top_count;
  } else if (reads_as_decimal(c)) {
    top += 1, ++top_count;
  } else {
    if (!is_unit(Rational(numerator(c)))) top += 1, ++top_count;
    bottom += 1, ++bottom_count;
  }
  for (const Item& i : items) {
    const Facts& f = facts_[i.q];
    std::uint64_t t = nodes_[i.node].size;
    if (f.small == 1 || f.small == -1) {
    } else if (f.whole) {
      t = add_sizes(t, 2);  // ^n
    } else {
      const Rational& m = rationals_[i.q];
      t = add_sizes(t, is_half(m) ? 1 : 1 + static_cast<std::uint64_t>(number_text(m).tokens));
    }
    if (f.sign > 0)
      top = add_sizes(top, t), ++top_count;
    else
      bottom = add_sizes(bottom, t), ++bottom_count;
  }
  if (top_count == 0 && bottom_count == 0)
    return static_cast<std::uint64_t>(number_tokens(c)) -
           (!with_sign && symbolic::sign(c) < 0 ? 1 : 0);
  // A minus is not written when a sum raised to an odd power takes it: -(u - 1) is (1 - u).
  bool minus = with_sign && symbolic::sign(c) < 0;
  for (const Item& i : items)
    if (minus && odd(i.q) && turn_of(i.node) != Turn::worse) minus = false;
  std::uint64_t n = top_count > 0 ? add_sizes(top, static_cast<std::uint64_t>(top_count - 1)) : 1;
  if (bottom_count > 0)
    n = add_sizes(n, add_sizes(bottom, static_cast<std::uint64_t>(bottom_count)));
  return add_sizes(n, minus ? 1 : 0);
}

// Where an operand is written among its siblings (see written_order).
struct Store::Order {
  double degree;  // of a sum's term: the sum of its exponents; a number 0, anything else 1
  int rank;       // number, name, call, power, product, sum
  std::string_view name;
  Id id;
  double weight = 0;  // a sum's term: |coefficient|, so cos(x) + 2*cos(2*x) + 3*cos(3*x)
  bool before(const Order& o, bool by_degree) const {
    if (by_degree && degree != o.degree) return degree > o.degree;
    if (rank != o.rank) return rank < o.rank;
    if (name != o.name) return name < o.name;
    if (weight != o.weight) return weight < o.weight;
    return id < o.id;
  }
};

Store::Order Store::order_of(const Item& i) const {
  const Node& x = nodes_[i.node];
  Order o{1, 5, {}, i.node};
  // The place of one node by its kind alone (a product among factors is a big one, kept whole).
  auto shallow = [&](Id n, Order& into) {
    const Node& y = nodes_[n];
    into.id = n;
    into.name = {};
    into.rank = y.kind == Kind::number                            ? 0
                : y.kind == Kind::name || y.kind == Kind::literal ? 1
                : y.kind == Kind::call                            ? 2
                : y.kind == Kind::power                           ? 3
                : y.kind == Kind::product                         ? 4
                                                                  : 5;
    if (into.rank == 1) into.name = texts_[y.q];
  };
  if (x.kind != Kind::product) {
    shallow(i.node, o);
    if (x.kind == Kind::number) o.degree = 0;
    return o;
  }
  // A product as a term: its degree, and the place of its first factor.
  o.degree = 0;
  bool first = true;
  for (std::uint32_t k = 0; k < x.count; ++k) {
    const Item& f = items_[x.first + k];
    o.degree += as_double(f.q);
    Order fo{};
    shallow(f.node, fo);
    if (first || fo.before(o, false)) o.rank = fo.rank, o.name = fo.name, o.id = fo.id;
    first = false;
  }
  return o;
}

double Store::as_double(std::uint32_t q) const {
  const std::int64_t v = facts_[q].small;
  return v != not_small ? static_cast<double>(v) : rationals_[q].convert_to<double>();
}

std::vector<Item> Store::written_order(Id n) const {
  const Node& x = nodes_[n];
  std::vector<Item> items(items_.begin() + x.first, items_.begin() + x.first + x.count);
  const bool by_degree = x.kind == Kind::sum;
  std::vector<std::pair<Order, Item>> keyed;
  for (const Item& i : items) {
    keyed.push_back({by_degree ? order_of(i) : order_of({i.node, 1}), i});
    if (by_degree) keyed.back().first.weight = std::abs(as_double(i.q));
  }
  std::stable_sort(keyed.begin(), keyed.end(), [&](const auto& a, const auto& b) {
    return a.first.before(b.first, by_degree);
  });
  for (std::size_t k = 0; k < items.size(); ++k) items[k] = keyed[k].second;
  return items;
}

// The sign of a sum's term as written: its coefficient k, times that of a product term (only a
// product's q is a coefficient: a name's or a literal's is its text).
bool Store::term_negative(const Node& t, std::uint32_t k) const {
  const bool minus = symbolic::sign(rationals_[k]) < 0;
  return t.kind == Kind::product ? minus != (symbolic::sign(rationals_[t.q]) < 0) : minus;
}

bool Store::leads_with_minus(std::uint32_t q, std::span<const Item> items, bool turned) const {
  const Rational& constant = rationals_[q];
  std::size_t terms = items.size() + (symbolic::sign(constant) != 0 ? 1 : 0);
  std::size_t negatives = symbolic::sign(constant) < 0 ? 1 : 0;
  const Item* first = nullptr;
  Order best{};
  for (const Item& i : items) {
    const Node& t = nodes_[i.node];
    negatives += term_negative(t, i.q);
    const Order o = order_of(i);
    if (!first || o.before(best, true)) first = &i, best = o;
  }
  if (terms == 2) return (turned ? 2 - negatives : negatives) == 2;  // else a - b
  if (!first) return (symbolic::sign(constant) < 0) != turned;
  return term_negative(nodes_[first->node], first->q) != turned;
}

bool Store::leads_with_minus(Id s, bool turned) const {
  const Node& x = nodes_[s];
  return leads_with_minus(x.q, {items_.data() + x.first, x.count}, turned);
}

Store::Turn Store::turn_of(std::uint32_t q, std::span<const Item> items) const {
  const bool now = leads_with_minus(q, items, false), turned = leads_with_minus(q, items, true);
  if (now && !turned) return Turn::better;
  if (!now && turned) return Turn::worse;
  // f(u) - 1 reads better as 1 - f(u), as in 1 - sigmoid(x) and 1 - tanh(x)^2; x - 1 stays.
  const Rational& constant = rationals_[q];
  if (items.size() == 1 && symbolic::sign(constant) < 0 && facts_[items[0].q].sign > 0 &&
      order_of(items[0]).rank == 2)
    return Turn::better;
  return Turn::same;
}

Store::Turn Store::turn_of(Id s) const {
  const Node& x = nodes_[s];
  if (x.kind != Kind::sum) return Turn::worse;
  return turn_of(x.q, {items_.data() + x.first, x.count});
}

std::uint32_t Store::nested_of(Kind kind, std::span<const Item> operands) const {
  std::uint64_t n = 0;
  for (const Item& i : operands) {
    const Node& x = nodes_[i.node];
    n += x.nested + (kind == Kind::product && x.kind == Kind::sum ? 1 : 0);
  }
  return static_cast<std::uint32_t>(std::min<std::uint64_t>(n, 1u << 30));
}

std::uint64_t Store::size_of(Kind kind, std::uint32_t q, std::span<const Item> operands) const {
  switch (kind) {
    case Kind::number:
      return static_cast<std::uint64_t>(number_tokens(rationals_[q]));
    case Kind::literal:
    case Kind::name:
      return 1;
    case Kind::call: {
      std::uint64_t n = 1;
      for (const Item& i : operands) n = add_sizes(n, nodes_[i.node].size);
      return n;
    }
    case Kind::power:
      return add_sizes(add_sizes(nodes_[operands[0].node].size, 1), nodes_[operands[1].node].size);
    case Kind::product:
      return product_size(rationals_[q], operands);
    case Kind::sum: {
      const Rational& constant = rationals_[q];
      std::uint64_t n = 0;
      for (const Item& i : operands) {
        const Node& t = nodes_[i.node];
        const Item alone{i.node, one};
        std::uint64_t tokens;
        // The term's sign is the sum's + or -, counted below.
        if (t.kind != Kind::product)
          tokens = product_tokens(rationals_[i.q], {&alone, 1}, false);
        else if (t.q == one)
          tokens = product_tokens(rationals_[i.q], items(i.node), false);
        else
          tokens =
              product_tokens(Rational(rationals_[i.q] * rationals_[t.q]), items(i.node), false);
        n = add_sizes(n, tokens);
      }
      std::uint64_t terms = operands.size();
      if (symbolic::sign(constant) != 0)
        n = add_sizes(n, static_cast<std::uint64_t>(number_text(constant).tokens)), ++terms;
      n = add_sizes(n, terms - 1);
      return add_sizes(n, leads_with_minus(q, operands, false) ? 1 : 0);
    }
  }
  return 1;
}

}  // namespace dlmath::symbolic
