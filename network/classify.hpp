// Reading a category off the network's output, and accuracy over a data set.
#pragma once

#include <span>

namespace dlmath {

// The index of the largest output; with a single output, category 0 when it is above 1/2.
template <class T>
int category_of(std::span<const T> F) {
  if (F.size() == 1) return F[0] > T(0.5) ? 0 : 1;
  int best = 0;
  for (int j = 1; j < static_cast<int>(F.size()); ++j)
    if (F[j] > F[best]) best = j;
  return best;
}

}  // namespace dlmath
