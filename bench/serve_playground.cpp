// dlmath serve, measured from a client as the pages use it: the time of a playground update
// (eval + graph SVG of a 50-node program) against a bare round trip (a small asset) in this same
// run, and how many events a second the training stream delivers while running the paper's SGD.
// Usage: bench_serve_playground [DLMATH_EXE]
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>

namespace {

using clock_type = std::chrono::steady_clock;

double best_of(int runs, const std::function<void()>& f) {
  double best = 1e300;
  for (int r = 0; r < runs; ++r) {
    const auto t0 = clock_type::now();
    f();
    best = std::min(best, std::chrono::duration<double>(clock_type::now() - t0).count());
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  const char* exe = argc > 1 ? argv[1] : DLMATH_EXE;
  int fds[2];
  if (pipe(fds) != 0) return 1;
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(fds[1], STDOUT_FILENO);
    execl(exe, "dlmath", "serve", "--port", "0", static_cast<char*>(nullptr));
    _exit(127);
  }
  close(fds[1]);
  FILE* out = fdopen(fds[0], "r");
  char line[256] = {};
  int port = 0;
  if (!std::fgets(line, sizeof line, out) ||
      std::sscanf(line, "dlmath: the book is at http://127.0.0.1:%d/", &port) != 1) {
    std::fprintf(stderr, "bench: dlmath serve did not start\n");
    return 1;
  }
  httplib::Client c("127.0.0.1", port);
  c.set_read_timeout(300, 0);

  // 16 layers of tanh(s*w + b): 48 operations and 3 inputs, 51 nodes.
  std::string program = "s = x\n";
  for (int k = 0; k < 16; ++k) program += "s = tanh(s*w + b)\n";
  program += "s";
  const httplib::Params fields{{"program", program}, {"at", "x=0.5,w=0.9,b=0.1"}};
  auto ok = [](const httplib::Result& r) {
    if (!r || r->status != 200) {
      std::fprintf(stderr, "bench: a request failed\n");
      std::exit(1);
    }
  };
  const double trip = best_of(50, [&] { ok(c.Get("/style.css")); });
  const double eval = best_of(50, [&] { ok(c.Post("/api/eval", fields)); });
  const double graph = best_of(20, [&] { ok(c.Post("/api/graph.svg", fields)); });
  const double update = best_of(20, [&] {
    ok(c.Post("/api/eval", fields));
    ok(c.Post("/api/graph.svg", fields));
  });
  std::printf("playground, a 51-node program (best of 20-50, ms):\n");
  std::printf("  round trip, /style.css     %8.2f   ratio 1\n", 1e3 * trip);
  std::printf("  /api/eval                  %8.2f   ratio %.1f\n", 1e3 * eval, eval / trip);
  std::printf("  /api/graph.svg             %8.2f   ratio %.1f\n", 1e3 * graph, graph / trip);
  std::printf("  update: eval + graph SVG   %8.2f   ratio %.1f\n", 1e3 * update, update / trip);

  int events = 0;
  const auto t0 = clock_type::now();
  std::string tail;
  ok(c.Get("/api/train", [&](const char* data, std::size_t n) {
    tail.append(data, n);
    for (std::size_t at; (at = tail.find("\n\n")) != std::string::npos; tail.erase(0, at + 2))
      if (tail.compare(0, 6, "data: ") == 0 || tail.find("\ndata: ") < at) ++events;
    return true;
  }));
  const double seconds = std::chrono::duration<double>(clock_type::now() - t0).count();
  std::printf(
      "training stream, the paper's run (10^6 SGD steps): %d events in %.2f s, %.1f a "
      "second\n",
      events, seconds, events / seconds);
  kill(pid, SIGINT);
  waitpid(pid, nullptr, 0);
}
