/* Signals reach the tracee unchanged: a handled SIGUSR1, an ignored SIGINT,
 * then death by SIGSEGV (core dump disabled) - strace's exit mirroring. */
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

static void on_usr1(int sig) { (void)sig; }

int main(int argc, char **argv) {
  (void)argv;
  struct rlimit none = {0, 0};
  setrlimit(RLIMIT_CORE, &none);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_usr1;
  sigaction(SIGUSR1, &sa, NULL);
  signal(SIGINT, SIG_IGN);
  kill(getpid(), SIGUSR1);
  kill(getpid(), SIGINT);
  if (argc > 1) *(volatile int *)16 = 1;
  return 0;
}
