// dlmath serve as a child process on a free port: every endpoint answers what the command prints
// (same JSON), bad requests get 4xx JSON and leave the server running, the training stream
// delivers events and ends, and SIGINT stops the server cleanly.
#include <httplib.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <tuple>
#include <vector>

#include "../cli/run.hpp"
#include "network/activation.hpp"
#include "network/optimizer.hpp"
#include "visual/plot/plot.hpp"

using dlmath::testing::run_dlmath;
using nlohmann::json;

namespace {

// `dlmath serve --port 0` with its first line read: the port it chose.
class Server {
 public:
  Server() {
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    pid_ = fork();
    if (pid_ == 0) {
      prctl(PR_SET_PDEATHSIG, SIGTERM);  // a test that dies takes its server with it
      dup2(fds[1], STDOUT_FILENO);
      close(fds[0]);
      close(fds[1]);
      execl(DLMATH_EXE, "dlmath", "serve", "--port", "0", static_cast<char*>(nullptr));
      _exit(127);
    }
    close(fds[1]);
    out_ = fdopen(fds[0], "r");
    char buffer[256] = {};
    REQUIRE(std::fgets(buffer, sizeof buffer, out_) != nullptr);
    line_ = buffer;
    std::sscanf(buffer, "dlmath: the book is at http://127.0.0.1:%d/", &port_);
    REQUIRE(port_ > 0);
  }
  ~Server() {
    if (pid_ > 0) stop();
    if (out_) std::fclose(out_);
  }
  // SIGINT, as Ctrl-C: returns the exit status.
  int stop() {
    kill(pid_, SIGINT);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  int port() const { return port_; }
  const std::string& line() const { return line_; }
  httplib::Client client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(120, 0);
    return c;
  }

 private:
  pid_t pid_ = -1;
  FILE* out_ = nullptr;
  int port_ = 0;
  std::string line_;
};

Server& server() {
  static Server s;
  return s;
}

// A request written byte for byte (no client library to tidy the path or the headers).
std::string raw(const std::string& request) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(server().port()));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
  REQUIRE(write(fd, request.data(), request.size()) == static_cast<ssize_t>(request.size()));
  std::string reply;
  char buffer[4096];
  for (ssize_t n; (n = read(fd, buffer, sizeof buffer)) > 0;) reply.append(buffer, n);
  close(fd);
  return reply;
}

int status_of(const std::string& reply) {
  int status = 0;
  std::sscanf(reply.c_str(), "HTTP/1.1 %d", &status);
  return status;
}

std::string host() {
  return "127.0.0.1:" + std::to_string(server().port());
}

std::string query(const std::string& text) {
  return httplib::detail::encode_query_param(text);
}

// How many times `what` occurs in `svg`.
int count(const std::string& svg, const std::string& what) {
  int n = 0;
  for (std::size_t at = 0; (at = svg.find(what, at)) != std::string::npos; ++at) ++n;
  return n;
}

}  // namespace

TEST_CASE("serve prints where the book is, on 127.0.0.1 and the port it chose") {
  CHECK(server().line() ==
        "dlmath: the book is at http://127.0.0.1:" + std::to_string(server().port()) + "/\n");
}

TEST_CASE("/api/eval answers the JSON of dlmath eval --json, by GET and by POST") {
  auto c = server().client();
  for (const std::string precision : {"double", "50", "100"}) {
    const auto cmd =
        run_dlmath("eval 'sigmoid(w*x + b) * log(x)' --at x=0.5,w=2,b=-1 --precision " + precision +
                   " --json");
    REQUIRE(cmd.code == 0);
    const auto get = c.Get("/api/eval?program=" + query("sigmoid(w*x + b) * log(x)") +
                           "&at=x=0.5,w=2,b=-1&precision=" + precision);
    REQUIRE(get);
    CHECK(get->status == 200);
    CHECK(get->get_header_value("Content-Type") == "application/json");
    CHECK(json::parse(get->body) == json::parse(cmd.out));
    CHECK(get->body + "\n" == cmd.out);  // the same text, key order and digits
    const auto post = c.Post("/api/eval", httplib::Params{{"program", "sigmoid(w*x + b) * log(x)"},
                                                          {"at", "x=0.5,w=2,b=-1"},
                                                          {"precision", precision}});
    REQUIRE(post);
    CHECK(post->body == get->body);
  }
}

