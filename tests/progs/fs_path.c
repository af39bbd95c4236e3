// Path syscalls: access, rename, link, symlink, unlink, mkdir, mknod, rmdir,
// chdir, getcwd, readlink, chmod, chown, umask, truncate, utimensat...
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#define D "/tmp/sct-fs-path"

int main(void) {
  char buf[256];
  syscall(SYS_umask, 022);
  syscall(SYS_mkdir, D, 0755);
  syscall(SYS_mkdir, D, 0700);
  syscall(SYS_mkdirat, AT_FDCWD, D "/sub", 01777);
  syscall(SYS_chdir, D);
  syscall(SYS_chdir, "/nonexistent-sct");
  syscall(SYS_getcwd, buf, sizeof buf);
  syscall(SYS_getcwd, buf, 2);
  int dfd = syscall(SYS_openat, AT_FDCWD, D, O_RDONLY | O_DIRECTORY);
  syscall(SYS_fchdir, dfd);
  syscall(SYS_fchdir, -1);
  syscall(SYS_mknod, "fifo", S_IFIFO | 0644, 0);
  syscall(SYS_mknod, "chr", S_IFCHR | 0600, makedev(1, 3));
  syscall(SYS_mknodat, dfd, "blk", S_IFBLK | 0600, makedev(8, 1));
  syscall(SYS_mknodat, AT_FDCWD, "reg", 0600, 0);
  syscall(SYS_mknod, "sock", S_IFSOCK | 0600, 0);
  syscall(SYS_access, "fifo", F_OK);
  syscall(SYS_access, "fifo", R_OK | W_OK);
  syscall(SYS_access, "nothere", X_OK);
  syscall(SYS_access, "fifo", 0x10);
  syscall(SYS_faccessat, AT_FDCWD, "fifo", R_OK);
  syscall(SYS_faccessat, dfd, "fifo", W_OK | X_OK);
  syscall(SYS_faccessat2, AT_FDCWD, "fifo", R_OK, AT_EACCESS | AT_SYMLINK_NOFOLLOW);
  syscall(SYS_faccessat2, AT_FDCWD, "fifo", F_OK, 0);
  syscall(SYS_rename, "fifo", "fifo2");
  syscall(SYS_rename, "nothere", "x");
  syscall(SYS_renameat, AT_FDCWD, "fifo2", dfd, "fifo");
  syscall(SYS_renameat2, dfd, "fifo", AT_FDCWD, "reg", 1 /* RENAME_NOREPLACE */);
  syscall(SYS_renameat2, dfd, "fifo", AT_FDCWD, "reg", 2 /* RENAME_EXCHANGE */);
  syscall(SYS_renameat2, dfd, "fifo", AT_FDCWD, "fifo3", 0);
  syscall(SYS_renameat2, dfd, "fifo3", AT_FDCWD, "fifo", 0x10);
  syscall(SYS_link, "reg", "reg.link");
  syscall(SYS_linkat, AT_FDCWD, "reg", dfd, "reg.link2", 0);
  syscall(SYS_linkat, dfd, "reg", AT_FDCWD, "reg.link3", AT_SYMLINK_FOLLOW);
  syscall(SYS_symlink, "reg", "sym");
  syscall(SYS_symlinkat, "/nowhere/at/all", dfd, "sym2");
  syscall(SYS_symlink, "reg", "sym");
  syscall(SYS_readlink, "sym", buf, sizeof buf);
  syscall(SYS_readlink, "sym2", buf, 4);
  syscall(SYS_readlink, "reg", buf, sizeof buf);
  syscall(SYS_readlinkat, dfd, "sym2", buf, sizeof buf);
  syscall(SYS_readlinkat, AT_FDCWD, "sym", (void*)1, 10);
  syscall(SYS_chmod, "reg", 0640);
  syscall(SYS_chmod, "reg", 04755);
  syscall(SYS_chmod, "nothere", 0);
  int fd = syscall(SYS_openat, AT_FDCWD, "reg", O_RDWR);
  syscall(SYS_fchmod, fd, 0600);
  syscall(SYS_fchmodat, AT_FDCWD, "reg", 02750);
  syscall(SYS_fchmodat, dfd, "reg", 0644);
  syscall(SYS_chown, "reg", -1, -1);
  syscall(SYS_chown, "reg", 0, 0);
  syscall(SYS_fchown, fd, 0, -1);
  syscall(SYS_lchown, "sym", -1, 0);
  syscall(SYS_fchownat, AT_FDCWD, "sym", 0, 0, AT_SYMLINK_NOFOLLOW);
  syscall(SYS_fchownat, dfd, "", 0, 0, AT_EMPTY_PATH);
  syscall(SYS_truncate, "reg", 100);
  syscall(SYS_truncate, "nothere", 0);
  syscall(SYS_ftruncate, fd, 5);
  syscall(SYS_ftruncate, -1, 5);
  struct timespec ts[2] = {{1, 2}, {1700000000, 123456789}};
  syscall(SYS_utimensat, AT_FDCWD, "reg", ts, 0);
  ts[0].tv_nsec = UTIME_NOW;
  ts[1].tv_nsec = UTIME_OMIT;
  syscall(SYS_utimensat, dfd, "reg", ts, AT_SYMLINK_NOFOLLOW);
  syscall(SYS_utimensat, fd, NULL, NULL, 0);
  syscall(SYS_utimensat, AT_FDCWD, "reg", (void*)1, 0);
  struct timeval tv[2] = {{0, 0}, {1700000000, 999999}};
  syscall(SYS_futimesat, AT_FDCWD, "reg", tv);
  syscall(SYS_futimesat, dfd, "reg", NULL);
  syscall(SYS_utimes, "reg", tv);
  syscall(SYS_close, fd);
  syscall(SYS_unlink, "reg");
  syscall(SYS_unlink, "nothere");
  syscall(SYS_unlinkat, dfd, "reg.link", 0);
  syscall(SYS_unlinkat, AT_FDCWD, "sub", AT_REMOVEDIR);
  syscall(SYS_unlinkat, AT_FDCWD, "sub", 0x1);
  const char* names[] = {"fifo3", "chr", "blk", "sock", "reg.link2", "reg.link3", "sym", "sym2"};
  for (unsigned i = 0; i < sizeof names / sizeof *names; ++i) syscall(SYS_unlink, names[i]);
  syscall(SYS_chdir, "/");
  syscall(SYS_rmdir, D);
  syscall(SYS_rmdir, D);
  syscall(SYS_close, dfd);
  return 0;
}
