/* One call for each dtruss clause, with fixed arguments, for the dtruss
 * face's golden tests (tests/dtruss). Calls go through syscall() with every
 * argument spelled out as a long, so the registers hold exactly these values.
 * The first call is the marker the tests start comparing at. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <unistd.h>

#define AT ((long)AT_FDCWD)

int main(void) {
  syscall(SYS_openat, AT, "/dtruss-test/start", (long)O_RDONLY, 0L);
  syscall(SYS_write, 1L, "hello\n", 6L);

  long addr = syscall(SYS_mmap, 0L, 0x7000L, (long)(PROT_READ | PROT_WRITE), (long)(MAP_PRIVATE | MAP_ANONYMOUS),
                      -1L, 0L);
  syscall(SYS_munmap, addr, 0x7000L);
  syscall(SYS_mmap, 0L, 0L, (long)PROT_READ, (long)(MAP_PRIVATE | MAP_ANONYMOUS), -1L, 0L); /* EINVAL */

  int p[2];
  syscall(SYS_pipe2, (long)p, 0L);
  char buf[512];
  memset(buf, 0, sizeof buf);
  syscall(SYS_write, (long)p[1], "abc\0def", 7L);
  syscall(SYS_read, (long)p[0], (long)buf, 64L);            /* "abc\0": stops at the NUL */
  syscall(SYS_pwrite64, (long)p[1], "xyz", 3L, 0L);          /* ESPIPE, buffer still shown */
  syscall(SYS_pread64, (long)p[0], (long)buf, 16L, 0L);      /* ESPIPE */
  char big[300];
  memset(big, 'A', sizeof big);
  memcpy(big, "\t\n\"\\\x01\x7f\xff ", 8);
  syscall(SYS_write, (long)p[1], (long)big, (long)sizeof big); /* 256 bytes shown, no \0 */
  syscall(SYS_read, (long)p[0], (long)buf, (long)sizeof buf);
  syscall(SYS_read, -1L, (long)buf, 16L);                     /* EBADF: "" */
  syscall(SYS_close, (long)p[0]);
  syscall(SYS_close, (long)p[1]);

  syscall(SYS_mkdirat, AT, "/nonexistent/dir", 0755L);
  syscall(SYS_unlinkat, AT, "/nonexistent/file", 0L);
  syscall(SYS_symlinkat, "target", AT, "/nonexistent/link");
  syscall(SYS_rename, "/nonexistent/a", "/nonexistent/b");
  syscall(SYS_renameat, AT, "/nonexistent/a", AT, "/nonexistent/b");
  syscall(SYS_renameat2, AT, "/nonexistent/a", AT, "/nonexistent/b", 1L);
  syscall(SYS_linkat, AT, "/nonexistent/a", AT, "/nonexistent/b", 0L);
  syscall(SYS_fchownat, AT, "/nonexistent/a", 0L, 0L, 0L);
  syscall(SYS_access, "/nonexistent", (long)F_OK);
  struct stat st;
  syscall(SYS_newfstatat, AT, "/", (long)&st, 0L);
  syscall(SYS_openat, AT, 0L, (long)O_RDONLY, 0L);            /* EFAULT: the address */

  syscall(SYS_kill, 0L, 0L);
  sigset_t old;
  syscall(SYS_rt_sigprocmask, (long)SIG_BLOCK, 0L, (long)&old, 8L);
  syscall(SYS_rt_sigprocmask, 99L, (long)&old, 0L, 8L);       /* EINVAL */
  struct timeval tv = {0, 0};
  syscall(SYS_select, 0L, 0L, 0L, 0L, (long)&tv);
  syscall(SYS_dup, -1L);                                       /* the default clause */
  syscall(SYS_exit_group, 0L);                                 /* never returns: no row */
  return 0;
}
