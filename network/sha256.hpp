// SHA-256 (FIPS 180-4) of a byte string, as 64 lowercase hex digits: how a saved network names
// the exact CSV file it was trained on, so that a changed file is noticed.
#pragma once

#include <string>

namespace dlmath {

std::string sha256_hex(const std::string& bytes);

}  // namespace dlmath
