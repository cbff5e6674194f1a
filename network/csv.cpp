#include "network/csv.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace dlmath {

namespace {

std::string trim(std::string s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string::npos) return "";
  const auto last = s.find_last_not_of(" \t\r");
  return s.substr(first, last - first + 1);
}

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> cells;
  std::stringstream in(line);
  std::string cell;
  while (std::getline(in, cell, ',')) cells.push_back(trim(cell));
  if (!line.empty() && line.back() == ',') cells.emplace_back();
  return cells;
}

}  // namespace

Dataset dataset_from_csv(const std::string& text, const std::string& source) {
  auto fail = [&](int line, const std::string& what) {
    return std::invalid_argument(source + ":" + std::to_string(line) + ": " + what);
  };
  std::stringstream in(text);
  std::string line;
  int number = 0, header_line = 0;
  Dataset d;
  d.name = source;
  while (std::getline(in, line)) {
    ++number;
    if (trim(line).empty() || trim(line)[0] == '#') continue;
    const auto cells = split(line);
    if (header_line == 0) {
      header_line = number;
      if (cells.size() < 2)
        throw fail(number, "the header needs at least one feature column and a class column");
      d.feature_names.assign(cells.begin(), cells.end() - 1);
      continue;
    }
    if (cells.size() != d.feature_names.size() + 1)
      throw fail(number, "expected " + std::to_string(d.feature_names.size() + 1) +
                             " columns (as in the header), found " + std::to_string(cells.size()));
    std::vector<std::string> x;
    for (std::size_t k = 0; k + 1 < cells.size(); ++k) {
      try {
        const double v = from_decimal<double>(cells[k]);
        if (!std::isfinite(v)) throw std::invalid_argument("");
      } catch (const std::invalid_argument& e) {  // says why: not a number, too large, ...
        throw fail(number, "column " + std::to_string(k + 1) + " ('" + d.feature_names[k] +
                               "'): " + e.what());
      }
      x.push_back(cells[k]);
    }
    const std::string& cls = cells.back();
    if (cls.empty()) throw fail(number, "the class column is empty");
    auto it = std::find(d.class_names.begin(), d.class_names.end(), cls);
    if (it == d.class_names.end()) {
      d.class_names.push_back(cls);
      it = d.class_names.end() - 1;
    }
    d.features.push_back(std::move(x));
    d.category.push_back(static_cast<int>(it - d.class_names.begin()));
  }
  if (header_line == 0)
    throw fail(std::max(number, 1), "the file is empty (expected a header row)");
  if (d.size() == 0) throw fail(number, "no data rows after the header");
  if (d.classes() < 2)
    throw fail(number, "every row is of class '" + d.class_names.front() +
                           "': a classifier needs at least two classes");
  return d;
}

Dataset load_csv(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::invalid_argument(path + ": cannot open the file");
  std::stringstream text;
  text << in.rdbuf();
  return dataset_from_csv(text.str(), path);
}

}  // namespace dlmath
