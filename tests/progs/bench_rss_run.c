/* Runs a command and prints "<peak RSS KiB> <seconds>" of it on stderr.
 * bench/bench.py uses this small launcher because a child forked from Python
 * starts with Python's resident set, which ru_maxrss would then report. */
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv) {
  if (argc < 2) return 2;
  struct timespec a, b;
  clock_gettime(CLOCK_MONOTONIC, &a);
  pid_t pid = fork();
  if (pid == 0) {
    execvp(argv[1], argv + 1);
    _exit(127);
  }
  int status;
  struct rusage ru;
  wait4(pid, &status, 0, &ru);
  clock_gettime(CLOCK_MONOTONIC, &b);
  fprintf(stderr, "%ld %.6f\n", ru.ru_maxrss, (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
