/* Process creation and reaping: fork, vfork, clone3, wait4 with several statuses, waitid, children killed by signals,
 * stopped children. */
#define _GNU_SOURCE
#include <linux/sched.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
  int st;
  /* SIGCHLD delivery would interleave with the calls at times that vary
   * from run to run: keep it blocked. */
  sigset_t chld;
  sigemptyset(&chld);
  sigaddset(&chld, SIGCHLD);
  sigprocmask(SIG_BLOCK, &chld, NULL);
  pid_t pid = fork();
  if (pid == 0) _exit(3);
  wait4(pid, &st, 0, NULL);

  pid = fork();
  if (pid == 0) {
    pause();
    _exit(0);
  }
  kill(pid, SIGKILL);
  wait4(-1, &st, 0, NULL);

  /* The child waits on a pipe after it is continued, so that the parent's
   * WCONTINUED wait always sees "continued", never the exit. */
  int go[2];
  pipe(go);
  pid = fork();
  if (pid == 0) {
    char c;
    raise(SIGSTOP);
    read(go[0], &c, 1);
    _exit(0);
  }
  waitpid(pid, &st, WUNTRACED);
  kill(pid, SIGCONT);
  waitpid(pid, &st, WCONTINUED);
  write(go[1], "g", 1);
  waitpid(pid, &st, 0);

  pid = fork();
  if (pid == 0) _exit(7);
  siginfo_t si;
  memset(&si, 0, sizeof si);
  waitid(P_PID, pid, &si, WEXITED | WNOWAIT);
  waitid(P_ALL, 0, &si, WEXITED);

  pid = vfork();
  if (pid == 0) _exit(0);
  wait4(pid, &st, 0, NULL);

  wait4(-1, &st, WNOHANG, NULL);
  wait4(-1, (void *)1, 0, NULL);
  waitid(P_PGID, 0, NULL, WEXITED | WNOHANG);

  struct clone_args ca;
  memset(&ca, 0, sizeof ca);
  ca.exit_signal = SIGCHLD;
  long r = syscall(SYS_clone3, &ca, sizeof ca);
  if (r == 0) syscall(SYS_exit_group, 5);
  wait4(r, &st, __WALL, NULL);
  syscall(SYS_clone3, (void *)1, sizeof ca);
  syscall(SYS_clone3, &ca, 8);
  return 0;
}