TEST_CASE("/api/diff gives the formulas of dlmath diff, diff --latex and diff --raw") {
  auto c = server().client();
  const auto text = run_dlmath("diff 'x^3*sin(x) + y' --wrt x");
  const auto latex = run_dlmath("diff 'x^3*sin(x) + y' --wrt x --latex");
  const auto raw = run_dlmath("diff 'x^3*sin(x) + y' --wrt x --raw");
  const auto r = c.Get("/api/diff?program=" + query("x^3*sin(x) + y") + "&wrt=x");
  REQUIRE(r);
  REQUIRE(r->status == 200);
  const json j = json::parse(r->body);
  CHECK(j["derivative"].get<std::string>() + "\n" == text.out);
  CHECK(j["latex"].get<std::string>() + "\n" == latex.out);
  CHECK(j["raw"].get<std::string>() + "\n" == raw.out);
  CHECK(j["raw"] != j["derivative"]);
  const auto bad = c.Get("/api/diff?program=x&wrt=y");
  REQUIRE(bad);
  CHECK(bad->status == 400);
  CHECK_THAT(json::parse(bad->body)["error"].get<std::string>(), Catch::Contains("no input 'y'"));
}

TEST_CASE("/api/graph.svg draws the graph dlmath graph draws, values and gradients on it") {
  auto c = server().client();
  const auto r = c.Get("/api/graph.svg?program=" + query("y = w*x\ny + b") + "&at=x=3,w=2,b=1");
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(r->get_header_value("Content-Type") == "image/svg+xml");
  CHECK_THAT(r->body,
             Catch::Contains("<svg") && Catch::Contains(">value 7<"));  // the output's value
  const std::string file = dlmath::testing::temp_path("g.dot");
  REQUIRE(run_dlmath("graph 'y = w*x\ny + b' --at x=3,w=2,b=1 -o " + file).code == 0);
}

TEST_CASE("a syntax error is a 400 with line and column, as text in JSON, never markup") {
  auto c = server().client();
  const auto r = c.Get("/api/eval?program=" + query("x = 1\nx<script>alert(1)</script>") + "&at=");
  REQUIRE(r);
  CHECK(r->status == 400);
  CHECK(r->get_header_value("Content-Type") == "application/json");
  CHECK_THAT(json::parse(r->body)["error"].get<std::string>(), Catch::StartsWith("2:2:"));
  const auto missing = c.Get("/api/eval?program=x*y&at=x=1");
  REQUIRE(missing);
  CHECK(missing->status == 400);
  CHECK_THAT(missing->body, Catch::Contains("no value for the input y"));
  const auto bad_precision = c.Get("/api/eval?program=x&at=x=1&precision=7");
  REQUIRE(bad_precision);
  CHECK(bad_precision->status == 400);
  // A field given twice, in the query or once there and once in the body: which did you mean?
  const auto twice = c.Get("/api/eval?program=x*2&at=x=3&at=x=4");
  REQUIRE(twice);
  CHECK(twice->status == 400);
  CHECK(json::parse(twice->body)["error"] == "at is given more than once; give it once");
  const auto both =
      c.Post("/api/eval?at=x=3", "program=x*2&at=x=4", "application/x-www-form-urlencoded");
  REQUIRE(both);
  CHECK(both->status == 400);
  CHECK_THAT(both->body, Catch::Contains("at is given more than once"));
}

TEST_CASE("requests for another host, or out of the site, are refused") {
  const std::string tail = "Connection: close\r\n\r\n";
  CHECK(status_of(raw("GET / HTTP/1.1\r\nHost: " + host() + "\r\n" + tail)) == 200);
  CHECK(status_of(raw("GET / HTTP/1.1\r\nHost: localhost:" + std::to_string(server().port()) +
                      "\r\n" + tail)) == 200);
  // DNS rebinding: a site that resolves its own name to 127.0.0.1.
  const std::string evil = raw("GET /api/eval?program=x&at=x=1 HTTP/1.1\r\nHost: evil.example:" +
                               std::to_string(server().port()) + "\r\n" + tail);
  CHECK(status_of(evil) == 403);
  CHECK_THAT(evil, Catch::Contains("\"error\""));
  CHECK(status_of(raw("GET / HTTP/1.1\r\nHost: 127.0.0.1:1\r\n" + tail)) == 403);
  CHECK(status_of(raw("GET / HTTP/1.1\r\n" + tail)) == 400);
  for (const char* path :
       {"/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E%2Fetc%2Fpasswd",
        "/vendor/..%2fstyle.css", "/style.css%00", "/..\\..\\etc\\passwd"}) {
    INFO(path);
    const std::string r =
        raw(std::string("GET ") + path + " HTTP/1.1\r\nHost: " + host() + "\r\n" + tail);
    CHECK(status_of(r) == 400);
    CHECK_THAT(r, !Catch::Contains("root:"));
  }
  CHECK(status_of(raw("GET /style.css HTTP/1.1\r\nHost: " + host() + "\r\n" + tail)) == 200);
  CHECK(status_of(raw("GET /nothing-here HTTP/1.1\r\nHost: " + host() + "\r\n" + tail)) == 404);
}

