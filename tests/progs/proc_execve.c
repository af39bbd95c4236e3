/* execve with a long argv (strace cuts it after 32 elements), a failing
 * execve (ENOENT, EFAULT argv) and execveat. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv) {
  if (argc > 1) return 0; /* the re-executed child */
  char *envp[] = {"A=1", "B=2", NULL};
  char *args[3] = {"/nonexistent/prog", "x", NULL};
  execve("/nonexistent/prog", args, envp);
  syscall(SYS_execve, "/nonexistent/prog", (void *)1, envp);
  syscall(SYS_execveat, AT_FDCWD, "/nonexistent/prog", args, envp, AT_SYMLINK_NOFOLLOW);
  syscall(SYS_execveat, -100, "", args, envp, AT_EMPTY_PATH);
  char *many[41];
  char bufs[40][8];
  many[0] = argv[0];
  for (int i = 1; i < 40; ++i) {
    snprintf(bufs[i], sizeof bufs[i], "a%d", i);
    many[i] = bufs[i];
  }
  many[40] = NULL;
  pid_t pid = fork();
  if (pid == 0) {
    execve(argv[0], many, envp);
    _exit(127);
  }
  int st;
  waitpid(pid, &st, 0);
  return 0;
}
