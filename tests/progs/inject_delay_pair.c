/* Two processes, one delayed by -e inject=getppid:delay_enter=/delay_exit=:
 * the other must go on meanwhile (strace 6.1 keeps only the delayed tracee
 * stopped). The child's getppid() is delayed (2 s in the test cases) while
 * the parent makes 10 traced getuid() calls 20 ms apart; the parent exits
 * 0 if those took well under the delay, 1 if it was held too. */
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(void) {
  /* No SIGCHLD line: when it would arrive is up to the scheduler. */
  sigset_t chld;
  sigemptyset(&chld);
  sigaddset(&chld, SIGCHLD);
  sigprocmask(SIG_BLOCK, &chld, NULL);
  pid_t child = fork();
  if (child == 0) {
    getppid();
    _exit(0);
  }
  double start = now();
  struct timespec pause = {0, 20 * 1000 * 1000};
  for (int i = 0; i < 10; ++i) {
    getuid();
    nanosleep(&pause, NULL);
  }
  double took = now() - start;
  int st;
  waitpid(child, &st, 0);
  return took < 1.2 ? 0 : 1;
}