TEST_CASE("limits are checked before work: 413 and 400 with a JSON error") {
  auto c = server().client();
  const auto form = [](const std::string& program) {
    return "program=" + query(program) + "&at=x=1";
  };
  // Long programs: the form encoding in a POST body, up to 64 KiB a field.
  std::string sum = "x";
  while (sum.size() < 20000) sum += " + x";
  const auto long_ok = c.Post("/api/eval", form(sum), "text/plain");
  REQUIRE(long_ok);
  CHECK(long_ok->status == 200);
  CHECK(json::parse(long_ok->body)["gradient"]["x"] == std::to_string((sum.size() + 3) / 4));
  const auto big = c.Post("/api/eval", form(std::string(70000, 'x')), "text/plain");
  REQUIRE(big);
  CHECK(big->status == 413);
  CHECK_THAT(json::parse(big->body)["error"].get<std::string>(), Catch::Contains("limit"));
  // The same long program form-encoded, as curl --data-urlencode sends it: the same answer.
  const auto form_long = c.Post("/api/eval", form(sum), "application/x-www-form-urlencoded");
  REQUIRE(form_long);
  CHECK(form_long->status == 200);
  CHECK(form_long->body == long_ok->body);
  const auto form_big =
      c.Post("/api/eval", form(std::string(70000, 'x')), "application/x-www-form-urlencoded");
  REQUIRE(form_big);
  CHECK(form_big->status == 413);
  CHECK_NOTHROW(json::parse(form_big->body));
  const auto huge = c.Post("/api/data", std::string(2 * 1024 * 1024, 'a'), "text/csv");
  REQUIRE(huge);
  CHECK(huge->status == 413);
  CHECK_NOTHROW(json::parse(huge->body));
  const auto steps = c.Get("/api/train?steps=100000000");
  REQUIRE(steps);
  CHECK(steps->status == 413);
  for (const char* q : {"eta=-1", "eta=abc", "steps=1e3", "method=adam", "layers=2,0,2",
                        "layers=3,2", "data=/etc/passwd", "activation=cube", "precision=50",
                        "optimizer=rmsprop", "optimizer=adam&beta2=1", "momentum=-0.5"}) {
    INFO(q);
    const auto r = c.Get(std::string("/api/train?") + q);
    REQUIRE(r);
    CHECK(r->status == 400);
    CHECK_NOTHROW(json::parse(r->body)["error"].get<std::string>());
  }
  std::string chain = "s = x\n";
  for (int k = 0; k < 3000; ++k) chain += "s = s*x + 1\n";
  const auto many =
      c.Post("/api/graph.svg", "program=" + query(chain + "s") + "&at=x=0.5&full=1", "text/plain");
  REQUIRE(many);
  CHECK(many->status == 413);
  // The server is still there for the next learner.
  const auto after = c.Get("/api/eval?program=x&at=x=1");
  REQUIRE(after);
  CHECK(after->status == 200);
}

TEST_CASE("the training stream sends events, heartbeats and a final state equal to dlmath train") {
  auto c = server().client();
  std::string stream;
  const auto r = c.Get("/api/train?steps=200000&seed=1", [&](const char* data, std::size_t n) {
    stream.append(data, n);
    return true;
  });
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(r->get_header_value("Content-Type") == "text/event-stream");
  int events = 0;
  for (std::size_t at = 0; (at = stream.find("\ndata: ", at)) != std::string::npos; ++at) ++events;
  CHECK(events >= 3);
  CHECK_THAT(stream, Catch::StartsWith(": dlmath training stream"));
  const auto done = stream.find("event: done\ndata: ");
  REQUIRE(done != std::string::npos);
  const json end = json::parse(stream.substr(done + 18, stream.find("\n\n", done) - done - 18));
  const auto cmd = run_dlmath("train --steps 200000 --seed 1 --json");
  REQUIRE(cmd.code == 0);
  const json train = json::parse(cmd.out);
  CHECK(end["step"] == 200000);
  CHECK(end["correct"] == train["correct"]);
  CHECK(end["cost"].get<double>() ==
        Approx(std::stod(train["final_cost"].get<std::string>())).epsilon(1e-12));
  CHECK(end["grid"]["cells"].get<std::string>().size() == 24 * 24);
  REQUIRE(end["parameters"].size() == 23);
  for (const auto& p : end["parameters"]) {
    const double g = p["gradient"], d = p["central_difference"];
    CHECK(std::abs(g - d) <= 1e-6 * std::max(1.0, std::abs(g)) + 1e-9);
  }
  // The first event carries the points; the costs fall.
  const auto first = stream.find("data: ");
  const json e0 = json::parse(stream.substr(first + 6, stream.find("\n\n", first) - first - 6));
  CHECK(e0["step"] == 0);
  CHECK(e0["points"].size() == 10);
  CHECK(end["cost"].get<double>() < e0["cost"].get<double>());
}

