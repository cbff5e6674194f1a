// dlmath serve: the book, the playground and the network lab in the browser, on 127.0.0.1.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <thread>

#include "cli/commands.hpp"
#include "cli/program.hpp"
#include "cli/shared_output.hpp"
#include "server/pages.hpp"
#include "server/server.hpp"

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
  return as_reply([&] {
    return Reply{
        eval_json(required(f, "program"), at_of(f), server::field(f, "precision", "double"))
            .dump()};
  });
}

Reply diff_endpoint(const Fields& f) {
  return as_reply([&] {
    const std::string program = required(f, "program"), wrt = required(f, "wrt"),
                      precision = server::field(f, "precision", "double");
    const int order = static_cast<int>(server::integer_field(f, "order", 1, 1, 20));
    nlohmann::ordered_json j;
    j["wrt"] = wrt;
    j["order"] = order;
    j["derivative"] = derivative_text(program, wrt, order, false, precision);
    j["latex"] = derivative_text(program, wrt, order, true, precision);
    return Reply{j.dump()};
  });
}

// {"inputs": [...]}: the names a program reads but never assigns, so a page can offer a field
// for each.
Reply inputs_endpoint(const Fields& f) {
  return as_reply([&] {
    nlohmann::ordered_json j;
    j["inputs"] = parse_program(required(f, "program")).inputs;
    return Reply{j.dump()};
  });
}

constexpr std::size_t graph_node_limit = 400, graph_drawing_limit = 5000;

Reply graph_endpoint(const Fields& f) {
  return as_reply([&] {
    const int digits = static_cast<int>(server::integer_field(f, "digits", 4, 1, 60));
    const bool full = server::field(f, "full", "") == "1";
    const auto d =
        program_drawing(required(f, "program"), at_of(f), digits, graph_node_limit, full);
    if (d.nodes.size() > graph_drawing_limit)
      throw HttpError(413, "the graph has " + std::to_string(d.nodes.size()) +
                               " nodes to draw, more than the drawing limit of " +
                               std::to_string(graph_drawing_limit));
    return Reply{visual::render_svg(d), "image/svg+xml"};
  });
}

void open_browser(const std::string& url) {
  if (access("/usr/bin/xdg-open", X_OK) != 0) {
    std::fprintf(stderr, "dlmath: no xdg-open here: open %s yourself\n", url.c_str());
    return;
  }
  const pid_t pid = fork();
  if (pid == 0) {
    execl("/usr/bin/xdg-open", "xdg-open", url.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
}

}  // namespace

void add_serve_command(CLI::App& app) {
  struct Args {
    int port = 8080;
    bool open = false;
  };
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("serve",
                                 "Serve the book, the playground and the network lab "
                                 "on http://127.0.0.1:PORT/ (Ctrl-C stops)");
  cmd->add_option("--port", a->port, "The port; 0 picks a free one")->capture_default_str();
  cmd->add_flag("--open", a->open, "Open the book in the browser (xdg-open)");
  cmd->callback([a] {
    if (a->port < 0 || a->port > 65535)
      throw UsageError("--port: must be from 0 to 65535, not " + std::to_string(a->port));
    server::ServerOptions o;
    o.port = a->port;
    o.endpoints["/api/eval"] = eval_endpoint;
    o.endpoints["/api/diff"] = diff_endpoint;
    o.endpoints["/api/graph.svg"] = graph_endpoint;
    o.endpoints["/api/inputs"] = inputs_endpoint;
    o.on_listening = [a](int port) {
      const std::string url = "http://127.0.0.1:" + std::to_string(port) + "/";
      std::printf("dlmath: the book is at %s\n", url.c_str());
      std::fflush(stdout);
      if (a->open) open_browser(url);
      std::thread(server::warm_chapters).detach();
    };
    server::serve(o);
  });
}

}  // namespace dlmath::cli
