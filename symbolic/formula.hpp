// A formula for the expression behind a node, as `dlmath diff` prints it: by default the
// canonical form (symbolic/canonical.hpp, written by symbolic/write.hpp), or raw: the nodes as
// the reverse sweep recorded them (symbolic/print.hpp), which shows what backpropagation
// computes.
#pragma once

#include <set>
#include <string>

#include "symbolic/canonical.hpp"
#include "symbolic/print.hpp"
#include "symbolic/write.hpp"

namespace dlmath::symbolic {

struct FormulaOptions {
  bool latex = false;
  int digits = 0;  // raw: significant digits of constants; canonical: of long decimals
  bool raw = false;
};

template <class T>
std::string formula(const Tape<T>& t, index_t output, const FormulaOptions& o = {}) {
  if (o.raw) return print(t, output, PrintOptions{o.latex, o.digits});
  Algebra a;
  std::set<std::string> names;
  Canonical<T> c(a, t);
  const Id root = c.run(output, names);
  return write(a.store(), root, WriteOptions{o.latex, o.digits}, names, c.given());
}

}  // namespace dlmath::symbolic