TEST_CASE("the stream's events bring every cost record dlmath train --history writes") {
  // A run this short is over in milliseconds, within one or two events: a curve of the events'
  // costs alone was a straight line from the first to the last.
  auto c = server().client();
  const auto r = c.Get("/api/train?steps=20000&seed=1&optimizer=momentum&momentum=0.7");
  REQUIRE(r);
  REQUIRE(r->status == 200);
  std::vector<std::pair<long, double>> streamed;
  for (std::size_t at = 0; (at = r->body.find("data: ", at)) != std::string::npos;) {
    const std::size_t end = r->body.find("\n\n", at);
    const json e = json::parse(r->body.substr(at + 6, end - at - 6));
    for (const auto& record : e.value("history", json::array()))
      streamed.emplace_back(record[0].get<long>(), record[1].get<double>());
    at = end;
  }
  const std::string file = "stream-history-test.csv";
  const auto cmd = run_dlmath(
      "train --steps 20000 --seed 1 --optimizer momentum --momentum 0.7 "
      "--history " +
      file);
  REQUIRE(cmd.code == 0);
  std::ifstream in(file);
  std::string line;
  std::getline(in, line);  // step,cost,scaled_cost
  std::vector<std::pair<long, double>> written;
  while (std::getline(in, line))
    written.emplace_back(std::stol(line), std::stod(line.substr(line.find(',') + 1)));
  std::remove(file.c_str());
  REQUIRE(written.size() == 1001);  // step 0, then every 20 steps
  REQUIRE(streamed.size() == written.size());
  for (std::size_t k = 0; k < written.size(); ++k) {
    INFO("record " << k);
    CHECK(streamed[k].first == written[k].first);
    CHECK(streamed[k].second == Approx(written[k].second).epsilon(1e-12));
  }
}

TEST_CASE("a paused training steps one pass of the points at a time and resumes the same run") {
  auto c = server().client();
  auto control = server().client();
  std::string stream, id;
  std::vector<json> events;
  std::size_t parsed = 0;
  int stepped = 0;
  auto act = [&](const std::string& action) {
    const auto r = control.Post("/api/train/control", "stream=" + id + "&action=" + action,
                                "application/x-www-form-urlencoded");
    REQUIRE(r);
    CHECK(r->status == 200);
  };
  const auto r =
      c.Get("/api/train?steps=1000&seed=1&paused=1", [&](const char* data, std::size_t n) {
        stream.append(data, n);
        for (std::size_t end; (end = stream.find("\n\n", parsed)) != std::string::npos;
             parsed = end + 2) {
          const std::string event = stream.substr(parsed, end - parsed);
          const auto at = event.find("data: ");
          if (at == std::string::npos) continue;
          events.push_back(json::parse(event.substr(at + 6)));
          const json& e = events.back();
          if (e.contains("stream")) id = e["stream"];
          // Two steps while paused, then resume to the end.
          if (e.value("paused", false)) act(++stepped <= 2 ? "step" : "resume");
        }
        return true;
      });
  REQUIRE(r);
  REQUIRE(events.size() >= 4);
  CHECK(events[0]["step"] == 0);
  CHECK(events[0]["step_size"] == 10);  // sgd on ten points: ten updates a step
  CHECK(events[1]["step"] == 10);
  CHECK(events[1]["paused"] == true);
  CHECK(events[2]["step"] == 20);
  CHECK(events[2]["paused"] == true);
  CHECK(stepped == 3);
  // Pausing changed nothing: the end is that of one uninterrupted run.
  const json& end = events.back();
  CHECK(end["step"] == 1000);
  const auto cmd = run_dlmath("train --steps 1000 --seed 1 --json");
  REQUIRE(cmd.code == 0);
  CHECK(end["cost"].get<double>() ==
        Approx(std::stod(json::parse(cmd.out)["final_cost"].get<std::string>())).epsilon(1e-12));
  // A stream that is not running, and an action that does not exist.
  const auto gone = control.Post("/api/train/control", "stream=" + id + "&action=step",
                                 "application/x-www-form-urlencoded");
  REQUIRE(gone);
  CHECK(gone->status == 404);
  const auto bad = control.Post("/api/train/control", "stream=s1&action=rewind",
                                "application/x-www-form-urlencoded");
  REQUIRE(bad);
  CHECK(bad->status == 400);
}

