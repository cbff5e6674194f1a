#include "server/server.hpp"

#include <httplib.h>
#include <mpfr.h>
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include "server/assets.hpp"
#include "server/pages.hpp"
#include "server/train_stream.hpp"

namespace dlmath::server {

namespace {

std::mutex running_lock;
httplib::Server* running = nullptr;

void reply(httplib::Response& res, const Reply& r) {
  res.status = r.status;
  res.set_content(r.body, r.type.c_str());
}

// The raw request target may not climb out of the site, plainly or encoded (%2e%2e, %2f, %5c),
// nor carry a NUL.
bool safe_target(const std::string& target) {
  std::string lower = target.substr(0, target.find('?'));
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const char* bad : {"..", "%2e", "%2f", "%5c", "\\", "%00", "//"})
    if (lower.find(bad) != std::string::npos) return false;
  return !lower.empty() && lower[0] == '/';
}

// Same-origin only: a page on another site that resolves its name to 127.0.0.1 sends its own
// name as Host, so anything but our own address is refused.
bool allowed_host(const std::string& host, int port) {
  const std::string p = ":" + std::to_string(port);
  return host == "127.0.0.1" + p || host == "localhost" + p;
}

// Fields from the query string and a form-encoded body, split at the first '=' only (httplib's
// own parser keeps the text after the last '=', and at=x=1 must stay "x=1"). A name given twice
// (in the query, the body, or one in each) is refused, as the command line refuses an option
// given twice: silently taking one would answer a question the client did not ask.
void parse_fields(const std::string& text, Fields& into) {
  for (std::size_t at = 0; at <= text.size();) {
    const std::size_t amp = std::min(text.find('&', at), text.size());
    const std::string pair = text.substr(at, amp - at);
    at = amp + 1;
    if (pair.empty()) continue;
    const std::size_t eq = pair.find('=');
    const std::string name = httplib::detail::decode_url(pair.substr(0, eq), true);
    const std::string value =
        eq == std::string::npos ? "" : httplib::detail::decode_url(pair.substr(eq + 1), true);
    // A NUL byte is no part of any field; it would also cut short the message that quotes it.
    for (const std::string* t : {&name, &value})
      if (const std::size_t nul = t->find('\0'); nul != std::string::npos)
        throw HttpError(400, (t == &name ? "a field's name" : name.substr(0, 40)) +
                                 std::string(": a NUL byte at byte ") + std::to_string(nul + 1));
    if (value.size() > max_field_bytes)
      throw HttpError(413, name.substr(0, 40) + ": " + std::to_string(value.size()) +
                               " bytes, more than the limit of " + std::to_string(max_field_bytes));
    if (!into.emplace(name, value).second)
      throw HttpError(400, name.substr(0, 40) + " is given more than once; give it once");
  }
}

Fields request_fields(const httplib::Request& req, const std::string& body) {
  Fields f;
  const std::size_t q = req.target.find('?');
  if (q != std::string::npos) parse_fields(req.target.substr(q + 1), f);
  const std::string type = req.get_header_value("Content-Type");
  if (type.rfind("application/x-www-form-urlencoded", 0) == 0 || type.rfind("text/plain", 0) == 0)
    parse_fields(body, f);
  return f;
}

// A POST body, read here rather than by httplib, whose own reader refuses form-encoded bodies
// over 8 KiB: long programs come that way. httplib refuses (and drains) a body declared over
// max_body_bytes, its payload limit, so the client is never cut off mid-send.
std::string read_body(const httplib::Response& res, const httplib::ContentReader& read) {
  std::string body;
  bool over = false;
  const bool read_all = read([&](const char* data, std::size_t n) {
    over = over || body.size() + n > max_body_bytes;
    if (!over) body.append(data, n);
    return true;  // read to the end even when over: the reply then reaches the client
  });
  if (!read_all || over) {
    if (res.status == 413 || over)
      throw HttpError(413, "the request body is more than the limit of " +
                               std::to_string(max_body_bytes) + " bytes");
    throw HttpError(400, "the request body could not be read");
  }
  return body;
}

}  // namespace

void free_mpfr_caches_at_thread_exit() {
  struct Caches {
    ~Caches() { mpfr_free_cache2(MPFR_FREE_LOCAL_CACHE); }
  };
  thread_local Caches caches;
  (void)caches;
}

Reply error_reply(const std::exception& e) {
  if (const auto* h = dynamic_cast<const HttpError*>(&e))
    return {json_error(h->what()), "application/json", h->status};
  if (dynamic_cast<const std::invalid_argument*>(&e) || dynamic_cast<const std::out_of_range*>(&e))
    return {json_error(e.what()), "application/json", 400};
  // Bad input the commands report (UsageError is a runtime_error): still the request's fault.
  return {json_error(e.what()), "application/json", 400};
}

void stop_server() {
  stop_training_streams();
  std::lock_guard<std::mutex> hold(running_lock);
  if (running) running->stop();
}

