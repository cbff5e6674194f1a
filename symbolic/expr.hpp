// The store of canonical expressions: every expression once (hash-consing), its operands
// before it, so equal subexpressions are one node and a node's id is a topological order.
//
//   number    an exact rational
//   literal   a decimal constant too large to fold exactly (1e-99999), kept as written
//   name      an input of the program
//   call      f(a, ...) for an op kept as a function (exp, sigmoid, and any op not special-cased)
//   power     a^b with b not a number (a^2 is a product)
//   product   c * b1^e1 * ... * bn^en: rational coefficient c and rational exponents e
//   sum       c + k1*t1 + ... + kn*tn: rational constant c and coefficients k
//
// Operands of a product and a sum are kept in the order of their ids, so equal products and
// sums are equal node by node; printing orders them for people.
#pragma once

#include <climits>
#include <cstdint>
#include <deque>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/tape.hpp"
#include "symbolic/rational.hpp"

namespace dlmath::symbolic {

using Id = std::uint32_t;

enum class Kind : std::uint8_t { number, literal, name, call, power, product, sum };

// An operand: the node, and a rational (the exponent in a product, the coefficient in a sum;
// unused in a call or power).
struct Item {
  Id node;
  std::uint32_t q;
};

struct Node {
  Kind kind = Kind::number;
  OpCode code = 0;  // call: which op
  std::uint32_t q =
      0;  // number: its value; product: coefficient; sum: constant; literal, name: text
  std::uint32_t first = 0, count = 0;  // operands, in Store::items
  std::uint64_t hash = 0;
  // Tokens (names, numbers, operators) of the node printed in full, with nothing named: how
  // long one form is beside another. Saturates instead of overflowing.
  std::uint64_t size = 1;
  // Sums written inside it as parenthesised factors: between two forms of one size, the one
  // with fewer reads more plainly (x^2 - 2*x + 2, not x*(x - 2) + 2).
  std::uint32_t nested = 0;
};

class Store {
 public:
  Store();

  std::uint32_t rational(const Rational& r);  // interned: equal values, one id
  std::uint32_t integer(std::int64_t v);      // the id of a whole number
  const Rational& value(std::uint32_t q) const { return rationals_[q]; }
  // Facts about an interned rational, read without touching its digits: most coefficients and
  // exponents are small whole numbers, and arithmetic on them needs no big numbers.
  static constexpr std::int64_t not_small = INT64_MIN;
  std::int64_t small_value(std::uint32_t q) const { return facts_[q].small; }
  int sign(std::uint32_t q) const { return facts_[q].sign; }
  bool whole(std::uint32_t q) const { return facts_[q].whole; }
  bool odd(std::uint32_t q) const {
    const Facts& f = facts_[q];
    if (f.small != not_small) return f.small % 2 != 0;
    return f.whole && numerator(rationals_[q]) % 2 != 0;
  }
  static constexpr std::uint32_t zero = 0, one = 1;
  std::uint32_t text(std::string_view s);
  std::string_view text_of(std::uint32_t t) const { return texts_[t]; }

  // A node by value: interning may move the node list, so no reference is handed out.
  Node operator[](Id n) const { return nodes_[n]; }
  // Valid until the next intern.
  std::span<const Item> items(Id n) const {
    return {items_.data() + nodes_[n].first, nodes_[n].count};
  }
  Id size() const { return static_cast<Id>(nodes_.size()); }

  // The node with these parts: the existing one, or a new one. Items of a product or sum must
  // be sorted by node id.
  Id intern(Kind kind, OpCode code, std::uint32_t q, std::span<const Item> items);
  // The existing node with these parts, or -1.
  std::int64_t find(Kind kind, OpCode code, std::uint32_t q, std::span<const Item> items) const;

  // Tokens of a product with coefficient c and these factors, printed in full.
  std::uint64_t product_size(const Rational& c, std::span<const Item> items) const;
  std::uint64_t product_size(std::uint32_t c, std::span<const Item> items) const {
    return product_size(rationals_[c], items);
  }
  // How a sum may be written with its signs turned (as -1 times its negative): `better` when
  // that reads better (sigmoid(x) - 1 as 1 - sigmoid(x), -x^2 + 1 as x^2 - 1), `same` when it
  // costs nothing (y - x as x - y), `worse` when the turned sum would start with a minus.
  enum class Turn { better, same, worse };
  Turn turn_of(Id s) const;

  // Operands in the order they are written: a product's factors with numbers first, then
  // names (alphabetically), functions, powers, and sums last; a sum's terms by degree, highest
  // first (4*x^3 + 1). A two-term sum then puts a positive term first (1 - x).
  std::vector<Item> written_order(Id n) const;
  // Whether the sum is written with a minus in front of its first term.
  bool leads_with_minus(Id s, bool turned) const;

 private:
  std::uint64_t rational_or_text(Kind kind, std::uint32_t q) const;
  std::uint64_t hash(Kind kind, OpCode code, std::uint32_t q, std::span<const Item> items) const;
  bool same(Id n, Kind kind, OpCode code, std::uint32_t q, std::span<const Item> items) const;
  std::uint64_t size_of(Kind kind, std::uint32_t q, std::span<const Item> items) const;
  std::uint64_t product_tokens(const Rational& c, std::span<const Item> items,
                               bool with_sign) const;
  std::uint32_t nested_of(Kind kind, std::span<const Item> items) const;
  double as_double(std::uint32_t q) const;
  struct Order;
  Order order_of(const Item& i) const;
  bool term_negative(const Node& t, std::uint32_t k) const;
  bool leads_with_minus(std::uint32_t q, std::span<const Item> items, bool turned) const;
  Turn turn_of(std::uint32_t q, std::span<const Item> items) const;
  void grow();

  std::vector<Node> nodes_;
  std::vector<Item> items_;
  std::deque<Rational> rationals_;  // a deque: references stay valid as it grows
  std::vector<std::uint64_t> rational_hashes_;
  struct Facts {
    std::int64_t small;  // the value if whole and |value| < 2^31, else not_small
    std::int8_t sign;
    bool whole;
  };
  std::vector<Facts> facts_;
  std::unordered_multimap<std::uint64_t, std::uint32_t> rational_ids_;
  static constexpr long small_integers = 1024;  // ids of -1023..1023, looked up directly
  static constexpr std::uint32_t none = ~std::uint32_t{0};
  std::vector<std::uint32_t> small_ids_;
  std::uint32_t intern_rational(const Rational& r);
  std::vector<std::string> texts_;
  std::unordered_map<std::string, std::uint32_t> text_ids_;
  std::vector<std::int64_t> slots_;  // open addressing over node hashes; -1 empty
};

// Tokens of a number written alone (a minus counts as one).
int number_tokens(const Rational& r);
// Tokens of an exponent e > 0 after a base: "^2", "^1.5", "^(1/3)"; 1/2 is sqrt(...).
int exponent_tokens(const Rational& e);

}  // namespace dlmath::symbolic