TEST_CASE("the stream trains with the optimiser asked for, as dlmath train does") {
  auto c = server().client();
  // Each optimiser with its own constants, and a minibatch's size: the same fields as options.
  for (const char* fields :
       {"optimizer=adam&eta=0.01", "optimizer=adam&eta=0.01&beta1=0.8&beta2=0.99",
        "optimizer=momentum&eta=0.01&momentum=0.5", "method=minibatch&batch=3"}) {
    INFO(fields);
    const auto r = c.Get(std::string("/api/train?steps=3000&seed=2&") + fields);
    REQUIRE(r);
    REQUIRE(r->status == 200);
    const auto done = r->body.find("event: done\ndata: ");
    REQUIRE(done != std::string::npos);
    const json end = json::parse(r->body.substr(done + 18, r->body.find("\n\n", done) - done - 18));
    std::string options;
    for (char ch : std::string(fields))
      options += ch == '=' ? std::string(" ") : ch == '&' ? std::string(" --") : std::string(1, ch);
    const auto cmd = run_dlmath("train --steps 3000 --seed 2 --" + options + " --json");
    REQUIRE(cmd.code == 0);
    CHECK(end["cost"].get<double>() ==
          Approx(std::stod(json::parse(cmd.out)["final_cost"].get<std::string>())).epsilon(1e-12));
  }
}

TEST_CASE(
    "a constant for an optimiser the run does not use, or a batch without minibatch, is "
    "refused") {
  auto c = server().client();
  for (const auto& [fields, message] :
       {std::pair{"momentum=0.5", "momentum: only with optimizer momentum (this run uses sgd)"},
        {"optimizer=momentum&beta1=0.8",
         "beta1: only with optimizer adam (this run uses momentum)"},
        {"optimizer=adam&momentum=0.5",
         "momentum: only with optimizer momentum (this run uses adam)"},
        {"optimizer=sgd&epsilon=0.1", "epsilon: only with optimizer adam (this run uses sgd)"},
        {"batch=3", "batch: only with method minibatch (this run is sgd)"},
        {"method=gd&batch=3", "batch: only with method minibatch (this run is gd)"}}) {
    INFO(fields);
    const auto r = c.Get(std::string("/api/train?steps=10&") + fields);
    REQUIRE(r);
    CHECK(r->status == 400);
    CHECK(json::parse(r->body)["error"].get<std::string>() == message);
  }
  // A misspelt field would train, silently, with the default; a NUL byte would cut the message
  // that quotes it short.
  for (const auto& [query, message] :
       {std::pair{"/api/train?optimizer=momentum&mometum=0.5",
                  "unknown field 'mometum' (the fields are activation, batch, beta1, "},
        {"/api/network.svg?layer=2,5,2", "unknown field 'layer' (the fields are "},
        {"/api/train?optimizer=momentum%00", "optimizer: a NUL byte at byte 9"},
        {"/api/train?momentum%00=0.5", "a field's name: a NUL byte at byte 9"},
        {"/api/eval?program=x%00y&at=x=1", "program: a NUL byte at byte 2"},
        // bytes that are not UTF-8, quoted in a message: U+FFFD in their place
        {"/api/train?optimizer=%FF", "optimizer: '\xEF\xBF\xBD' is not sgd"},
        {"/api/train?%FF%FE=1", "unknown field '\xEF\xBF\xBD\xEF\xBF\xBD' (the fields are "}}) {
    INFO(query);
    const auto r = c.Get(query);
    REQUIRE(r);
    CHECK(r->status == 400);
    CHECK_THAT(json::parse(r->body)["error"].get<std::string>(), Catch::StartsWith(message));
  }
}

TEST_CASE("every endpoint refuses a field it does not read, by GET and by POST") {
  // A misspelt field would be ignored and the answer given for its default, silently.
  auto c = server().client();
  for (const auto& [path, fields, message] :
       {std::tuple{"/api/eval", "program=x*2&at=x=3&precison=50",
                   "unknown field 'precison' (the fields are program, at, precision)"},
        {"/api/diff", "program=x*x&wrt=x&oder=2",
         "unknown field 'oder' (the fields are program, wrt, order, precision)"},
        {"/api/inputs", "program=x*y&at=x=1", "unknown field 'at' (the fields are program)"},
        {"/api/graph.svg", "program=x*2&at=x=3&digit=2",
         "unknown field 'digit' (the fields are program, at, digits, full)"},
        {"/api/train/control", "stream=1&action=pause&now=1",
         "unknown field 'now' (the fields are stream, action)"},
        {"/api/data", "csv=x1,x2,class%0A0,0,A%0A&nme=mine.csv",
         "unknown field 'nme' (the fields are csv, name)"}}) {
    for (const bool post : {false, true}) {
      if (!post && std::string(path) == "/api/train/control") continue;  // POST only
      if (!post && std::string(path) == "/api/data") continue;
      INFO(path << (post ? " POST " : " GET ") << fields);
      const auto r = post ? c.Post(path, fields, "application/x-www-form-urlencoded")
                          : c.Get(std::string(path) + "?" + fields);
      REQUIRE(r);
      CHECK(r->status == 400);
      CHECK(json::parse(r->body)["error"].get<std::string>() == message);
    }
  }
  // A CSV sent as the body itself: the query string's fields are checked, and its CSV-like text
  // (text/plain bodies are parsed as fields too) is not taken for fields.
  for (const char* type : {"text/csv", "text/plain"}) {
    INFO(type);
    const auto misspelt = c.Post("/api/data?nmae=mine.csv", "x1,x2,class\n0,0,A\n1,1,B\n", type);
    REQUIRE(misspelt);
    CHECK(misspelt->status == 400);
    CHECK(json::parse(misspelt->body)["error"].get<std::string>() ==
          "unknown field 'nmae' (the fields are csv, name)");
    const auto named = c.Post("/api/data?name=mine.csv", "x1,x2,class\n0,0,A\n1,1,B\n", type);
    REQUIRE(named);
    CHECK(named->status == 200);
  }
  // The same requests without the stray field are answered.
  for (const auto& [path, fields] : {std::pair{"/api/eval", "program=x*2&at=x=3&precision=50"},
                                     {"/api/diff", "program=x*x&wrt=x&order=2"},
                                     {"/api/inputs", "program=x*y"},
                                     {"/api/graph.svg", "program=x*2&at=x=3&digits=2"}}) {
    INFO(path << " " << fields);
    const auto r = c.Get(std::string(path) + "?" + fields);
    REQUIRE(r);
    CHECK(r->status == 200);
  }
}

