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

// A term of a sum (node times coefficient k) or a factor of a product (node to the power k).
struct Term {
  Id node;
  Rational k;
};

class Algebra {
 public:
  // Sums and products with at most this many operands are spliced into a parent, expanded, or
  // factored; larger ones are kept whole as an operand.
  static constexpr std::size_t small = 64;

  const Store& store() const { return s_; }

  Id number(const Rational& r);
  // A constant of the program, from decimal text that reads back to its value.
  Id constant(const std::string& decimal);
  Id name(std::string_view n);
  Id call(OpCode code, std::span<const Id> args);
  Id power(Id base, Id exponent);
  Id power(Id base, const Rational& e);
  Id sum(std::vector<Term> terms, Rational constant = Rational(0));
  Id product(std::vector<Term> factors, Rational coefficient = Rational(1));
  Id scale(Id n, const Rational& k);
  // The shortest of n as built, n expanded, and n with its common factor taken out.
  Id tidy(Id n);

  // Whether n reads as the negative of a simpler expression (-x, -2*y, y - x for x before y):
  // f(-u) is rewritten by the symmetry of f only for such u, so each pair u, -u has one form.
  bool negative(Id n) const;

 private:
  const Rational& q(std::uint32_t id) const { return s_.value(id); }
  Id make_sum(std::vector<Term>& terms, const Rational& constant);
  Id make_product(std::vector<Term>& factors, const Rational& coefficient);
  // A sum s as factor * p, p with coprime integer coefficients and its first term positive.
  std::pair<Id, Rational> primitive(Id s);
  // sin(u)^2 and cos(u)^2 with the same other factors: sin^2 + cos^2 = 1, cos^2 - sin^2 =
  // cos(2u). Applied to a merged term list in place.
  void pythagoras(std::vector<Term>& terms, Rational& constant);
  // The terms with every product of sums multiplied out; nullopt if nothing was or the result
  // would pass `small` terms.
  std::optional<Id> expand(std::vector<Term> terms, const Rational& constant);
  // A sum written as g * (s / g), g the largest monomial factor of its terms (negative powers
  // included, so a sum of fractions gets one denominator); nullopt if g is 1.
  std::optional<Id> factor_out(Id s);
  // The shorter of two equal forms; between equal sizes, the one with fewer terms (a product
  // over a sum: sigmoid(x)*(1 - sigmoid(x))), then with fewer sums inside; else a.
  Id shorter(Id a, Id b) const;
  // A product with some of its sum factors multiplied out together, the other factors kept:
  // x*(y - t)*(t - 1)*(t + 1) as x*(y - t)*(t^2 - 1).
  Id expand_some(Id p);

  Store s_;
  std::unordered_map<Id, std::pair<Id, Rational>> primitive_of_;
};

}  // namespace dlmath::symbolic
