// What the benchmarks measure with: medians, the machine's load, and CPU time.
#pragma once

#include <time.h>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace dlmath::bench {

inline double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

// The machine's load average over the last minute, as /proc/loadavg gives it (-1 if unknown):
// printed beside every figure, since this machine is shared with other jobs.
inline double load_average() {
  double load = -1;
  if (FILE* f = std::fopen("/proc/loadavg", "r")) {
    if (std::fscanf(f, "%lf", &load) != 1) load = -1;
    std::fclose(f);
  }
  return load;
}

// CPU time of the calling thread: on a shared machine, time spent waiting for a core is not
// charged to whichever way happened to be running.
inline double cpu_seconds() {
  timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

}  // namespace dlmath::bench