TEST_CASE("/api/data checks an uploaded CSV with file:line errors, and training uses it") {
  auto c = server().client();
  const auto bad = c.Post(
      "/api/data",
      httplib::Params{{"csv", "x1,x2,class\n0.1,0.2,A\n0.3,oops,B\n"}, {"name", "mine.csv"}});
  REQUIRE(bad);
  CHECK(bad->status == 400);
  CHECK_THAT(json::parse(bad->body)["error"].get<std::string>(), Catch::Contains("mine.csv:3"));
  const auto good =
      c.Post("/api/data", "x1,x2,class\n0.1,0.2,A\n0.9,0.8,B\n0.2,0.1,A\n0.8,0.9,B\n", "text/csv");
  REQUIRE(good);
  REQUIRE(good->status == 200);
  const json j = json::parse(good->body);
  CHECK(j["points"] == 4);
  const auto r = c.Get("/api/train?steps=2000&data=" + query(j["data"].get<std::string>()));
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK_THAT(r->body, Catch::Contains("event: done") && Catch::Contains("\"total\":4"));
  // The regions follow the data: its extent with a tenth to spare (the unit square only for
  // points well inside it), and each class as dlmath's pictures draw it.
  const auto wide =
      c.Post("/api/data", "u,v,class\n-3,-1,A\n3,1,B\n-2,1,C\n2,-1,A\n0,0,B\n1,1,C\n", "text/csv");
  REQUIRE(wide);
  REQUIRE(wide->status == 200);
  const auto w = c.Get("/api/train?steps=0&layers=2,3,3&data=" +
                       query(json::parse(wide->body)["data"].get<std::string>()));
  REQUIRE(w);
  const auto at = w->body.find("data: ");
  REQUIRE(at != std::string::npos);
  const json first = json::parse(w->body.substr(at + 6, w->body.find("\n\n", at) - at - 6));
  const json& grid = first["grid"];
  CHECK(grid["x0"].get<double>() == Approx(-3.6));
  CHECK(grid["x1"].get<double>() == Approx(3.6));
  CHECK(grid["y0"].get<double>() == Approx(-1.2));
  CHECK(grid["y1"].get<double>() == Approx(1.2));
  CHECK(first["features"] == json::array({"u", "v"}));  // the axes by the CSV's column names
  // The regions' ticks and axis names, as the PNG pictures give them.
  REQUIRE(first["axes"].size() == 2);
  CHECK(first["axes"][0]["name"] == "u");
  CHECK(first["axes"][1]["name"] == "v");
  std::vector<std::string> labels;
  for (const auto& t : first["axes"][1]["ticks"]) labels.push_back(t[1].get<std::string>());
  CHECK(labels == std::vector<std::string>{"-1.0", "-0.5", "0.0", "0.5", "1.0"});
  CHECK(first["axes"][1]["ticks"][1][0].get<double>() == Approx(-0.5));
  REQUIRE(first["classes"].size() == 3);
  for (int k = 0; k < 3; ++k) {
    const auto look = dlmath::visual::class_look(k);
    char colour[8];
    std::snprintf(colour, sizeof colour, "#%02x%02x%02x", look.colour[0], look.colour[1],
                  look.colour[2]);
    CHECK(first["classes"][k]["name"] == std::string(1, static_cast<char>('A' + k)));
    CHECK(first["classes"][k]["colour"] == colour);
    CHECK(first["classes"][k]["marker"].size() == look.marker.size());
  }
  // Points PLplot cannot draw apart are refused at the upload, not when their training starts.
  const auto near =
      c.Post("/api/data?name=close.csv", "a,b,class\n1,0,A\n1.0000000000000004,1,B\n", "text/csv");
  REQUIRE(near);
  CHECK(near->status == 400);
  CHECK_THAT(
      json::parse(near->body)["error"].get<std::string>(),
      Catch::StartsWith("close.csv: the points cannot be drawn: a from 1 to 1.0000000000000004"));
  // The article's points keep the unit square.
  const auto paper = c.Get("/api/train?steps=0");
  REQUIRE(paper);
  const auto p0 = paper->body.find("data: ");
  const json g =
      json::parse(paper->body.substr(p0 + 6, paper->body.find("\n\n", p0) - p0 - 6))["grid"];
  CHECK((g["x0"] == 0 && g["x1"] == 1 && g["y0"] == 0 && g["y1"] == 1));
}

