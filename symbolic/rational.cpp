#include "symbolic/rational.hpp"

#include <algorithm>
#include <cstdlib>

namespace dlmath::symbolic {

namespace {

const mpz_t& numerator_of(const Rational& r) {
  return *reinterpret_cast<const mpz_t*>(mpq_numref(r.backend().data()));
}
const mpz_t& denominator_of(const Rational& r) {
  return *reinterpret_cast<const mpz_t*>(mpq_denref(r.backend().data()));
}
std::size_t bits_of(const mpz_t& z) {
  return mpz_sgn(z) == 0 ? 1 : mpz_sizeinbase(z, 2);
}
std::uint64_t hash_mpz(const mpz_t& z, std::uint64_t h) {
  const std::size_t n = mpz_size(z);
  h = (h ^ static_cast<std::uint64_t>(mpz_sgn(z) + 1)) * 0x100000001b3ull;
  for (std::size_t k = 0; k < n; ++k)
    h = (h ^ static_cast<std::uint64_t>(mpz_getlimbn(z, static_cast<mp_size_t>(k)))) *
        0x100000001b3ull;
  return h;
}
Integer integer_of(const mpz_t& z) {
  Integer n;
  mpz_set(n.backend().data(), z);
  return n;
}
// How many times `p` divides n (n > 0), with n divided by it.
unsigned strip(Integer& n, unsigned p) {
  unsigned k = 0;
  while (n % p == 0) n /= p, ++k;
  return k;
}

}  // namespace

std::size_t bits(const Rational& r) {
  return bits_of(numerator_of(r)) + bits_of(denominator_of(r));
}

bool is_integer(const Rational& r) {
  return mpz_cmp_ui(denominator_of(r), 1) == 0;
}

bool is_unit(const Rational& r) {
  return is_integer(r) && mpz_cmpabs_ui(numerator_of(r), 1) == 0;
}

bool is_half(const Rational& r) {
  return mpz_cmpabs_ui(numerator_of(r), 1) == 0 && mpz_cmp_ui(denominator_of(r), 2) == 0;
}

std::uint64_t hash_of(const Rational& r) {
  return hash_mpz(denominator_of(r), hash_mpz(numerator_of(r), 0xcbf29ce484222325ull));
}

std::optional<Rational> checked_sum(const Rational& a, const Rational& b) {
  if (bits(a) + bits(b) > 2 * max_rational_bits) return std::nullopt;
  Rational s = a + b;
  if (!fits(s)) return std::nullopt;
  return s;
}

std::optional<Rational> checked_product(const Rational& a, const Rational& b) {
  if (bits(a) + bits(b) > 2 * max_rational_bits) return std::nullopt;
  Rational p = a * b;
  if (!fits(p)) return std::nullopt;
  return p;
}

std::optional<Rational> checked_power(const Rational& base, const Rational& e) {
  if (!is_integer(e)) return std::nullopt;
  if (e == 0) return Rational(1);
  if (base == 0) {
    if (e < 0) return std::nullopt;  // 1/0: left as written
    return Rational(0);
  }
  if (base == 1) return Rational(1);
  if (base == -1) return Rational(integer_of(numerator_of(e)) % 2 == 0 ? 1 : -1);
  // base^e needs about |e| times base's bits: refused before any work when that is too many.
  const Integer n = abs(integer_of(numerator_of(e)));
  if (n > max_rational_bits) return std::nullopt;
  const unsigned long k = n.convert_to<unsigned long>();
  const std::size_t grows = bits_of(numerator_of(base)) - 1 + bits_of(denominator_of(base)) - 1;
  if (grows * k > max_rational_bits) return std::nullopt;
  Integer num, den;
  mpz_pow_ui(num.backend().data(), numerator_of(base), k);
  mpz_pow_ui(den.backend().data(), denominator_of(base), k);
  Rational r = e > 0 ? Rational(num, den) : Rational(den, num);
  if (!fits(r)) return std::nullopt;
  return r;
}

std::optional<Rational> exact_root(const Rational& base, const Rational& e) {
  // x^(p/q) of dlmath (the C library's pow) is undefined for x < 0 whenever q > 1.
  if (base < 0 || is_integer(e)) return std::nullopt;
  if (base == 0) return e > 0 ? std::optional<Rational>(Rational(0)) : std::nullopt;
  const Integer q = integer_of(denominator_of(e));
  if (q > 64) return std::nullopt;
  const unsigned long k = q.convert_to<unsigned long>();
  Integer num, den;
  if (!mpz_root(num.backend().data(), numerator_of(base), k)) return std::nullopt;
  if (!mpz_root(den.backend().data(), denominator_of(base), k)) return std::nullopt;
  return checked_power(Rational(num, den), Rational(integer_of(numerator_of(e))));
}

std::optional<Rational> rational_from_decimal(const std::string& text) {
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
  std::string digits;
  long scale = 0;
  bool point = false;
  for (; i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.');
       ++i) {
    if (text[i] == '.') {
      point = true;
      continue;
    }
    digits += text[i];
    if (point) --scale;
  }
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E'))
    scale += std::strtol(text.c_str() + i + 1, nullptr, 10);
  const std::size_t first = digits.find_first_not_of('0');
  if (first == std::string::npos) return Rational(0);
  digits.erase(0, first);
  // 10^k has about 3.33 k bits: refused before any work when the value could not fit.
  if ((digits.size() + static_cast<std::size_t>(std::labs(scale))) * 10 / 3 > max_rational_bits)
    return std::nullopt;
  Integer mantissa(digits);
  Integer ten_power;
  mpz_ui_pow_ui(ten_power.backend().data(), 10, static_cast<unsigned long>(std::labs(scale)));
  Rational r = scale >= 0 ? Rational(mantissa * ten_power) : Rational(mantissa, ten_power);
  if (negative) r = -r;
  if (!fits(r)) return std::nullopt;
  return r;
}

std::string integer_text(const Integer& n) {
  std::string plain = n.str();
  // 10^300 as 1e300: only for long numbers, where the exponent form is much shorter.
  const std::size_t zeros = plain.size() - 1 - plain.find_last_not_of('0');
  if (plain.size() < 16 || zeros < 10) return plain;
  std::string mantissa = plain.substr(0, plain.size() - zeros);
  std::string exp = std::to_string(zeros + mantissa.size() - 1);
  std::string scientific = mantissa.size() == 1
                               ? mantissa + "e" + exp
                               : mantissa.substr(0, 1) + "." + mantissa.substr(1) + "e" + exp;
  return scientific.size() < plain.size() ? scientific : plain;
}

bool reads_as_decimal(const Rational& r) {
  Integer d = integer_of(denominator_of(r));
  strip(d, 2);
  return strip(d, 5) > 0 && d == 1;
}

NumberText number_text(const Rational& r, int digits) {
  if (is_integer(r)) {
    if (mpz_fits_slong_p(numerator_of(r))) {  // most numbers: no big-number text
      const long v = mpz_get_si(numerator_of(r));
      if (v > -1000000000000000L && v < 1000000000000000L)
        return {std::to_string(v < 0 ? -v : v), 1};
    }
    return {integer_text(abs(integer_of(numerator_of(r)))), 1};
  }
  if (sign(r) < 0) return number_text(Rational(-r), digits);
  Integer den = integer_of(denominator_of(r));
  Integer rest = den;
  const unsigned twos = strip(rest, 2), fives = strip(rest, 5);
  auto fraction = [&] {
    return NumberText{integer_text(integer_of(numerator_of(r))) + "/" + integer_text(den), 3};
  };
  if (rest != 1) return fraction();
  // r = m / 10^k exactly.
  const unsigned k = std::max(twos, fives);
  Integer ten_k;
  mpz_ui_pow_ui(ten_k.backend().data(), 10, k);
  const Integer m = integer_of(numerator_of(r)) * (ten_k / den);
  std::string d = m.str();
  long exponent = static_cast<long>(d.size()) - 1 - static_cast<long>(k);  // of the first digit
  if (digits > 0 && d.size() > static_cast<std::size_t>(digits)) {
    // Round half up to `digits` significant digits, on the digit string.
    const bool up = d[static_cast<std::size_t>(digits)] >= '5';
    d.resize(static_cast<std::size_t>(digits));
    if (up) {
      int j = digits - 1;
      while (j >= 0 && d[static_cast<std::size_t>(j)] == '9')
        d[static_cast<std::size_t>(j--)] = '0';
      if (j < 0)
        d.insert(d.begin(), '1'), ++exponent, d.pop_back();
      else
        ++d[static_cast<std::size_t>(j)];
    }
  }
  while (d.size() > 1 && d.back() == '0') d.pop_back();
  std::string plain;
  if (exponent < 0)
    plain = "0." + std::string(static_cast<std::size_t>(-exponent - 1), '0') + d;
  else if (static_cast<std::size_t>(exponent) + 1 >= d.size())
    plain = d + std::string(static_cast<std::size_t>(exponent) + 1 - d.size(), '0');
  else
    plain = d.substr(0, static_cast<std::size_t>(exponent) + 1) + "." +
            d.substr(static_cast<std::size_t>(exponent) + 1);
  std::string scientific =
      (d.size() == 1 ? d : d.substr(0, 1) + "." + d.substr(1)) + "e" + std::to_string(exponent);
  return {scientific.size() < plain.size() ? scientific : plain, 1};
}

}  // namespace dlmath::symbolic
