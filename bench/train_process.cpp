// `dlmath train` (the paper's run, 10^6 steps) against bench_tight_train (the same run written
// tightly by hand), each as a whole process, one after the other: the median CPU time (user plus
// system, as the kernel charges it to the child) and wall time of several runs, and the ratios.
// On a machine shared with other jobs the CPU time is the steadier figure: time spent waiting for
// a core is not in it.
// Then the start of the command: `dlmath version` (the program that trains, linked without the
// drawing, Graphviz, server and line-editing libraries) against `dlmath-full version` (every
// command, every library), 40 alternate starts each, median CPU time.
// Usage: bench_train_process [RUNS]
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "bench/measure.hpp"

using dlmath::bench::load_average, dlmath::bench::median;

namespace {

struct Times {
  double cpu = 0, wall = 0;
};

double seconds(const timeval& t) {
  return static_cast<double>(t.tv_sec) + 1e-6 * static_cast<double>(t.tv_usec);
}

// Runs argv with its output thrown away; exits if it cannot start or fails.
Times run_once(char* const argv[]) {
  std::fflush(stdout);  // or the child's stdout would write this process's pending output again
  const auto t0 = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid < 0) {
    std::perror("bench_train_process: fork");
    std::exit(1);
  }
  if (pid == 0) {
    if (!std::freopen("/dev/null", "w", stdout)) _exit(127);
    execv(argv[0], argv);
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  if (wait4(pid, &status, 0, &usage) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::fprintf(stderr, "bench_train_process: '%s' failed\n", argv[0]);
    std::exit(1);
  }
  return {seconds(usage.ru_utime) + seconds(usage.ru_stime),
          std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count()};
}

}  // namespace

int main(int argc, char** argv) {
  const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 7;
  char tight_exe[] = TIGHT_EXE, dlmath_exe[] = DLMATH_EXE, train[] = "train";
  char* const tight_argv[] = {tight_exe, nullptr};
  char* const dlmath_argv[] = {dlmath_exe, train, nullptr};
  std::printf("whole process, 10^6 SGD steps of the paper's run, median of %d runs, load %.2f\n",
              runs, load_average());
  // Alternately, so that a change in the machine's load falls on both.
  std::vector<double> tight_cpu, tight_wall, dlmath_cpu, dlmath_wall;
  for (int r = 0; r < runs; ++r) {
    const Times t = run_once(tight_argv), d = run_once(dlmath_argv);
    tight_cpu.push_back(t.cpu), tight_wall.push_back(t.wall);
    dlmath_cpu.push_back(d.cpu), dlmath_wall.push_back(d.wall);
  }
  const double tc = median(tight_cpu), tw = median(tight_wall);
  const double dc = median(dlmath_cpu), dw = median(dlmath_wall);
  std::printf("  %-18s %7s %7s\n", "", "CPU s", "wall s");
  std::printf("  %-18s %7.3f %7.3f\n", "bench_tight_train", tc, tw);
  std::printf("  %-18s %7.3f %7.3f   ratio %.2f CPU, %.2f wall\n", "dlmath train", dc, dw, dc / tc,
              dw / tw);

  char full_exe[] = DLMATH_FULL_EXE, version[] = "version";
  char* const light_start[] = {dlmath_exe, version, nullptr};
  char* const full_start[] = {full_exe, version, nullptr};
  std::vector<double> light_cpu, full_cpu;
  for (int r = 0; r < 40; ++r) {
    light_cpu.push_back(run_once(light_start).cpu);
    full_cpu.push_back(run_once(full_start).cpu);
  }
  const double lc = median(light_cpu), fc = median(full_cpu);
  std::printf(
      "start, median of 40 (CPU ms): dlmath version %.1f, dlmath-full version %.1f "
      "(%.1f ms saved, %.1f%% of dlmath train)\n",
      1e3 * lc, 1e3 * fc, 1e3 * (fc - lc), 100 * (fc - lc) / dc);
  std::printf("load average %.2f at the end\n", load_average());
}