TEST_CASE("the book: contents, nine chapters with pictures inline, the playground, the lab") {
  auto c = server().client();
  const auto contents = c.Get("/");
  REQUIRE(contents);
  CHECK_THAT(contents->body, Catch::Contains("href=\"/chapter/9\""));
  for (int n = 1; n <= 9; ++n) {
    INFO("chapter " << n);
    const auto r = c.Get("/chapter/" + std::to_string(n));
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK_THAT(r->body, Catch::Contains("<h1>Chapter " + std::to_string(n) + "."));
    if (n != 6 && n != 7)
      CHECK_THAT(r->body, Catch::Contains("<figure class=\"picture\"") && Catch::Contains("><svg"));
    if (n > 1)
      CHECK_THAT(r->body, Catch::Contains("href=\"/chapter/" + std::to_string(n - 1) + "\""));
    if (n < 9)
      CHECK_THAT(r->body, Catch::Contains("href=\"/chapter/" + std::to_string(n + 1) + "\""));
  }
  CHECK(c.Get("/chapter/10")->status == 404);
  CHECK(c.Get("/chapter/0")->status == 404);
  const auto play = c.Get("/playground");
  REQUIRE(play);
  for (const char* id : {"<textarea id=\"program\"", "id=\"value\"", "<table id=\"gradients\"",
                         "id=\"formula\"", "id=\"graph\"", "id=\"error\""})
    CHECK_THAT(play->body, Catch::Contains(id));
  const auto katex = c.Get("/vendor/katex-0.16.11/katex.min.js");
  REQUIRE(katex);
  CHECK(katex->status == 200);
  CHECK(katex->body.size() > 100000);
}

TEST_CASE("the lab's menus offer what /api/train accepts, from the server's own tables") {
  auto c = server().client();
  const auto page = c.Get("/network");
  REQUIRE(page);
  const std::string open = "id=\"figure-starts\">";
  const auto from = page->body.find(open);
  REQUIRE(from != std::string::npos);
  const auto to = page->body.find("</script>", from);
  const json lab =
      json::parse(page->body.substr(from + open.size(), to - from - open.size()))["network-lab"];
  const json& choices = lab["choices"];
  // One activation typed for the hidden layers: the page gives the output layer the default.
  CHECK(lab["output_activation"] == std::string(dlmath::default_activation.name));
  std::vector<std::string> names;
  for (const auto& a : dlmath::activations) names.emplace_back(a.name);
  CHECK(choices["activation"].get<std::vector<std::string>>() == names);
  names.clear();
  for (const auto& o : dlmath::optimizer_table<double>) names.emplace_back(o.name);
  CHECK(choices["optimizer"].get<std::vector<std::string>>() == names);
  // Every choice trains: a few steps of each, hidden layers taking the activation offered.
  for (const auto& [field, offered] : choices.items())
    for (const auto& v : offered) {
      INFO(field << " = " << v);
      std::map<std::string, std::string> f = {{"steps", "3"}, {"layers", "2,3,2"}};
      f[field] = v.get<std::string>();
      if (field == "activation") f[field] += ",sigmoid";
      std::string query;
      for (const auto& [k, x] : f) query += (query.empty() ? "?" : "&") + k + "=" + x;
      const auto r = c.Get("/api/train" + query);
      REQUIRE(r);
      CHECK(r->status == 200);
      CHECK_THAT(r->body, Catch::Contains("event: done"));
    }
}

