#include "server/figures.hpp"

#include "network/activation.hpp"
#include "network/dataset.hpp"
#include "network/optimizer.hpp"
#include "network/train.hpp"

namespace dlmath::server {

namespace {

using json = nlohmann::ordered_json;

std::string text(const json& j) {
  return j.get<std::string>();
}

// "a=3,b=-1.5": the `at` field from name/value pairs, in order.
std::string at_text(const json& values) {
  std::string at;
  for (const auto& [name, value] : values.items())
    at += (at.empty() ? "" : ",") + name + "=" + text(value);
  return at;
}

// The figures that train live, each with the fields of /api/train it offers.
constexpr const char* trainers[] = {"train", "train-beyond", "network-lab"};

json make_starts() {
  json s;
  s["sigmoid-ab"] = {{"program", "sigmoid(a*x + b)"},
                     {"sliders",
                      {{{"name", "a"}, {"min", -5}, {"max", 5}, {"value", "3"}},
                       {{"name", "b"}, {"min", -5}, {"max", 5}, {"value", "-1.5"}},
                       {{"name", "x"}, {"min", -3}, {"max", 3}, {"value", "0.8"}}}}};
  s["layer-graph"] = {
      {"program",
       "y1 = sigmoid(w11*x1 + w12*x2 + b1)\ny2 = sigmoid(w21*x1 + w22*x2 + b2)\ny1 + y2"},
      {"values",
       {{"x1", "0.3"},
        {"x2", "0.7"},
        {"w11", "1.5"},
        {"w12", "-2"},
        {"w21", "0.5"},
        {"w22", "1"},
        {"b1", "0.25"},
        {"b2", "-0.5"}}}};
  // The central difference of y = sigma(ax + b) by each parameter, minus the autodiff value g:
  // the engine computes the error in the chosen precision, not the browser in doubles.
  json h = json::array();
  for (int e = 1; e <= 15; ++e) h.push_back("1e-" + std::to_string(e));
  s["finite-differences"] = {
      {"program", "sigmoid(a*x + b)"},
      {"point", {{"a", "3"}, {"b", "-1.5"}, {"x", "0.8"}}},
      {"parameter", "a"},
      {"precision", "double"},
      {"differences",
       {{"a", "(sigmoid((a + h)*x + b) - sigmoid((a - h)*x + b)) / (2*h) - g"},
        {"b", "(sigmoid(a*x + (b + h)) - sigmoid(a*x + (b - h))) / (2*h) - g"}}},
      {"h", h}};
  // Chapter 7's graph of the article's network (its first parameters) at one point of its data.
  s["network-graph"] = {{"fields", {{"data", "higham10"}, {"layers", "2,2,3,2"}, {"seed", "1"}}},
                        {"points", builtin_dataset("higham10")->size()}};
  // The trainers: the fields of /api/train they offer, with `dlmath train`'s defaults.
  const json paper = {{"method", "sgd"},
                      {"optimizer", "sgd"},
                      {"eta", "0.05"},
                      {"steps", "1000000"},
                      {"seed", "1"}};
  s["train"] = {{"fields", paper}};
  json beyond = paper;
  beyond["activation"] = std::string(default_activation.name);
  beyond["data"] = "higham11";
  s["train-beyond"] = {{"fields", beyond}};
  json lab = paper;
  lab["layers"] = "2,2,3,2";
  lab["activation"] = std::string(default_activation.name);
  lab["data"] = "higham10";
  s["network-lab"] = {{"fields", lab}};
  // What the trainers' menus offer, from the tables the server itself reads.
  json choices;
  for (Method m : methods) choices["method"].push_back(to_string(m));
  for (const auto& row : optimizer_table<double>) choices["optimizer"].push_back(row.name);
  for (const Activation& a : activations) choices["activation"].push_back(a.name);
  for (const BuiltinDataset& d : builtin_datasets) choices["data"].push_back(d.name);
  // The optimisers' constants, with dlmath train's defaults, and the optimiser that reads each:
  // the page offers and sends one only while its optimiser is chosen (the server refuses others).
  const OptimizerChoice defaults;
  json reads;
  for (const OptimizerConstant& k : optimizer_constants)
    reads[std::string(k.name)] = std::string(k.optimizer);
  for (const char* trainer : trainers) {
    s[trainer]["choices"] = choices;
    // The output layer's activation when the page is given one name for the hidden layers.
    s[trainer]["output_activation"] = std::string(default_activation.name);
    for (const OptimizerConstant& k : optimizer_constants)
      s[trainer]["fields"][std::string(k.name)] = defaults.*k.text;
    s[trainer]["constants"] = reads;
  }
  return s;
}

Fields fields_of(const json& j) {
  Fields f;
  for (const auto& [k, v] : j.items()) f[k] = text(v);
  return f;
}

// The fields a trainer's page sends at its start: a constant only with its optimiser.
Fields sent_fields(const json& trainer) {
  Fields f = fields_of(trainer["fields"]);
  for (const auto& [name, optimizer] : trainer["constants"].items())
    if (f["optimizer"] != text(optimizer)) f.erase(name);
  return f;
}

}  // namespace

const json& figure_starts() {
  static const json starts = make_starts();
  return starts;
}

std::string recorded_key(const std::string& path, const Fields& fields) {
  json pairs = json::array();
  for (const auto& [k, v] : fields) pairs.push_back({k, v});  // std::map: sorted by name
  return path + " " + pairs.dump();
}

json recorded_answers(const Ask& ask) {
  json out = json::object();
  auto record = [&](const std::string& path, const Fields& f) {
    const Reply r = ask(path, f);
    out[recorded_key(path, f)] = {{"type", r.type}, {"body", r.body}};
    return r;
  };
  const json& s = figure_starts();
  {
    const json& fig = s["sigmoid-ab"];
    json values;
    for (const auto& slider : fig["sliders"]) values[text(slider["name"])] = slider["value"];
    record("/api/eval", {{"program", text(fig["program"])}, {"at", at_text(values)}});
  }
  {
    const json& fig = s["layer-graph"];
    record("/api/graph.svg", {{"program", text(fig["program"])}, {"at", at_text(fig["values"])}});
  }
  {
    const json& fig = s["finite-differences"];
    const std::string p = text(fig["parameter"]), precision = text(fig["precision"]);
    const Reply ad = record("/api/eval", {{"program", text(fig["program"])},
                                          {"at", at_text(fig["point"])},
                                          {"precision", precision}});
    const std::string g = text(json::parse(ad.body)["gradient"][p]);
    for (const auto& h : fig["h"]) {
      json at = fig["point"];
      at["h"] = h;
      at["g"] = g;
      record("/api/eval", {{"program", text(fig["differences"][p])},
                           {"at", at_text(at)},
                           {"precision", precision}});
    }
  }
  {
    // At point 1: every neuron closed, and each group opened alone (the names from the first
    // picture's ids), so that the static book opens a neuron too.
    Fields f = fields_of(s["network-graph"]["fields"]);
    f["point"] = "1";
    const std::string closed = record("/api/network-graph.svg", f).body;
    const std::string mark = "id=\"group:";
    for (std::size_t at = closed.find(mark); at != std::string::npos; at = closed.find(mark, at)) {
      at += mark.size();
      Fields one = f;
      one["expand"] = closed.substr(at, closed.find('"', at) - at);
      record("/api/network-graph.svg", one);
    }
  }
  for (const char* trainer : trainers) record("/api/train", sent_fields(s[trainer]));
  return out;
}

}  // namespace dlmath::server
