// libFuzzer target: any bytes are either a program or a SyntaxError, never a crash, a hang or
// undefined behaviour. Parsed programs print and parse again to the same tree.
#include <cstddef>
#include <cstdint>
#include <string>

#include "symbolic/syntax.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string source(reinterpret_cast<const char*>(data), size);
  try {
    const auto p = dlmath::symbolic::parse(source);
    for (const auto& s : p.statements) {
      const std::string text = dlmath::symbolic::to_text(p, s.root);
      const auto again = dlmath::symbolic::parse(text);
      if (dlmath::symbolic::to_text(again, again.statements.back().root) != text) __builtin_trap();
    }
  } catch (const dlmath::symbolic::SyntaxError& e) {
    (void)e.formatted(source);
  }
  return 0;
}
