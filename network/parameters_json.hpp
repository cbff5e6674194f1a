// A network's parameters as JSON:
//   {"layers": [2,2,3,2], "activation": "sigmoid",
//    "parameters": [{"name": "W2[1,1]", "value": "0.1234..."}, ...]}
// Values are decimal strings carrying the scalar type's full precision. With different
// activations per layer, "activation" is a list (one per layer from 2).
// A trained network also records what it was trained on, between "activation" and "parameters":
//   "data": {"name": "higham10"}   or   "data": {"csv": "/abs/ring.csv", "sha256": "<64 hex>"},
//   "cost": "mse" (or "cross-entropy")
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "network/network.hpp"

namespace dlmath {

// The data set and cost a network was trained with.
struct TrainedOn {
  std::string data;    // a built-in data set's name, or the CSV file's path
  std::string sha256;  // the CSV file's SHA-256; empty for built-in data
  std::string cost = "mse";
  bool csv() const { return !sha256.empty(); }
};

template <class T>
std::string parameters_to_json(const Network<T>& net, const TrainedOn* run = nullptr) {
  nlohmann::ordered_json j;
  j["layers"] = net.arch.sizes;
  bool uniform = true;
  for (Activation a : net.arch.activations) uniform = uniform && a == net.arch.activations.front();
  if (uniform) {
    j["activation"] = net.arch.activations.front().name;
  } else {
    for (Activation a : net.arch.activations) j["activation"].push_back(a.name);
  }
  if (run) {
    if (run->csv())
      j["data"] = {{"csv", run->data}, {"sha256", run->sha256}};
    else
      j["data"] = {{"name", run->data}};
    j["cost"] = run->cost;
  }
  const auto names = net.arch.parameter_names();
  j["parameters"] = nlohmann::ordered_json::array();
  for (std::size_t k = 0; k < names.size(); ++k)
    j["parameters"].push_back({{"name", names[k]}, {"value", to_decimal(net.theta[k])}});
  return j.dump(2) + "\n";
}

// Parses JSON text, errors as source:line:column. A key given twice in one object is refused:
// the parser would keep the last silently, as if the first had never been written.
inline nlohmann::json parse_json_text(const std::string& text, const std::string& source) {
  nlohmann::json j;
  std::vector<std::set<std::string>> keys;  // one set for each object still open
  const auto once = [&](int, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
    using Event = nlohmann::json::parse_event_t;
    if (event == Event::object_start) keys.emplace_back();
    if (event == Event::object_end) keys.pop_back();
    if (event == Event::key && !keys.back().insert(parsed.get<std::string>()).second)
      throw std::invalid_argument(source + ": the key \"" + parsed.get<std::string>().substr(0, 40) +
                                  "\" is given twice in one object");
    return true;
  };
  try {
    j = nlohmann::json::parse(text, once);
  } catch (const nlohmann::json::parse_error& e) {
    // e.byte is the 1-based offset of the error: turn it into line:column.
    std::size_t line = 1, column = 1;
    for (std::size_t k = 0; k + 1 < e.byte && k < text.size(); ++k) {
      if (text[k] == '\n')
        ++line, column = 1;
      else
        ++column;
    }
    throw std::invalid_argument(source + ":" + std::to_string(line) + ":" + std::to_string(column) +
                                ": not valid JSON");
  } catch (const nlohmann::json::exception& e) {  // e.g. a number too large for a double
    throw std::invalid_argument(source + ": not usable JSON: " + e.what());
  }
  return j;
}

// What a saved network records about its training, if anything; `source` names it in errors.
inline std::optional<TrainedOn> trained_on_from_json(const std::string& text,
                                                     const std::string& source) {
  auto fail = [&](const std::string& what) { return std::invalid_argument(source + ": " + what); };
  const nlohmann::json j = parse_json_text(text, source);
  if (!j.is_object() || !j.contains("data")) return std::nullopt;
  const auto& d = j["data"];
  auto text_of = [&](const nlohmann::json& v, const char* what) {
    if (!v.is_string() || v.get<std::string>().empty())
      throw fail(std::string("\"data\": \"") + what + "\" must be a non-empty string");
    return v.get<std::string>();
  };
  TrainedOn run;
  if (d.is_object() && d.contains("name") && !d.contains("csv")) {
    run.data = text_of(d["name"], "name");
  } else if (d.is_object() && d.contains("csv") && d.contains("sha256") && !d.contains("name")) {
    run.data = text_of(d["csv"], "csv");
    run.sha256 = text_of(d["sha256"], "sha256");
    if (run.sha256.size() != 64 ||
        run.sha256.find_first_not_of("0123456789abcdef") != std::string::npos)
      throw fail("\"data\": \"sha256\" must be 64 lowercase hex digits");
  } else {
    throw fail("\"data\" must be {\"name\": \"...\"} or {\"csv\": \"...\", \"sha256\": \"...\"}");
  }
  if (j.contains("cost")) {
    if (!j["cost"].is_string() || (j["cost"] != "mse" && j["cost"] != "cross-entropy"))
      throw fail("\"cost\" must be \"mse\" or \"cross-entropy\"");
    run.cost = j["cost"].get<std::string>();
  }
  return run;
}

// Reads parameters back; `source` names the text in errors (a file name).
template <class T>
Network<T> parameters_from_json(const std::string& text, const std::string& source) {
  auto fail = [&](const std::string& what) { return std::invalid_argument(source + ": " + what); };
  const nlohmann::json j = parse_json_text(text, source);
  if (!j.is_object() || !j.contains("layers") || !j["layers"].is_array())
    throw fail("expected an object with \"layers\": [sizes]");
  std::vector<int> sizes;
  for (const auto& s : j["layers"]) {
    // Checked as a 64-bit number first: 4294967298 must not load as 2.
    if (!s.is_number_unsigned() || s.get<std::uint64_t>() > 1'000'000)
      throw fail("\"layers\" must hold whole numbers from 1 to 1000000");
    sizes.push_back(static_cast<int>(s.get<std::uint64_t>()));
  }
  Architecture arch;
  try {
    arch = Architecture(sizes);
  } catch (const std::invalid_argument& e) {
    throw fail(e.what());
  }
  if (j.contains("activation")) {
    const auto& a = j["activation"];
    auto parse = [&](const nlohmann::json& v) {
      if (!v.is_string()) throw fail("\"activation\" must be a name or a list of names");
      const auto act = find_activation(v.get<std::string>());
      if (!act) throw fail("unknown activation '" + v.get<std::string>() + "'");
      return *act;
    };
    if (a.is_array()) {
      if (a.size() != arch.activations.size())
        throw fail("\"activation\" lists " + std::to_string(a.size()) + " activations for " +
                   std::to_string(arch.activations.size()) + " layers");
      for (std::size_t l = 0; l < a.size(); ++l) arch.activations[l] = parse(a[l]);
    } else {
      arch.activations.assign(arch.activations.size(), parse(a));
    }
  }
  if (!j.contains("parameters") || !j["parameters"].is_array())
    throw fail("expected \"parameters\": [...]");
  const auto& ps = j["parameters"];
  const auto names = arch.parameter_names();
  if (ps.size() != names.size()) {
    std::string layers;
    for (int n : arch.sizes) layers += (layers.empty() ? "" : "-") + std::to_string(n);
    throw fail("a " + layers + " network has " + std::to_string(names.size()) +
               " weights and biases, the file gives " + std::to_string(ps.size()));
  }
  Network<T> net{arch, {}};
  for (std::size_t k = 0; k < names.size(); ++k) {
    const auto& p = ps[k];
    if (!p.is_object() || !p.contains("name") || !p.contains("value") || !p["name"].is_string())
      throw fail("parameter " + std::to_string(k + 1) +
                 ": expected {\"name\": \"...\", \"value\": \"...\"}");
    // A JSON number would pass through a double and lose the digits of a 50-digit value.
    if (!p["value"].is_string()) {
      std::string shown = p["value"].dump();
      if (shown.size() > 40) shown = shown.substr(0, 37) + "...";
      throw fail("parameter " + std::to_string(k + 1) + ": the value is " + shown +
                 "; write it as text in quotes (\"0.5\"), so that no digit is lost");
    }
    if (p["name"].get<std::string>() != names[k])
      throw fail("parameter " + std::to_string(k + 1) + " is '" + p["name"].get<std::string>() +
                 "', expected '" + names[k] + "'");
    try {
      net.theta.push_back(from_decimal<T>(p["value"].get<std::string>()));
    } catch (const std::invalid_argument& e) {
      throw fail(names[k] + ": " + e.what());
    }
  }
  return net;
}

}  // namespace dlmath