TEST_CASE(
    "/api/network.svg draws the network a training starts from, and its stream the trained one") {
  auto c = server().client();
  // Every label drawn (the weights, biases, layer names), sorted.
  const auto texts = [](const std::string& svg) {
    std::vector<std::string> out;
    for (std::size_t at = 0; (at = svg.find("<text", at)) != std::string::npos; ++at) {
      const auto from = svg.find('>', at) + 1;
      out.push_back(svg.substr(from, svg.find("</text>", from) - from));
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  const auto r = c.Get("/api/network.svg?layers=2,5,2&activation=tanh,sigmoid");
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(r->get_header_value("Content-Type") == "image/svg+xml");
  CHECK(count(r->body, "class=\"edge\"") == 2 * 5 + 5 * 2);
  CHECK(count(r->body, "class=\"node\"") == 2 + 5 + 2);
  CHECK_THAT(r->body, Catch::Contains("layer 2 (tanh)") && Catch::Contains("layer 3 (sigmoid)"));
  const auto big = c.Get("/api/network.svg?layers=2,20,20,2");
  REQUIRE(big);
  CHECK(big->status == 413);
  CHECK_THAT(big->body, Catch::Contains("at most 150 weights; this network has 480"));
  CHECK(c.Get("/api/network.svg?layers=2,x,2")->status == 400);
  const auto unknown = c.Get("/api/network.svg?data=higham12");
  CHECK(unknown->status == 400);
  CHECK_THAT(unknown->body, Catch::Contains("built in: higham10, higham11;"));
  // The stream's first and last events carry the diagram of the network at that moment.
  std::string stream;
  REQUIRE(c.Get("/api/train?steps=2000", [&](const char* data, std::size_t n) {
    stream.append(data, n);
    return true;
  }));
  const json first = json::parse(
      stream.substr(stream.find("data: ") + 6,
                    stream.find("\n\n", stream.find("data: ")) - stream.find("data: ") - 6));
  const auto done = stream.find("event: done\ndata: ");
  REQUIRE(done != std::string::npos);
  const json end = json::parse(stream.substr(done + 18, stream.find("\n\n", done) - done - 18));
  CHECK(count(first["network"].get<std::string>(), "class=\"edge\"") == 16);
  // (Graphviz may write the clusters in another order: the labels are compared as a set.)
  CHECK(texts(first["network"].get<std::string>()) ==
        texts(c.Get("/api/network.svg?steps=2000")->body));
  CHECK(count(end["network"].get<std::string>(), "class=\"edge\"") == 16);
  CHECK(end["network"] != first["network"]);
}

TEST_CASE("/api/network-graph.svg draws a neuron as one node, and opens the groups named") {
  auto c = server().client();
  const auto closed = c.Get("/api/network-graph.svg");
  REQUIRE(closed);
  CHECK(closed->status == 200);
  CHECK(closed->get_header_value("Content-Type") == "image/svg+xml");
  // The article's 7 neurons, the input and the cost, one node each, with ids a page can click.
  CHECK(count(closed->body, "id=\"group:") == 9);
  CHECK(count(closed->body, "id=\"group:neuron ") == 7);
  CHECK(count(closed->body, ">affine<") == 0);
  CHECK_THAT(closed->body, Catch::Contains("at point 1 (0.1, 0.1)"));
  // Opened, by GET or POST: neuron 3.2's affine node and sigmoid, the others still closed.
  for (const auto& r : {c.Get("/api/network-graph.svg?point=3&expand=neuron%203.2,cost"),
                        c.Post("/api/network-graph.svg", "point=3&expand=neuron 3.2,cost",
                               "application/x-www-form-urlencoded")}) {
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(count(r->body, "id=\"open:neuron 3.2\"") == 1);
    CHECK(count(r->body, "id=\"open:cost\"") == 1);
    CHECK(count(r->body, "id=\"group:") == 7);
    CHECK(count(r->body, ">affine<") == 1);
    CHECK(count(r->body, ">sigmoid<") == 1);
    CHECK(count(r->body, ">square<") == 2);
    CHECK_THAT(r->body, Catch::Contains("at point 3 ("));
  }
  // The lab's networks too: each layer's activation named on its nodes.
  const auto tanh =
      c.Get("/api/network-graph.svg?layers=2,5,2&activation=tanh,sigmoid&expand=layer%202");
  REQUIRE(tanh);
  CHECK(tanh->status == 200);
  CHECK(count(tanh->body, ">tanh<") == 5);
  // Bad requests: one message each, nothing drawn.
  for (const auto& [query, status, message] :
       {std::tuple{"expand=neuron%209.9", 400, "expand: no group is named 'neuron 9.9' (input, "},
        {"expand=", 200, ""},
        {"expand=,", 400, "expand: no group is named ''"},
        {"point=11", 400, "point: 11 is outside 1..10"},
        {"point=x", 400, "point: 'x' is not a whole number"},
        {"digits=0", 400, "digits: 0 is outside 1..17"},
        {"layers=2,20,20,2", 413,
         "the graph is drawn for at most 150 weights; this network has 480"},
        {"expnad=cost", 400, "unknown field 'expnad' (the fields are "}}) {
    INFO(query);
    const auto r = c.Get(std::string("/api/network-graph.svg?") + query);
    REQUIRE(r);
    CHECK(r->status == status);
    if (status != 200)
      CHECK_THAT(json::parse(r->body)["error"].get<std::string>(), Catch::StartsWith(message));
  }
}

TEST_CASE("SIGINT stops the server cleanly") {
  CHECK(server().stop() == 0);
}
