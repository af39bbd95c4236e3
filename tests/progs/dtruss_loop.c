/* Runs until killed (or for 30 s), one failing open and a short sleep per
 * round: a target for dtruss -p (tests/dtruss). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

int main(void) {
  struct timespec ts = {0, 20 * 1000 * 1000};
  for (int i = 0; i < 1500; ++i) {
    syscall(SYS_openat, (long)AT_FDCWD, "/dtruss-test/loop", (long)O_RDONLY, 0L);
    syscall(SYS_nanosleep, (long)&ts, 0L);
  }
  return 0;
}
