// `dlmath train` (the paper's run, 10^6 steps) against bench_tight_train (the same run written
// tightly by hand), each as a whole process: the median wall time of several runs and the ratio.
// Usage: bench_train_process [RUNS]
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

double median_seconds(const std::string& command, int runs) {
  std::vector<double> t;
  for (int r = 0; r < runs; ++r) {
    const auto t0 = std::chrono::steady_clock::now();
    const int status = std::system((command + " > /dev/null").c_str());
    if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      std::fprintf(stderr, "bench_train_process: '%s' failed\n", command.c_str());
      std::exit(1);
    }
    t.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(t.begin(), t.end());
  return t[t.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 7;
  const double tight = median_seconds(TIGHT_EXE, runs);
  const double dlmath = median_seconds(DLMATH_EXE " train", runs);
  std::printf("whole process, 10^6 SGD steps of the paper's run, median of %d runs\n", runs);
  std::printf("  bench_tight_train %7.3f s\n", tight);
  std::printf("  dlmath train      %7.3f s  ratio %.2f\n", dlmath, dlmath / tight);
}
