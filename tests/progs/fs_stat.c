// stat family, statx, statfs, fstatfs on a file of known size, a directory,
// /dev/null (a character device) and bad addresses.
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/stat.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <unistd.h>

#define FILE1 "/tmp/sct-fs-stat"

int main(void) {
  struct stat st;
  struct statx stx;
  struct statfs sfs;
  int fd = syscall(SYS_openat, AT_FDCWD, FILE1, O_RDWR | O_CREAT | O_TRUNC, 0640);
  syscall(SYS_fchmod, fd, 0640);
  syscall(SYS_write, fd, "0123456789", 10);
  syscall(SYS_stat, FILE1, &st);
  syscall(SYS_stat, "/tmp/sct-fs-nonexistent", &st);
  syscall(SYS_stat, FILE1, (void*)1);
  syscall(SYS_lstat, "/dev/null", &st);
  syscall(SYS_fstat, fd, &st);
  syscall(SYS_fstat, -1, &st);
  syscall(SYS_newfstatat, AT_FDCWD, FILE1, &st, 0);
  syscall(SYS_newfstatat, fd, "", &st, AT_EMPTY_PATH);
  syscall(SYS_newfstatat, AT_FDCWD, "/tmp", &st, AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT);
  syscall(SYS_newfstatat, AT_FDCWD, "/tmp", &st, 0x10000);
  syscall(SYS_statx, AT_FDCWD, FILE1, 0, STATX_TYPE | STATX_SIZE, &stx);
  syscall(SYS_statx, AT_FDCWD, "/tmp/sct-fs-nonexistent", AT_STATX_SYNC_AS_STAT, STATX_ALL, &stx);
  syscall(SYS_statx, fd, "", AT_EMPTY_PATH | AT_STATX_DONT_SYNC, STATX_BASIC_STATS, (void*)1);
  syscall(SYS_statx, AT_FDCWD, "/dev/null", AT_STATX_FORCE_SYNC, 0x80000000U, &stx);
  syscall(SYS_statfs, "/nonexistent-sct", &sfs);
  syscall(SYS_statfs, "/proc", &sfs);
  syscall(SYS_fstatfs, -1, &sfs);
  syscall(SYS_fstatfs, fd, (void*)1);
  syscall(SYS_close, fd);
  syscall(SYS_unlink, FILE1);
  return 0;
}