void serve(const ServerOptions& options) {
  httplib::Server svr;
  svr.set_tcp_nodelay(true);
  svr.set_payload_max_length(max_body_bytes);
  svr.set_keep_alive_max_count(100);
  int port = options.port;

  svr.set_pre_routing_handler([&](const httplib::Request& req, httplib::Response& res) {
    free_mpfr_caches_at_thread_exit();  // every request runs in a worker thread of httplib's pool
    if (!req.has_header("Host")) {
      reply(res, {json_error("the request has no Host header"), "application/json", 400});
      return httplib::Server::HandlerResponse::Handled;
    }
    if (!allowed_host(req.get_header_value("Host"), port)) {
      reply(res, {json_error("Host '" + req.get_header_value("Host").substr(0, 80) +
                             "' is refused: use http://127.0.0.1:" + std::to_string(port) + "/"),
                  "application/json", 403});
      return httplib::Server::HandlerResponse::Handled;
    }
    if (!safe_target(req.target)) {
      reply(res, {json_error("the path is refused"), "application/json", 400});
      return httplib::Server::HandlerResponse::Handled;
    }
    try {
      request_fields(req, "");  // the query string's limits; a body's are checked by its handler
    } catch (const std::exception& e) {
      reply(res, error_reply(e));
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  // Errors httplib itself finds (too large a body, no route) get a JSON body too.
  svr.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    const std::string what = res.status == 413   ? "the request is too large"
                             : res.status == 404 ? "there is nothing at this address"
                                                 : "the request is refused";
    res.set_content(json_error(what), "application/json");
  });
  svr.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
        try {
          std::rethrow_exception(ep);
        } catch (const std::exception& e) {
          reply(res, error_reply(e));
        } catch (...) {
          reply(res, {json_error("internal error"), "application/json", 500});
        }
      });

  // An endpoint answers GET from the query string, and POST from the query string and the body;
  // `query` holds the query string's fields alone.
  using Answer = std::function<Reply(const Fields&, const std::string& body, const Fields& query)>;
  auto route = [&svr](const std::string& path, bool get, const Answer& answer) {
    if (get)
      svr.Get(path, [answer](const httplib::Request& req, httplib::Response& res) {
        try {
          const Fields f = request_fields(req, "");
          reply(res, answer(f, "", f));
        } catch (const std::exception& e) {
          reply(res, error_reply(e));
        }
      });
    svr.Post(path, [answer](const httplib::Request& req, httplib::Response& res,
                            const httplib::ContentReader& read) {
      try {
        const std::string body = read_body(res, read);
        reply(res, answer(request_fields(req, body), body, request_fields(req, "")));
      } catch (const std::exception& e) {
        reply(res, error_reply(e));
      }
    });
  };
  for (const auto& [path, endpoint] : options.endpoints)
    route(path, true,
          [endpoint](const Fields& f, const std::string&, const Fields&) { return endpoint(f); });
  svr.Get("/api/train", [](const httplib::Request& req, httplib::Response& res) {
    try {
      start_training_stream(request_fields(req, ""), res);
    } catch (const std::exception& e) {
      reply(res, error_reply(e));
    }
  });
  route("/api/train/control", false, [](const Fields& f, const std::string&, const Fields&) {
    return Reply{control_training_stream(f), "application/json", 200};
  });
  route("/api/network.svg", true, [](const Fields& f, const std::string&, const Fields&) {
    return Reply{network_svg(f), "image/svg+xml", 200};
  });
  route("/api/network-graph.svg", true, [](const Fields& f, const std::string&, const Fields&) {
    return Reply{network_graph_svg(f), "image/svg+xml", 200};
  });
  route("/api/data", false, [](const Fields& f, const std::string& body, const Fields& query) {
    // Without a csv field the body is the CSV itself, not fields (though a text/plain body was
    // parsed as some): the query string's fields are then the request's only ones.
    const Fields& given = f.count("csv") ? f : query;
    only_fields(given, {"csv", "name"});
    const std::string name = field(given, "name", "upload.csv");
    const std::string text = f.count("csv") ? f.at("csv") : body;
    return Reply{upload_data(text, name), "application/json", 200};
  });
  svr.Get("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(contents_page(Links::server()), "text/html; charset=utf-8");
  });
  svr.Get(R"(/chapter/(\d{1,2}))", [](const httplib::Request& req, httplib::Response& res) {
    const int n = std::stoi(req.matches[1].str());
    if (n < 1 || n > chapter_count()) {
      reply(res, {json_error("chapter " + std::to_string(n) + " does not exist (1-" +
                             std::to_string(chapter_count()) + ")"),
                  "application/json", 404});
      return;
    }
    res.set_content(chapter_page(n, Links::server()), "text/html; charset=utf-8");
  });
  svr.Get("/playground", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(playground_page(Links::server()), "text/html; charset=utf-8");
  });
  svr.Get("/network", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(network_page(Links::server()), "text/html; charset=utf-8");
  });
  svr.Get(R"(/.*)", [](const httplib::Request& req, httplib::Response& res) {
    if (const Asset* a = find_asset(req.path)) {
      res.set_content(std::string(a->body), std::string(a->type).c_str());
      res.set_header("Cache-Control", "max-age=3600");
      return;
    }
    reply(res,
          {json_error("there is nothing at " + req.path.substr(0, 100)), "application/json", 404});
  });

  if (options.port == 0)
    port = svr.bind_to_any_port("127.0.0.1");
  else if (!svr.bind_to_port("127.0.0.1", options.port))
    port = -1;
  if (port <= 0)
    throw std::runtime_error("cannot listen on 127.0.0.1:" + std::to_string(options.port) +
                             " (is the port in use?)");

  // Signals go to one thread that stops the server; the others never see them.
  std::atomic<bool> done{false};
  std::thread signals;
  if (options.stop_on_signals) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    signals = std::thread([set, &done] {
      const timespec wait{0, 200'000'000};
      while (!done) {
        if (sigtimedwait(&set, nullptr, &wait) > 0) {
          stop_server();
          return;
        }
      }
    });
  }
  {
    std::lock_guard<std::mutex> hold(running_lock);
    running = &svr;
  }
  if (options.on_listening) options.on_listening(port);
  svr.listen_after_bind();
  stop_training_streams();
  {
    std::lock_guard<std::mutex> hold(running_lock);
    running = nullptr;
  }
  done = true;
  if (signals.joinable()) signals.join();
}

}  // namespace dlmath::server
