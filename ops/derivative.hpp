// Symbolic differentiation: d(output)/d(wrt) recorded as new nodes of the same graph, so the
// derivative can be evaluated at any precision, replayed, printed, and differentiated again.
//
// It is the reverse sweep of backward(), but every adjoint is a node instead of a number: each
// op records its local partials with the same formulas its numeric backward step uses.
#pragma once

#include <vector>

#include "ops/table.hpp"

namespace dlmath {

template <class T>
Var<T> derivative(const Var<T>& output, const Var<T>& wrt) {
  Tape<T>& t = output.tape();
  const index_t out = output.index(), x = wrt.index();
  if (x > out) return t.constant(0);  // output was recorded first: it cannot depend on wrt

  // Which nodes depend on wrt: only their adjoints are needed.
  std::vector<bool> depends(out + 1, false);
  depends[x] = true;
  for (index_t i = x + 1; i <= out; ++i)
    if (!t.is_leaf(i))
      for (index_t k : t.operands(i))
        if (depends[k]) {
          depends[i] = true;
          break;
        }
  if (!depends[out]) return t.constant(0);

  constexpr index_t none = static_cast<index_t>(-1);
  std::vector<index_t> adjoint(out + 1, none);
  const index_t one = t.constant(1).index();
  adjoint[out] = one;
  std::vector<index_t> operands, partials;
  for (index_t i = out; i > x; --i) {
    if (!depends[i] || adjoint[i] == none) continue;
    // Copy the operands first: recording new nodes may move the tape's storage.
    const auto ops = t.operands(i);
    operands.assign(ops.begin(), ops.end());
    partials.clear();
    t.info(i).record_partials(t, i, partials);
    const Var<T> a(t, adjoint[i]);
    for (std::size_t k = 0; k < operands.size(); ++k) {
      const index_t o = operands[k];
      if (!depends[o]) continue;
      const Var<T> p(t, partials[k]);
      const Var<T> term = adjoint[i] == one ? p : a * p;
      adjoint[o] = adjoint[o] == none ? term.index() : (Var<T>(t, adjoint[o]) + term).index();
    }
  }
  return Var<T>(t, adjoint[x]);
}

}  // namespace dlmath
