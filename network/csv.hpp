// Loading a data set from CSV: a header row, numeric feature columns, then a last column with
// the class name. Errors say file:line and what is wrong.
#pragma once

#include <string>

#include "network/dataset.hpp"

namespace dlmath {

// Parses CSV text; `source` names it in errors.
Dataset dataset_from_csv(const std::string& text, const std::string& source);

// Reads and parses a CSV file.
Dataset load_csv(const std::string& path);

}  // namespace dlmath
