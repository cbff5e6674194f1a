// A labelled data set: points in R^n, each in one of several categories.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/decimal.hpp"

namespace dlmath {

struct Dataset {
  std::string name;
  std::vector<std::string> feature_names;  // "x1", "x2"
  std::vector<std::string> class_names;    // "A", "B"
  std::vector<std::vector<std::string>>
      features;               // per point, as decimal text (exact at any precision)
  std::vector<int> category;  // per point, an index into class_names
  // A data set read from a file: its path and the SHA-256 of its bytes (empty when built in).
  std::string path, sha256;

  int size() const { return static_cast<int>(category.size()); }
  int dimension() const { return static_cast<int>(feature_names.size()); }
  int classes() const { return static_cast<int>(class_names.size()); }

  // The point x_i, read at T's precision.
  template <class T>
  std::vector<T> x(int i) const {
    std::vector<T> v;
    for (const auto& text : features[i]) v.push_back(from_decimal<T>(text));
    return v;
  }
  // The target y(x_i) for a network with `outputs` outputs: one-hot over the categories
  // ([1,0] for A, [0,1] for B), or with a single output 1 for the first category and 0 otherwise.
  template <class T>
  std::vector<T> y(int i, int outputs) const {
    if (outputs == 1) return {T(category[i] == 0 ? 1 : 0)};
    std::vector<T> v(outputs, T(0));
    v[category[i]] = T(1);
    return v;
  }
};

// The paper's ten points: category A (circles) and category B (crosses).
inline Dataset higham10() {
  Dataset d{"higham10", {"x1", "x2"}, {"A", "B"}, {}, {}, {}, {}};
  const char* x1[] = {"0.1", "0.3", "0.1", "0.6", "0.4", "0.6", "0.5", "0.9", "0.4", "0.7"};
  const char* x2[] = {"0.1", "0.4", "0.5", "0.9", "0.2", "0.3", "0.6", "0.2", "0.4", "0.6"};
  for (int i = 0; i < 10; ++i) {
    d.features.push_back({x1[i], x2[i]});
    d.category.push_back(i < 5 ? 0 : 1);
  }
  return d;
}

// The paper's second example: the ten points and one more category-B point at (0.3, 0.7).
inline Dataset higham11() {
  Dataset d = higham10();
  d.name = "higham11";
  d.features.push_back({"0.3", "0.7"});
  d.category.push_back(1);
  return d;
}

// The data sets known by name, one row each: `--data`, /api/train and the book's menus read this.
struct BuiltinDataset {
  std::string_view name;
  Dataset (*make)();
};
inline constexpr BuiltinDataset builtin_datasets[] = {{"higham10", higham10},
                                                      {"higham11", higham11}};

inline std::optional<Dataset> builtin_dataset(const std::string& name) {
  for (const BuiltinDataset& d : builtin_datasets)
    if (d.name == name) return d.make();
  return std::nullopt;
}

}  // namespace dlmath
