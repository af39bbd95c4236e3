/* A parent and a forked child, for dtruss -f (tests/dtruss). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
  syscall(SYS_openat, (long)AT_FDCWD, "/dtruss-test/start", (long)O_RDONLY, 0L);
  pid_t child = fork();
  if (child == 0) {
    syscall(SYS_write, 1L, "child\n", 6L);
    syscall(SYS_exit_group, 0L);
  }
  int status;
  syscall(SYS_wait4, -1L, (long)&status, 0L, 0L);
  syscall(SYS_write, 1L, "parent\n", 7L);
  syscall(SYS_exit_group, 0L);
  return 0;
}
