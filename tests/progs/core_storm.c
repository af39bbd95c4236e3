/* A syscall storm: N getppid() calls, then one openat - the seccomp tests. */
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 10000;
  for (int i = 0; i < n; i++) getppid();
  int fd = open("/etc/hostname", O_RDONLY);
  if (fd >= 0) close(fd);
  return 0;
}
