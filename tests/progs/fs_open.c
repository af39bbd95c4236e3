// open, openat, openat2, creat, close, close_range: success and failure.
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/openat2.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#define DIR "/tmp/sct-fs-open"

int main(void) {
  syscall(SYS_mkdir, DIR, 0755);
  int fd = syscall(SYS_open, DIR "/a", O_WRONLY | O_CREAT | O_TRUNC, 0644);
  syscall(SYS_close, fd);
  fd = syscall(SYS_open, DIR "/a", O_RDONLY | O_CLOEXEC);
  syscall(SYS_close, fd);
  syscall(SYS_open, DIR "/missing", O_RDONLY);
  syscall(SYS_open, (void*)1, O_RDONLY);
  syscall(SYS_open, DIR, O_RDONLY | O_DIRECTORY | O_NONBLOCK);
  syscall(SYS_close, 3);
  fd = syscall(SYS_openat, AT_FDCWD, DIR "/a", O_RDWR | O_APPEND | O_NOFOLLOW);
  syscall(SYS_close, fd);
  int dfd = syscall(SYS_openat, AT_FDCWD, DIR, O_RDONLY | O_PATH);
  fd = syscall(SYS_openat, dfd, "b", O_RDWR | O_CREAT | O_EXCL, 0600);
  syscall(SYS_close, fd);
  syscall(SYS_openat, dfd, "b", O_RDWR | O_CREAT | O_EXCL, 0);
  syscall(SYS_openat, -1, "c", O_RDONLY);
  syscall(SYS_openat, AT_FDCWD, DIR, O_TMPFILE | O_RDWR, 0640);
  syscall(SYS_openat, AT_FDCWD, DIR "/a", O_WRONLY | O_SYNC | O_DSYNC | O_NOCTTY | O_ASYNC | 0x40000000);
  syscall(SYS_openat, AT_FDCWD, DIR "/a", 3);
  fd = syscall(SYS_creat, DIR "/c", 0755);
  syscall(SYS_close, fd);
  syscall(SYS_creat, DIR "/nodir/c", 07);
  struct open_how how;
  memset(&how, 0, sizeof how);
  how.flags = O_RDONLY | O_CLOEXEC;
  how.resolve = RESOLVE_NO_SYMLINKS | RESOLVE_BENEATH;
  fd = syscall(SYS_openat2, dfd, "a", &how, sizeof how);
  syscall(SYS_close, fd);
  how.flags = O_CREAT | O_WRONLY;
  how.mode = 0600;
  how.resolve = 0;
  fd = syscall(SYS_openat2, dfd, "d", &how, sizeof how);
  syscall(SYS_close, fd);
  syscall(SYS_openat2, dfd, "a", (void*)1, sizeof how);
  syscall(SYS_openat2, dfd, "a", &how, 8);
  syscall(SYS_close, -1);
  syscall(SYS_close, 1000);
  syscall(SYS_dup2, 0, 20);
  syscall(SYS_dup2, 0, 21);
  syscall(SYS_close_range, 20, 21, 0);
  syscall(SYS_close_range, 30, ~0U, 4 /* CLOSE_RANGE_CLOEXEC */);
  syscall(SYS_close_range, 30, 20, 2 /* CLOSE_RANGE_UNSHARE */ | 8);
  syscall(SYS_close, dfd);
  syscall(SYS_unlink, DIR "/a");
  syscall(SYS_unlink, DIR "/b");
  syscall(SYS_unlink, DIR "/c");
  syscall(SYS_unlink, DIR "/d");
  syscall(SYS_rmdir, DIR);
  return 0;
}
