#include "network/csv.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "network/sha256.hpp"

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

bool is_number(const std::string& cell) {
  try {
    return std::isfinite(from_decimal<double>(cell));
  } catch (const std::invalid_argument&) {
    return false;
  }
}

}  // namespace

Dataset dataset_from_csv(const std::string& text, const std::string& source) {
  auto fail = [&](int line, const std::string& what) {
    return std::invalid_argument(source + ":" + std::to_string(line) + ": " + what);
  };
  std::stringstream in(text);
  std::string line;
  int number = 0, first_line = 0;
  bool header = false;
  Dataset d;
  d.name = source;
  while (std::getline(in, line)) {
    ++number;
    if (trim(line).empty() || trim(line)[0] == '#') continue;
    const auto cells = split(line);
    if (first_line == 0) {
      first_line = number;
      if (cells.size() < 2)
        throw fail(number, "the first row needs at least one feature column and a class column");
      // A first row whose features are all numbers is data, not a header.
      header = !std::all_of(cells.begin(), cells.end() - 1, is_number);
      if (header) {
        d.feature_names.assign(cells.begin(), cells.end() - 1);
        for (std::size_t k = 0; k < d.feature_names.size(); ++k)
          if (d.feature_names[k].empty())
            throw fail(number, "the header's column " + std::to_string(k + 1) + " is empty");
        continue;
      }
      for (std::size_t k = 1; k < cells.size(); ++k)
        d.feature_names.push_back("x" + std::to_string(k));
    }
    if (cells.size() != d.feature_names.size() + 1)
      throw fail(number, "expected " + std::to_string(d.feature_names.size() + 1) +
                             " columns (as " +
                             (header ? "in the header" : "on line " + std::to_string(first_line)) +
                             "), found " + std::to_string(cells.size()));
    std::vector<std::string> x;
    for (std::size_t k = 0; k + 1 < cells.size(); ++k) {
      const std::string column =
          "column " + std::to_string(k + 1) + " ('" + d.feature_names[k] + "')";
      if (cells[k].empty()) throw fail(number, column + " is empty");
      try {
        from_decimal<double>(cells[k]);
      } catch (const std::invalid_argument& e) {  // says why: not a number, too large, ...
        throw fail(number, column + ": " + e.what());
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
  if (first_line == 0) throw fail(std::max(number, 1), "the file is empty (no rows of data)");
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
  Dataset d = dataset_from_csv(text.str(), path);
  d.path = path;
  d.sha256 = sha256_hex(text.str());
  return d;
}

}  // namespace dlmath
