// Building canonical expressions: sums and products flattened, like terms and equal factors
// merged with exact rational coefficients and exponents, constants folded exactly, signs and
// the identities of the activations normalised (sigmoid(-u) is 1 - sigmoid(u)). `tidy` then
// picks the shortest of a few equal forms (as built, expanded, with a common factor taken out).
//
// Every rule works on one node and its operands; nothing recurses over an expression. Work that
// could grow (splicing a shared sum into another, expanding products of sums) is done only below
// fixed sizes, so hostile input stays near-linear.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "symbolic/expr.hpp"

namespace dlmath::symbolic {

// A rational, by its id in the store.
using Q = std::uint32_t;

// A term of a sum (node times coefficient k) or a factor of a product (node to the power k).
struct Term {
  Id node;
  Q k;
};

class Algebra {
 public:
  // Sums and products with at most this many operands are spliced into a parent, expanded, or
  // factored; larger ones are kept whole as an operand.
  static constexpr std::size_t small = 64;
  static constexpr Q zero = Store::zero, one = Store::one;

  const Store& store() const { return s_; }
  Q q(const Rational& r) { return s_.rational(r); }
  Q integer(std::int64_t v) { return s_.integer(v); }

  Id number(Q v);
  Id number(const Rational& r) { return number(q(r)); }
  // A constant of the program, from decimal text that reads back to its value.
  Id constant(const std::string& decimal);
  Id name(std::string_view n);
  Id call(OpCode code, std::span<const Id> args);
  Id power(Id base, Q e);
  // base^exponent for an exponent that is an expression (a number: as power above).
  Id power_of(Id base, Id exponent);
  Id sum(std::vector<Term> terms, Q constant = zero);
  Id product(std::vector<Term> factors, Q coefficient = one);
  Id scale(Id n, Q k);
  // The shortest of n as built, n expanded, and n with its common factor taken out.
  Id tidy(Id n);

  // Work allowed for trying shorter forms in `tidy` (steps of multiplying out, rows of
  // factoring). The caller gives it in proportion to its input, so that shapes which nest
  // sums in products in sums cost near-linear time; once spent, forms are kept as built.
  void allow(std::uint64_t work) { fuel_ = work; }
  std::uint64_t fuel() const { return fuel_; }

  // Whether n reads as the negative of a simpler expression (-x, -2*y, y - x for x before y):
  // f(-u) is rewritten by the symmetry of f only for such u, so each pair u, -u has one form.
  bool negative(Id n) const;

 private:
  const Rational& value(Q id) const { return s_.value(id); }
  // Arithmetic on ids; nullopt past the size limit of folded constants.
  std::optional<Q> times(Q a, Q b);
  std::optional<Q> plus(Q a, Q b);
  Q negated(Q a);
  std::optional<Q> raised(Q base, Q e);  // e whole, or a root that is exact
  bool less(Q a, Q b) const { return value(a) < value(b); }

  // Sorted by node, equal nodes made one with their k added, zero k dropped.
  void merge(std::vector<Term>& terms);
  Id make_sum(std::vector<Term>& terms, Q constant);
  Id make_product(std::vector<Term>& factors, Q coefficient);
  // A sum s as factor * p, p with coprime integer coefficients and its first term positive.
  std::pair<Id, Q> primitive(Id s);
  // sin(u)^2 and cos(u)^2 with the same other factors: sin^2 + cos^2 = 1, cos^2 - sin^2 =
  // cos(2u). Applied to a merged term list in place; whether anything changed.
  bool pythagoras(std::vector<Term>& terms);
  // The terms with every product of sums multiplied out; nullopt if nothing was or the result
  // would pass `small` terms.
  std::optional<Id> expand(std::vector<Term> terms, Q constant);
  // A sum written as g * (s / g), g the largest monomial factor of its terms (negative powers
  // included, so a sum of fractions gets one denominator); nullopt if g is 1.
  std::optional<Id> factor_out(Id s);
  // A product with some of its sum factors multiplied out together, the other factors kept:
  // x*(y - t)*(t - 1)*(t + 1) as x*(y - t)*(t^2 - 1).
  Id expand_some(Id p);
  // The shorter of two equal forms; between equal sizes, a product over a sum
  // (sigmoid(x)*(1 - sigmoid(x)), not sigmoid(x) - sigmoid(x)^2), then the one with fewer
  // fractions inside its sums (x/(x^2 + y^2), not 1/(x + y^2/x)), then with fewer sums inside
  // (x^2 - 2*x + 2, not x*(x - 2) + 2), then with fewer operands; else a.
  Id shorter(Id a, Id b) const;
  std::size_t inner_fractions(Id n) const;
  std::size_t fractions_in(Id sum) const;

  bool spend(std::uint64_t work) {
    if (fuel_ < work) {
      fuel_ = 0;
      return false;
    }
    fuel_ -= work;
    return true;
  }

  Store s_;
  std::uint64_t fuel_ = ~std::uint64_t{0};
  const Q minus_one_ = s_.integer(-1), two_ = s_.integer(2), half_ = s_.rational(Rational(1, 2));
  std::unordered_map<Id, std::pair<Id, Q>> primitive_of_;
};

}  // namespace dlmath::symbolic
