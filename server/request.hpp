// What every endpoint shares: its fields (query string or form body), limits checked before any
// work, and errors that become a JSON reply with a 4xx status.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace dlmath::server {

// A request the server refuses: `status` is 400, 403, 404, 413 or 429.
struct HttpError : std::runtime_error {
  int status;
  HttpError(int s, const std::string& message) : std::runtime_error(message), status(s) {}
};

using Fields = std::map<std::string, std::string>;

// Limits, checked before work starts.
inline constexpr std::size_t max_field_bytes = 64 * 1024;  // a program, a CSV, ...
inline constexpr std::size_t max_body_bytes = 1024 * 1024;
inline constexpr long max_train_steps = 10'000'000;
inline constexpr int max_layers = 10, max_layer_size = 64;
inline constexpr int max_live_streams = 4;

// The field's text, or `fallback` when it is absent.
std::string field(const Fields& f, const std::string& name, const std::string& fallback);
// The field as a whole number in [lo, hi]; a 400 naming the field otherwise.
long integer_field(const Fields& f, const std::string& name, long fallback, long lo, long hi);

// Refuses (400) a field not named in `known`: a misspelt field (`precison`) would otherwise be
// ignored and the answer given for the default, silently.
void only_fields(const Fields& f, const std::vector<std::string>& known);

// {"error": message} as text.
std::string json_error(const std::string& message);

}  // namespace dlmath::server
