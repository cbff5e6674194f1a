// dlmath's web server: binds 127.0.0.1 only, refuses requests for another host (DNS rebinding),
// serves the embedded assets, the book's pages, the live training stream, and the API endpoints
// it is given. No request reads or writes a file.
#pragma once

#include <functional>
#include <map>
#include <string>

#include "server/request.hpp"

namespace dlmath::server {

struct Reply {
  std::string body;
  std::string type = "application/json";
  int status = 200;
};

// An API endpoint: its fields in, its reply out; throws HttpError (or std::invalid_argument,
// a 400) on bad input.
using Endpoint = std::function<Reply(const Fields&)>;

struct ServerOptions {
  int port = 0;                                // 0: a free port
  std::map<std::string, Endpoint> endpoints;   // "/api/eval" -> ...; GET and POST
  std::function<void(int port)> on_listening;  // once bound, before the first request
  bool stop_on_signals = true;                 // SIGINT and SIGTERM stop the server cleanly
};

// Serves until stop_server() or a signal. Throws std::runtime_error when the port cannot be had.
void serve(const ServerOptions& options);
void stop_server();
// MPFR keeps per-thread caches (constants such as pi and log 2) in every thread that computed at
// 50 or 100 digits. Called in such a thread, this frees them when the thread ends.
void free_mpfr_caches_at_thread_exit();

// Errors the endpoints throw, as the status and JSON body of the reply.
Reply error_reply(const std::exception& e);

}  // namespace dlmath::server
