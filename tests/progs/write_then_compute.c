/* For tests/bpf/check_detach_flush.sh: waits until DIR/go exists, writes
 * one line to stdout, then computes without a syscall
 * for up to 8 s (the clock is read through the vDSO). The eBPF engine keeps
 * syscall records in per-CPU batches that a CPU sends when it switches
 * tasks; this task does not switch after its write.
 *   write_then_compute DIR */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  char go[4096];
  snprintf(go, sizeof go, "%s/go", argv[1]);
  while (access(go, F_OK) != 0) {
  }
  char line[] = "computing\n";
  write(1, line, strlen(line));
  struct timespec start, now;
  clock_gettime(CLOCK_MONOTONIC, &start);
  volatile unsigned long spins = 0;
  do {
    for (int i = 0; i < 1000000; ++i) spins++;
    clock_gettime(CLOCK_MONOTONIC, &now);
  } while (now.tv_sec - start.tv_sec < 8);
  return 0;
}
