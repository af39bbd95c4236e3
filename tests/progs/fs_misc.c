// Less common file syscalls: fadvise64, readahead, vmsplice,
// open_by_handle_at, chroot.
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

int main(void) {
  int fd = syscall(SYS_openat, AT_FDCWD, "/tmp/sct-fs-misc", O_RDWR | O_CREAT | O_TRUNC, 0600);
  syscall(SYS_write, fd, "0123456789", 10);
  syscall(SYS_fadvise64, fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  syscall(SYS_fadvise64, fd, 4, 100, POSIX_FADV_DONTNEED);
  syscall(SYS_fadvise64, -1, 0, 0, 9);
  syscall(SYS_readahead, fd, 0, 4096);
  syscall(SYS_readahead, -1, 10, 1);
  int p[2];
  syscall(SYS_pipe2, p, 0);
  struct iovec iov[2] = {{"ab", 2}, {"cde", 3}};
  syscall(SYS_vmsplice, p[1], iov, 2, 0x2 /* SPLICE_F_NONBLOCK */);
  syscall(SYS_vmsplice, -1, iov, 1, 0);
  struct { unsigned int handle_bytes; int handle_type; unsigned char f_handle[8]; } fh = {8, 1, {1, 2, 3, 4, 5, 6, 7, 8}};
  syscall(SYS_open_by_handle_at, -1, &fh, O_RDONLY);
  syscall(SYS_open_by_handle_at, AT_FDCWD, (void*)1, O_RDWR | O_CLOEXEC);
  syscall(SYS_chroot, "/nonexistent-sct");
  syscall(SYS_unlink, "/tmp/sct-fs-misc");
  return 0;
}
