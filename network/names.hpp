// Building short names ("W3[2,1]", "neuron 3.2") fast: a graph rebuilt every step names dozens of
// nodes, and snprintf would cost more than the arithmetic.
#pragma once

#include <algorithm>
#include <charconv>
#include <cstring>
#include <string_view>

namespace dlmath {

class Name {
 public:
  Name& operator<<(std::string_view s) {
    const std::size_t n = std::min(s.size(), sizeof buf_ - end_);
    std::memcpy(buf_ + end_, s.data(), n);
    end_ += n;
    return *this;
  }
  // A literal's length is known here, so its copy is a store or two, not a call to memcpy.
  template <std::size_t N>
  Name& operator<<(const char (&s)[N]) {
    if (end_ + (N - 1) > sizeof buf_) return *this << std::string_view(s, N - 1);
    std::memcpy(buf_ + end_, s, N - 1);
    end_ += N - 1;
    return *this;
  }
  Name& operator<<(char c) {
    if (end_ < sizeof buf_) buf_[end_++] = c;
    return *this;
  }
  Name& operator<<(int n) {
    if (n >= 0 && n < 10) return *this << static_cast<char>('0' + n);
    end_ = static_cast<std::size_t>(std::to_chars(buf_ + end_, buf_ + sizeof buf_, n).ptr - buf_);
    return *this;
  }
  std::string_view view() const { return {buf_, end_}; }
  operator std::string_view() const { return view(); }
  operator std::string() const { return std::string(view()); }

 private:
  char buf_[48];
  std::size_t end_ = 0;
};

// The paper's names of a network's parameters: W3[2,1] (layer 3, row 2, column 1) and b3[2].
inline Name weight_name(int l, int j, int k) {
  Name n;  // built in place: returned without a copy
  n << 'W' << l << '[' << j << ',' << k << ']';
  return n;
}
inline Name bias_name(int l, int j) {
  Name n;
  n << 'b' << l << '[' << j << ']';
  return n;
}

}  // namespace dlmath
