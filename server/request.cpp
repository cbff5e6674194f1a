#include "server/request.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace dlmath::server {

std::string field(const Fields& f, const std::string& name, const std::string& fallback) {
  const auto it = f.find(name);
  return it == f.end() ? fallback : it->second;
}

long integer_field(const Fields& f, const std::string& name, long fallback, long lo, long hi) {
  const auto it = f.find(name);
  if (it == f.end()) return fallback;
  const std::string& t = it->second;
  // Digits only (an optional minus): "1e3", " 5" and "0x10" are mistakes, not numbers.
  const std::size_t start = !t.empty() && t[0] == '-' ? 1 : 0;
  bool ok = t.size() > start && t.size() - start <= 12;
  for (std::size_t k = start; ok && k < t.size(); ++k) ok = t[k] >= '0' && t[k] <= '9';
  if (!ok) throw HttpError(400, name + ": '" + t.substr(0, 40) + "' is not a whole number");
  const long v = std::stol(t);
  if (v < lo || v > hi) {
    const int status = name == "steps" && v > hi ? 413 : 400;
    throw HttpError(
        status, name + ": " + t + " is outside " + std::to_string(lo) + ".." + std::to_string(hi));
  }
  return v;
}

void only_fields(const Fields& f, const std::vector<std::string>& known) {
  for (const auto& [name, value] : f)
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      std::string names;
      for (const std::string& k : known) names += (names.empty() ? "" : ", ") + k;
      throw HttpError(400,
                      "unknown field '" + name.substr(0, 40) + "' (the fields are " + names + ")");
    }
}

std::string json_error(const std::string& message) {
  nlohmann::json j;
  j["error"] = message;
  // A message may quote a request's bytes that are not UTF-8: shown as U+FFFD, not refused.
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace dlmath::server
