// Loading a data set from CSV: numeric feature columns, then a last column with the class name
// (a number or text: 0/1, A/B, cat/dog). The first row is a header naming the columns unless its
// features are all numbers: then it is data, and the features are called x1, x2, ...
// Errors say file:line and what is wrong.
#pragma once

#include <string>

#include "network/dataset.hpp"

namespace dlmath {

// Parses CSV text; `source` names it in errors.
Dataset dataset_from_csv(const std::string& text, const std::string& source);

// Reads and parses a CSV file; records its path and SHA-256.
Dataset load_csv(const std::string& path);

}  // namespace dlmath
