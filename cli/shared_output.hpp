// What a command prints and the web API answers, built in one place: `dlmath eval --json` and
// /api/eval, `dlmath diff` and /api/diff, `dlmath graph PROGRAM` and /api/graph.svg.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "visual/graph/drawing.hpp"

namespace dlmath::cli {

// {"value": ..., "gradient": {NAME: ...}}: the program at `at` (NAME=VALUE,...) and its partial
// derivatives by one reverse sweep, in `precision`. Throws UsageError on bad input.
nlohmann::ordered_json eval_json(const std::string& source, const std::vector<std::string>& at,
                                 const std::string& precision);

// The derivative of the program `order` times with respect to `wrt`, as a formula in the
// expression language, or in LaTeX: simplified (symbolic/formula.hpp), or `raw`, the reverse
// sweep's own nodes. Throws UsageError on bad input.
// `digits`: significant digits of constants (0: those the precision carries).
std::string derivative_text(const std::string& source, const std::string& wrt, std::uint64_t order,
                            bool latex, const std::string& precision, int digits = 0,
                            bool raw = false);

// The program's graph with values and gradients at `at`, ready to render.
visual::Drawing program_drawing(const std::string& source, const std::vector<std::string>& at,
                                int digits, std::size_t limit, bool full);

}  // namespace dlmath::cli
