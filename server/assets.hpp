// The web assets (HTML, CSS, JS, fonts) compiled into the program from web/ at build time.
#pragma once

#include <string_view>
#include <vector>

namespace dlmath::server {

struct Asset {
  std::string_view path;  // "/style.css", "/vendor/katex-0.16.11/katex.min.js"
  std::string_view type;  // its Content-Type
  std::string_view body;
};

const std::vector<Asset>& assets();

// The asset at exactly `path`, or nullptr.
inline const Asset* find_asset(std::string_view path) {
  for (const Asset& a : assets())
    if (a.path == path) return &a;
  return nullptr;
}

}  // namespace dlmath::server
