/* A parent that forks two children (one exits 3, one is killed by SIGTERM),
 * a vfork+exec, and waits for each: -f, signals and exit lines. */
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
  int st;
  /* SIGCHLD stays pending: whether its delivery comes before or after a
   * wait4 returns is up to the scheduler, in strace's output too. */
  sigset_t chld;
  sigemptyset(&chld);
  sigaddset(&chld, SIGCHLD);
  sigprocmask(SIG_BLOCK, &chld, NULL);
  pid_t a = fork();
  if (a == 0) {
    int fd = open("/etc/hostname", O_RDONLY);
    close(fd);
    _exit(3);
  }
  waitpid(a, &st, 0);
  /* The second child kills itself: where a signal from the parent would
   * land in the child depends on scheduling. */
  pid_t b = fork();
  if (b == 0) {
    kill(getpid(), SIGTERM);
    pause();
    _exit(0);
  }
  waitpid(b, &st, 0);
  pid_t c = vfork();
  if (c == 0) {
    execl("/bin/true", "true", (char *)0);
    _exit(127);
  }
  waitpid(c, &st, 0);
  return 0;
}
