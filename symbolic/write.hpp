// Writing a canonical expression as a person writes it: terms by degree with a positive one
// first (1 - x, not -x + 1), factors with numbers first and sums last, negative powers as a
// denominator (2/(x + 1)^2), x^(1/2) as sqrt(x), and a subexpression written out once as
// `t1 = ...` only where naming it makes the text shorter. As infix that `eval` reads back, or as
// LaTeX. One pass over the nodes, children before parents: no recursion.
#pragma once

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "symbolic/expr.hpp"

namespace dlmath::symbolic {

struct WriteOptions {
  bool latex = false;
  int digits = 0;  // significant digits of long decimals; 0: all (the text reads back exactly)
};

// Names the program gave its own subexpressions (`z = w*x + b`), by canonical node, in the
// program's order.
using GivenNames = std::vector<std::pair<Id, std::string>>;

// `taken`: names the formula reads (inputs), which the `t` names must avoid. A node of
// `given` is written by the program's name, defined once (`z = w*x + b`), as the learner wrote
// it, wherever it occurs but at the root; a name given to two different expressions, or also
// read as an input, is not used.
std::string write(const Store& s, Id root, const WriteOptions& o,
                  const std::set<std::string>& taken, const GivenNames& given = {});

}  // namespace dlmath::symbolic
