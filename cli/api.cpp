// The API endpoints the server answers (and `dlmath book` records): the commands' own code.
#include "cli/api.hpp"

#include "cli/graph_program.hpp"
#include "cli/program.hpp"
#include "cli/shared_output.hpp"

namespace dlmath::cli {

namespace {

using server::Fields;
using server::HttpError;
using server::Reply;

// Bad input reported by the shared code (UsageError) is the request's fault: a 400.
template <class F>
Reply as_reply(F&& make) {
  try {
    return make();
  } catch (const UsageError& e) {
    throw HttpError(400, e.what());
  }
}

std::vector<std::string> at_of(const Fields& f) {
  const std::string at = server::field(f, "at", "");
  return at.empty() ? std::vector<std::string>{} : std::vector<std::string>{at};
}

std::string required(const Fields& f, const std::string& name) {
  const auto it = f.find(name);
  if (it == f.end() || it->second.empty()) throw HttpError(400, name + ": missing");
  return it->second;
}

Reply eval_endpoint(const Fields& f) {
  server::only_fields(f, {"program", "at", "precision"});
  return as_reply([&] {
    return Reply{
        eval_json(required(f, "program"), at_of(f), server::field(f, "precision", "double"))
            .dump()};
  });
}

Reply diff_endpoint(const Fields& f) {
  server::only_fields(f, {"program", "wrt", "order", "precision"});
  return as_reply([&] {
    const std::string program = required(f, "program"), wrt = required(f, "wrt"),
                      precision = server::field(f, "precision", "double");
    const int order = static_cast<int>(server::integer_field(f, "order", 1, 1, 20));
    nlohmann::ordered_json j;
    j["wrt"] = wrt;
    j["order"] = order;
    j["derivative"] = derivative_text(program, wrt, order, false, precision);
    j["latex"] = derivative_text(program, wrt, order, true, precision);
    // The reverse sweep's own products, unsimplified, as `dlmath diff --raw` prints them.
    j["raw"] = derivative_text(program, wrt, order, false, precision, 0, true);
    return Reply{j.dump()};
  });
}

// {"inputs": [...]}: the names a program reads but never assigns, so a page can offer a field
// for each.
Reply inputs_endpoint(const Fields& f) {
  server::only_fields(f, {"program"});
  return as_reply([&] {
    nlohmann::ordered_json j;
    j["inputs"] = parse_program(required(f, "program")).inputs;
    return Reply{j.dump()};
  });
}

constexpr std::size_t graph_node_limit = 400;  // above it, one node per group (as `dlmath graph`)

Reply graph_endpoint(const Fields& f) {
  server::only_fields(f, {"program", "at", "digits", "full"});
  return as_reply([&] {
    const int digits = static_cast<int>(server::integer_field(f, "digits", 4, 1, 60));
    const bool full = server::field(f, "full", "") == "1";
    const auto d =
        program_drawing(required(f, "program"), at_of(f), digits, graph_node_limit, full);
    if (const std::string why = too_large_to_draw(d); !why.empty()) throw HttpError(413, why);
    return Reply{visual::render_svg(d), "image/svg+xml"};
  });
}

}  // namespace

std::map<std::string, server::Endpoint> api_endpoints() {
  return {{"/api/eval", eval_endpoint},
          {"/api/diff", diff_endpoint},
          {"/api/graph.svg", graph_endpoint},
          {"/api/inputs", inputs_endpoint}};
}

}  // namespace dlmath::cli
