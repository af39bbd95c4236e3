/* A parent that forks two children (one exits 3, one is killed by SIGTERM),
 * a vfork+exec, and waits for each: -f, signals and exit lines. */
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
  int st;
  pid_t a = fork();
  if (a == 0) {
    int fd = open("/etc/hostname", O_RDONLY);
    close(fd);
    _exit(3);
  }
  waitpid(a, &st, 0);
  pid_t b = fork();
  if (b == 0) {
    pause();
    _exit(0);
  }
  kill(b, SIGTERM);
  waitpid(b, &st, 0);
  pid_t c = vfork();
  if (c == 0) {
    execl("/bin/true", "true", (char *)0);
    _exit(127);
  }
  waitpid(c, &st, 0);
  return 0;
}
