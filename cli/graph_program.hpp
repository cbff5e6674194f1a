// Drawing an expression program's graph (dlmath graph PROGRAM).
#pragma once

#include <string>
#include <vector>

namespace dlmath::cli {

void draw_program(const std::string& program, const std::string& file,
                  const std::vector<std::string>& at, const std::string& output, int digits,
                  std::size_t limit, bool full);

}  // namespace dlmath::cli
