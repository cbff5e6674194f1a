// dlmath serve: the book, the playground and the network lab in the browser, on 127.0.0.1.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <thread>

#include "cli/api.hpp"
#include "cli/commands.hpp"
#include "server/pages.hpp"
#include "server/server.hpp"

namespace dlmath::cli {

namespace {

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
    o.endpoints = api_endpoints();
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
