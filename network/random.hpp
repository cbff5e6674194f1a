// Random numbers that are the same on every machine and standard library: a seeded 64-bit
// Mersenne twister with our own normal and uniform draws (std's distributions may differ).
#pragma once

#include <cmath>
#include <cstdint>
#include <numbers>
#include <random>

namespace dlmath {

class Random {
 public:
  explicit Random(std::uint64_t seed) : engine_(seed) {}

  // Uniform on [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }

  // Uniform on {0, ..., n-1}, without modulo bias.
  std::uint64_t below(std::uint64_t n) {
    const std::uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    std::uint64_t r;
    do r = engine_();
    while (r >= limit);
    return r % n;
  }

  // Standard normal by the Box-Muller transform.
  double normal() {
    if (has_spare_) {
      has_spare_ = false;
      return spare_;
    }
    double u = 0;
    while (u == 0) u = uniform();
    const double v = uniform(), r = std::sqrt(-2 * std::log(u)), t = 2 * std::numbers::pi * v;
    spare_ = r * std::sin(t);
    has_spare_ = true;
    return r * std::cos(t);
  }

 private:
  std::mt19937_64 engine_;
  double spare_ = 0;
  bool has_spare_ = false;
};

}  // namespace dlmath
